// The one string every request schema is built from: it refuses what PostgreSQL cannot store (see
// src/domain/storable-text.ts) with a 400 naming the field, before anything is written or signalled.
import { z } from 'zod';
import { isStorableText, UNSTORABLE_MESSAGE } from '../../domain/storable-text';

export const str = () => z.string().refine(isStorableText, { message: UNSTORABLE_MESSAGE });
