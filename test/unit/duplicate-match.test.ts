import { randomBytes } from 'node:crypto';
import {
  alreadyDecidedAnswer,
  duplicateReasons,
  foldText,
  subjectSimilarity,
  SIMILAR_SUBJECT_ALONE,
  wordsAnAlikeSubjectShares,
} from '../../src/domain/petition/duplicate-match';
import { subjectWords as indexedSubjectWords } from '../../src/domain/conference/hot-spot';
import { petitionerMatchKeys } from '../../src/petitions/duplicates/petitioner-keys';

test('when a subject is typed without diacritics, then it folds to the same words', () => {
  expect(foldText('Khiếu nại việc BỒI THƯỜNG đất, Đồng Tháp!')).toBe('khieu nai viec boi thuong dat dong thap');
  expect(subjectSimilarity('Bồi thường đất tại thôn Đông', 'boi thuong dat tai thon dong')).toBe(1);
});

test('when subjects share only the words every petition has, then they are not alike', () => {
  expect(subjectSimilarity('Đơn khiếu nại về việc', 'Đơn tố cáo về việc')).toBe(0);
  expect(subjectSimilarity('Bồi thường đất thôn Đông', 'Đèn đường hỏng ngõ 5')).toBe(0);
  expect(subjectSimilarity('Bồi thường đất thôn Đông', 'Bồi thường đất thôn Tây')).toBeCloseTo(4 / 6);
});

test('when only the subject is alike, then it takes a near match; from the same petitioner a weaker one or the same field', () => {
  expect(duplicateReasons({ sharedFacets: [], similarity: 0.7, sameField: true })).toBeNull();
  expect(duplicateReasons({ sharedFacets: [], similarity: 0.8, sameField: false })).toEqual([
    { code: 'similarSubject', similarity: 0.8 },
  ]);
  expect(duplicateReasons({ sharedFacets: ['phone'], similarity: 0.1, sameField: false })).toBeNull();
  expect(duplicateReasons({ sharedFacets: ['phone'], similarity: 0, sameField: true })).toEqual([
    { code: 'samePetitioner', facets: ['phone'] },
    { code: 'sameField' },
  ]);
});

test('when the same person is written differently, then the keyed hashes match; under another key or for another person they do not', () => {
  const key = randomBytes(32);
  const a = petitionerMatchKeys(key, { fullName: 'Trần Thị Lan', phone: '+84 987 654 321', address: 'Xóm 2' });
  const b = petitionerMatchKeys(key, { fullName: 'TRAN THI LAN', phone: '0987654321', address: 'xom 2' });
  expect(a).toEqual(b);
  expect(a.map((k) => k.split(':')[0])).toEqual(['phone', 'name-address']);
  expect(a.join()).not.toMatch(/0987|lan/i);
  expect(petitionerMatchKeys(randomBytes(32), { fullName: 'Trần Thị Lan', phone: '0987654321' })[0]).not.toBe(a[0]);
  expect(petitionerMatchKeys(key, { fullName: 'Trần Thị Lan' })).toEqual([]);
  expect(petitionerMatchKeys(key, { fullName: 'Trần Thị Lan', phone: '0987654322' })[0]).not.toBe(a[0]);
});

test('when a decided matter comes again, then the answer cites the article for its kind and round', () => {
  expect(alreadyDecidedAnswer({ kind: 'denunciation', round: 1 }).basis).toBe(
    'Luật Tố cáo 2018, Điều 25 khoản 1 điểm a',
  );
  expect(alreadyDecidedAnswer({ kind: 'complaint', round: 2 }).basis).toBe('Luật Khiếu nại 2011, Điều 11 khoản 7');
  expect(alreadyDecidedAnswer({ kind: 'complaint', round: 1 }).basis).toBe('Luật Khiếu nại 2011, Điều 33');
  expect(alreadyDecidedAnswer({ kind: 'feedback', round: 1 }).vi).toContain('Luật Tiếp công dân 2013');
});

// The registration reads only the petitions sharing one of these words through the words index: a subject
// alike enough that this misses would be a duplicate never proposed. Subjects drawn from a small vocabulary
// (one-letter words, the hot spot's extra stop words "xã", "số", "đường", common words, diacritics) make
// alike pairs frequent, and every alike pair must share a listed word in the other's indexed words.
test('when a subject is alike enough to another, then it shares one of the words the registration looks up', () => {
  const vocabulary = [
    'Bồi',
    'thường',
    'đất',
    'xã',
    'số',
    'đường',
    '5',
    'a',
    'thôn',
    'Đông',
    'về',
    'ngõ',
    'hỏng',
    'nhà',
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const subject = () =>
    Array.from({ length: 1 + Math.floor(next() * 6) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(
      ' ',
    );
  // The other subject: mine's words shuffled, one maybe dropped or added, typed without diacritics at times.
  const near = (text: string) => {
    const words = text.split(' ').sort(() => next() - 0.5);
    if (next() < 0.3) words.pop();
    if (next() < 0.3) words.push(vocabulary[Math.floor(next() * vocabulary.length)]!);
    const typed = words.join(' ');
    return next() < 0.5 ? typed : foldText(typed);
  };
  let alikePairs = 0;
  let lookedUp = 0;
  for (let i = 0; i < 4_000; i++) {
    const mine = subject();
    const other = next() < 0.5 ? near(mine) : subject();
    const shares = wordsAnAlikeSubjectShares(mine);
    if (shares !== null) lookedUp += 1;
    if (subjectSimilarity(mine, other) < SIMILAR_SUBJECT_ALONE) continue;
    alikePairs += 1;
    if (shares === null) continue; // every recent subject is compared
    const stored = indexedSubjectWords(other);
    expect({ mine, other, found: shares.some((w) => stored.has(w)) }).toEqual({ mine, other, found: true });
  }
  expect(alikePairs).toBeGreaterThan(100);
  expect(lookedUp).toBeGreaterThan(2_000);
});

test('when a subject has only words every petition has, then nothing is alike on its subject alone', () => {
  expect(wordsAnAlikeSubjectShares('Đơn khiếu nại về việc')).toEqual([]);
  expect(wordsAnAlikeSubjectShares('Bồi thường đất số 5')).toEqual(['boi', 'thuong', 'dat']);
  // Four of five words outside the index: an alike subject shares four, which may all be outside it.
  expect(wordsAnAlikeSubjectShares('xã a nhà số đất')).toBeNull();
});
