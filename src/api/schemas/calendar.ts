import { z } from 'zod';
import { str } from './text';

export const ZCalendarYear = z.object({
  year: z.number().int().min(1900).max(2200),
  holidays: z.array(str()).max(120),
  workingWeekends: z.array(str()).max(60),
});
export const ZCalendarYearBody = ZCalendarYear.extend({ year: z.number().int().optional() });

export const ZComputeDeadlineRequest = z.object({
  start: z.iso.datetime({ offset: true }),
  limit: z.number().int().min(0).max(3650),
  unit: z.enum(['days', 'working_days']),
});
export const ZComputeDeadlineResponse = z.object({ dueDate: str(), dueAt: str() });
