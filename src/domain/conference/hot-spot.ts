// Noticing a hot spot early (DOMAIN.md, "Many petitioners, one matter"): many petitions about one
// subject, field and place in a short time. The similarity is deliberately simple and explainable: the
// share of subject words two petitions have in common (Jaccard on syllables, diacritics folded, common
// words dropped), within one receiving unit and field.
const STOP = new Set(
  've cua va tai cho cac nhung viec de nghi phan anh kien khieu nai to cao don ong ba toi chung gia dinh o xa phuong thon xom ap khu pho duong so nha la co khong da dang bi duoc voi trong tren theo lam mot hai'.split(
    ' ',
  ),
);

export function subjectWords(subject: string): Set<string> {
  const folded = subject
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return new Set(folded.split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !STOP.has(w)));
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface HotSpotCandidate {
  id: string;
  subject: string;
  receivedAtMs: number;
}

export interface HotSpot {
  petitionIds: string[];
  /** The words most of the cluster shares, for the proposal's reason. */
  commonWords: string[];
}

/** The petitions similar to `anchor` (itself included); a hot spot when there are at least `minPetitions`. */
export function hotSpotAround(
  anchor: HotSpotCandidate,
  others: HotSpotCandidate[],
  options: { minPetitions: number; minSimilarity: number },
  /** A subject's words; a caller scanning the same petitions again may pass a memo of subjectWords. */
  wordsOf: (c: HotSpotCandidate) => Set<string> = (c) => subjectWords(c.subject),
): HotSpot | null {
  const words = wordsOf(anchor);
  const cluster = [
    anchor,
    ...others.filter((o) => o.id !== anchor.id && similarity(words, wordsOf(o)) >= options.minSimilarity),
  ];
  if (cluster.length < options.minPetitions) return null;
  const counts = new Map<string, number>();
  for (const c of cluster) for (const w of wordsOf(c)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const commonWords = [...counts.entries()]
    .filter(([, n]) => n * 2 >= cluster.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([w]) => w);
  return {
    petitionIds: cluster.sort((a, b) => a.receivedAtMs - b.receivedAtMs || a.id.localeCompare(b.id)).map((c) => c.id),
    commonWords,
  };
}
