// The one string every request schema is built from: it refuses what PostgreSQL cannot store (see
// src/domain/storable-text.ts) with a 400 naming the field, before anything is written or signalled.
import { z } from 'zod';
import { isStorableText, UNSTORABLE_MESSAGE } from '../../domain/storable-text';

export const str = () => z.string().refine(isStorableText, { message: UNSTORABLE_MESSAGE });

/**
 * A calendar day (YYYY-MM-DD) within the years the working calendar can be computed for: zod's ISO date
 * accepts 0000-01-01, which JavaScript's Date.UTC reads as 1900 and the lunar holiday rules cannot place.
 */
export const day = () =>
  z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 1900 && Number(d.slice(0, 4)) <= 2199, {
    message: 'a day between 1900-01-01 and 2199-12-31 / ngày từ năm 1900 đến năm 2199',
  });
