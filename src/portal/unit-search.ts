// Finding a commune by name as people type it: with or without Vietnamese accents ("tien du" finds
// "Tiên Du"), in any case, ignoring the "UBND xã/phường" prefix.
import type { PrismaClient } from '../platform/db/prisma';

export interface PublicUnit {
  id: string;
  name: string;
  nameEn: string | null;
  level: string;
}

/** Lower case without diacritics; đ becomes d, which NFD alone does not do. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchUnits<U extends { name: string; nameEn: string | null }>(units: U[], query: string): U[] {
  const q = foldDiacritics(query);
  if (!q) return units;
  return units.filter(
    (u) => foldDiacritics(u.name).includes(q) || (u.nameEn ? foldDiacritics(u.nameEn).includes(q) : false),
  );
}

// Petitions are filed with the body closest to the citizen; the province and its agencies are reached
// through them or in person.
const RECEIVING_LEVELS = ['commune', 'district', 'province'];

export async function receivingUnits(prisma: PrismaClient): Promise<PublicUnit[]> {
  const rows = await prisma.unit.findMany({
    select: { id: true, name: true, nameEn: true, level: true },
    orderBy: { name: 'asc' },
  });
  return rows
    .filter((u) => RECEIVING_LEVELS.includes(u.level))
    .sort(
      (a, b) => (a.level === 'commune' ? 0 : 1) - (b.level === 'commune' ? 0 : 1) || a.name.localeCompare(b.name, 'vi'),
    );
}
