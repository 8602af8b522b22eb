import { z } from 'zod';

export const ZCalendarYear = z.object({
  year: z.number().int().min(1900).max(2200),
  holidays: z.array(z.string()).max(120),
  workingWeekends: z.array(z.string()).max(60),
});
export const ZCalendarYearBody = ZCalendarYear.extend({ year: z.number().int().optional() });

export const ZComputeDeadlineRequest = z.object({
  start: z.iso.datetime({ offset: true }),
  limit: z.number().int().min(0).max(3650),
  unit: z.enum(['days', 'working_days']),
});
export const ZComputeDeadlineResponse = z.object({ dueDate: z.string(), dueAt: z.string() });
