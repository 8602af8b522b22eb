import { randomBytes } from 'node:crypto';
import {
  alreadyDecidedAnswer,
  duplicateReasons,
  foldText,
  subjectSimilarity,
} from '../../src/domain/petition/duplicate-match';
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
