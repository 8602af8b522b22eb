// Open311 GeoReport v2: form fields arrive as strings, so numbers are coerced here.
import { z } from 'zod';
import { str } from './text';

const num = z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().finite().optional());
export const ZOpen311Request = z.object({
  api_key: str().min(1),
  service_code: str().min(1),
  description: str().trim().min(3).max(4000),
  address_string: str().trim().max(500).optional(),
  lat: num,
  long: num,
  first_name: str().trim().max(100).optional(),
  last_name: str().trim().max(100).optional(),
  email: z.email().optional(),
  phone: str()
    .trim()
    .regex(/^[+0-9 ().-]{6,20}$/)
    .optional(),
  jurisdiction_id: str().optional(),
});
export const ZOpen311Query = z.object({
  api_key: str().optional(),
  service_request_id: str().optional(),
  service_code: str().optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['open', 'closed']).optional(),
});
