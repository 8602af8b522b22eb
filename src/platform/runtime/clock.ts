// One place that says what "now" is: the system clock unless the composition root or a test passes its own,
// so a test can move time for every use case and page in the same way.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The current instant from the deps' clock, or the system clock when none is set. */
export function nowFrom(deps: { now?: Clock }): Date {
  return (deps.now ?? systemClock)();
}
