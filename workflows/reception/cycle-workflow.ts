// The reception cycle of one schedule: a long-running workflow that computes the next occurrence from
// the rule and the working calendar, waits until it is time to announce it, starts that session's own
// workflow, and continues as new. Why not a Temporal Schedule: the dates need the Vietnamese working
// calendar (holidays, swapped Saturdays) that cron-like specs cannot express, and a durable timer plus
// continue-as-new give the same guarantees (a restart loses nothing; histories stay short) while staying
// testable on the time-skipping server. An edit (signal) is taken for every occurrence not yet announced;
// announced sessions keep their date.
import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ReceptionActivities } from '../../activities';
import { localTimeOn, parseDay, yearOf } from '../../src/domain/calendar/day';
import { defaultCalendarYear } from '../../src/domain/calendar/holidays';
import { workingCalendarFrom } from '../../src/domain/calendar/working-calendar';
import { occurrencesAfter, type Occurrence } from '../../src/domain/reception/schedule-rule';
import { LOOKUP, WORKFLOW_START } from '../activity-options';
import {
  cycleStateQuery,
  scheduleChangedSignal,
  sessionWorkflowId,
  stopCycleSignal,
  type ReceptionCycleInput,
  type ReceptionSpec,
} from './messages';

const { loadCalendarYears } = proxyActivities<ReceptionActivities>(LOOKUP);
const { startReceptionSession } = proxyActivities<ReceptionActivities>(WORKFLOW_START);

/** 08:00 local time, `daysBefore` days before the session. */
const announceAtOf = (day: string, daysBefore: number) => localTimeOn(parseDay(day) - daysBefore, 8);

export async function receptionCycleWorkflow(input: ReceptionCycleInput): Promise<void> {
  let spec: ReceptionSpec = input.spec;
  let changed = false;
  let stopped = false;
  let next: Occurrence | null = null;
  let announceAt: number | null = null;

  setHandler(scheduleChangedSignal, (edited) => {
    if (edited.version > spec.version) {
      spec = edited;
      changed = true;
    }
  });
  setHandler(stopCycleSignal, () => {
    stopped = true;
  });
  setHandler(cycleStateQuery, () => ({
    specVersion: spec.version,
    next,
    announceAt: announceAt === null ? null : new Date(announceAt).toISOString(),
    started: input.started,
  }));

  for (;;) {
    changed = false;
    // Tables are read afresh for each decision, so an admin's calendar edit is taken too.
    const years = await loadCalendarYears({ fromYear: yearOf(parseDay(input.afterDay)) });
    next = occurrencesAfter(spec.rule, input.afterDay, workingCalendarFrom(years, defaultCalendarYear), 1)[0] ?? null;
    if (!next) return;
    announceAt = announceAtOf(next.day, spec.announceDaysBefore);
    if (Date.now() >= announceAt) break;
    await condition(() => changed || stopped, announceAt - Date.now());
    if (stopped) return;
  }
  if (stopped) return;

  const occurrence = next;
  // An activity, not a child workflow: the session outlives this run, which continues as new at once
  // (and the time-skipping test server cannot skip time past abandoned children of a continued parent).
  await startReceptionSession({
    sessionId: sessionWorkflowId(spec.scheduleId, occurrence.nominal),
    scheduleId: spec.scheduleId,
    unitId: spec.unitId,
    nominalDay: occurrence.nominal,
    day: occurrence.day,
    startTime: spec.startTime,
    durationMinutes: spec.durationMinutes,
    location: spec.location,
    leaderId: spec.leaderId,
    jointUnitIds: spec.jointUnitIds,
  });
  // A stop that arrived while the session was being started ends the cycle here.
  if (stopped) return;
  await continueAsNew<typeof receptionCycleWorkflow>({ spec, afterDay: occurrence.day, started: input.started + 1 });
}
