import { z } from 'zod';
import { GROUPINGS } from '../../reports/reports';
import { periodRefinement, ZPeriodFields } from './period';

const ZTableFormat = {
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: z.enum(['vi', 'en']).default('vi'),
};

export const ZReportQuery = z
  .object({ ...ZPeriodFields, groupBy: z.enum(GROUPINGS).default('unit'), ...ZTableFormat })
  .refine(...periodRefinement);

export const ZScorecardQuery = z.object({ ...ZPeriodFields, ...ZTableFormat }).refine(...periodRefinement);
