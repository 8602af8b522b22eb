// ISO-8601 durations for deadline policy ("P30D", "PT90S", "P1W"). Years and months are refused:
// their length depends on the calendar, and legal limits here are stated in days.
const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const MS = { week: 604_800_000, day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1_000 } as const;

export function isIsoDuration(text: string): boolean {
  return ISO_DURATION.test(text) && text !== 'P' && !text.endsWith('T');
}

export function parseIsoDuration(text: string): number {
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new RangeError(`not an ISO-8601 duration in weeks/days/hours/minutes/seconds: "${text}"`);
  }
  const [, w, d, h, m, s] = match;
  const part = (value: string | undefined, unit: number): number => (value ? Number(value) * unit : 0);
  return Math.round(part(w, MS.week) + part(d, MS.day) + part(h, MS.hour) + part(m, MS.minute) + part(s, MS.second));
}
