// The official registers (Thông tư 05/2021/TT-TTCP) of one unit over a period, as XLSX.
import { z } from 'zod';
import { str } from './text';
import { periodRefinement, ZPeriodFields } from './period';

export const ZRegisterQuery = z
  .object({
    unitId: str().min(1).describe('the unit whose register it is'),
    ...ZPeriodFields,
    reason: str()
      .trim()
      .min(3)
      .max(500)
      .optional()
      .describe(
        "for those entitled: why denouncers' identities are opened in the register (each opening recorded); without it they read “công dân”",
      ),
  })
  .refine(...periodRefinement);
