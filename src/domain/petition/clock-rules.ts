// Which limit applies to a clock given the case's flags, and the law's limits on extensions.
// Pure: used by the workflow's validators and deadline computation.
import { computeDeadline } from '../calendar/deadline';
import { defaultCalendarYear, type CalendarYear } from '../calendar/holidays';
import { workingCalendarFrom } from '../calendar/working-calendar';
import type { ClockSpec, KindPolicy } from './deadline-ladder';
import type { ClockName, PetitionKind } from './petition-stages';

export interface CaseFlags {
  complex: boolean;
  veryComplex: boolean;
  remote: boolean;
  multiSite: boolean;
}

export const NO_FLAGS: CaseFlags = { complex: false, veryComplex: false, remote: false, multiSite: false };

export type Variant = 'complex' | 'remote' | 'remoteComplex' | 'multiSite';

/** The most specific variant the policy defines for the flags, else the base limit. */
export function specFor(policy: KindPolicy, clock: ClockName, flags: CaseFlags): ClockSpec {
  const variants = policy.variants?.[clock] ?? {};
  const complex = flags.complex || flags.veryComplex;
  const order: [boolean, Variant][] = [
    [complex && flags.remote, 'remoteComplex'],
    [complex, 'complex'],
    [flags.remote, 'remote'],
    [flags.multiSite, 'multiSite'],
  ];
  for (const [applies, variant] of order) {
    const spec = variants[variant];
    if (applies && spec) return spec;
  }
  return policy.clocks[clock];
}

export interface ExtensionPolicy {
  /** Each extension is at most this many calendar days. */
  maxDays: number;
  /** How many extensions the law allows by complexity (Luật Tố cáo 2018, Đ.30: once complex, twice very complex). */
  allowed: { complex: number; veryComplex: number };
  basis: string;
}

export interface ExtensionCheckInput {
  kind: PetitionKind;
  policy: KindPolicy;
  flags: CaseFlags;
  approvedSoFar: number;
  days: number;
}

export function checkExtension(input: ExtensionCheckInput): string | null {
  const rule = input.policy.extensions;
  if (!rule) return `a ${input.kind} has no extension by law`;
  if (input.days < 1 || input.days > rule.maxDays)
    return `each extension is at most ${rule.maxDays} days (${rule.basis})`;
  const allowed = input.flags.veryComplex ? rule.allowed.veryComplex : input.flags.complex ? rule.allowed.complex : 0;
  if (allowed === 0)
    return `only a complex or very complex case may be extended (${rule.basis}); set the complexity flag first`;
  if (input.approvedSoFar >= allowed) {
    return `already extended ${input.approvedSoFar} time(s); the law allows ${allowed} for a ${input.flags.veryComplex ? 'very complex' : 'complex'} case (${rule.basis})`;
  }
  return null;
}

/** An approved extension adds calendar days after the current due day, ending on a working day. */
export function extendDue(dueAtMs: number, days: number, calendar: readonly CalendarYear[]): number {
  return computeDeadline(
    { startMs: dueAtMs, limit: days, unit: 'days' },
    workingCalendarFrom(calendar, defaultCalendarYear),
  ).dueAtMs;
}
