// A unit's letter templates and letterhead (admin).
import { z } from 'zod';
import { NOTIFICATION_TEMPLATES } from '../../domain/petition/notification-types';
import { str } from './text';

export const ZLetterTemplateRequest = z.object({
  unitId: str().min(1),
  template: z.enum(NOTIFICATION_TEMPLATES),
  kind: z
    .enum(['complaint', 'denunciation', 'recommendation', 'feedback', '*'])
    .describe('a petition kind, or "*" for every kind (a kind of its own wins)'),
  subjectVi: str().max(200).describe('placeholders such as {{trackingCode}}; unknown ones are refused'),
  subjectEn: str().max(200),
  bodyVi: str().max(5000).describe('plain text; a blank line starts a paragraph; values are HTML-escaped'),
  bodyEn: str().max(5000),
});
export const ZLetterTemplate = ZLetterTemplateRequest.extend({
  id: str(),
  version: z.number().int(),
  updatedAt: str(),
});
export const ZLetterTemplateList = z.object({ items: z.array(ZLetterTemplate) });
export const ZLetterTemplateQuery = z.object({ unitId: str().min(1).optional() });
export const ZRenderedLetter = z.object({ subject: str(), text: str(), html: str() });
export const ZBuiltInWording = z.object({
  items: z.array(
    z.object({
      template: z.enum(NOTIFICATION_TEMPLATES),
      placeholders: z.array(str()),
      subjectVi: str(),
      subjectEn: str(),
      bodyVi: str(),
      bodyEn: str(),
    }),
  ),
});
export const ZLetterheadRequest = z.object({
  lines: z.array(str().max(200)).max(5).describe('address, telephone, e-mail: printed under the unit’s name'),
});
