// A person's name as a search compares it: Vietnamese diacritics folded (Nguyễn → nguyen, Đ → d), case and
// runs of white space ignored, so an officer can type a name without accents.
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
