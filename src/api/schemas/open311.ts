// Open311 GeoReport v2: form fields arrive as strings, so numbers are coerced here.
import { z } from 'zod';

const num = z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().finite().optional());
export const ZOpen311Request = z.object({
  api_key: z.string().min(1),
  service_code: z.string().min(1),
  description: z.string().trim().min(3).max(4000),
  address_string: z.string().trim().max(500).optional(),
  lat: num,
  long: num,
  first_name: z.string().trim().max(100).optional(),
  last_name: z.string().trim().max(100).optional(),
  email: z.email().optional(),
  phone: z.string().trim().regex(/^[+0-9 ().-]{6,20}$/).optional(),
  jurisdiction_id: z.string().optional(),
});
export const ZOpen311Query = z.object({
  api_key: z.string().optional(),
  service_request_id: z.string().optional(),
  service_code: z.string().optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['open', 'closed']).optional(),
});
