import type { Lang } from '../../web/i18n';

export function unitName(unit: { name: string; nameEn: string | null }, lang: Lang): string {
  return lang === 'en' && unit.nameEn ? unit.nameEn : unit.name;
}
