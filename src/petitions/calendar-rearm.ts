// After an admin edits a year's calendar, every open petition recomputes its running deadline from the
// new table and re-arms its timers (the workflow keeps fired reminders fired).
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { PrismaClient } from '../platform/db/prisma';
import { signalCalendarChanged } from './client';
import { getCalendarYear } from '../calendar/calendar-store';

export async function rearmOpenPetitions(
  deps: { prisma: PrismaClient; temporal: Client; logger?: Logger },
  year: number,
): Promise<{ signalled: number }> {
  const { source: _source, ...table } = await getCalendarYear(deps.prisma, year);
  const open = await deps.prisma.petition.findMany({ where: { closedAt: null }, select: { workflowId: true } });
  let signalled = 0;
  for (const { workflowId } of open) {
    try {
      await signalCalendarChanged(deps, workflowId, table);
      signalled += 1;
    } catch (error) {
      // A petition that closed meanwhile has no timers to move.
      deps.logger?.debug({ workflowId, err: error }, 'calendar change not delivered');
    }
  }
  return { signalled };
}
