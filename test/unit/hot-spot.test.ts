// The hot-spot similarity on hand-made subjects: what counts as "about the same thing" and what does not.
import { hotSpotAround, similarity, subjectWords } from '../../src/domain/conference/hot-spot';

test('subjects are compared on their words, diacritics folded and common words dropped', () => {
  expect([...subjectWords('Phản ánh ô nhiễm khói bụi từ nhà máy gạch Đồng Tâm')].sort()).toEqual([
    'bui',
    'dong',
    'gach',
    'khoi',
    'may',
    'nhiem',
    'tam',
    'tu',
  ]);
  // {nhiem, khoi, bui, may, gach} against {khoi, bui, tu, may, gach, gay, nhiem}: 5 shared of 7 ("ô" is too short, "nhà" is common).
  expect(
    similarity(subjectWords('Ô nhiễm khói bụi nhà máy gạch'), subjectWords('Khói bụi từ nhà máy gạch gây ô nhiễm')),
  ).toBeCloseTo(5 / 7);
  expect(similarity(subjectWords('Ô nhiễm khói bụi nhà máy gạch'), subjectWords('Đề nghị sửa đường liên thôn'))).toBe(
    0,
  );
});

test('five similar petitions make a hot spot, with the words they share; four do not', () => {
  const subjects = [
    'Ô nhiễm khói bụi nhà máy gạch',
    'Khói bụi nhà máy gạch Đồng Tâm',
    'Nhà máy gạch gây ô nhiễm khói',
    'Phản ánh khói bụi từ nhà máy gạch',
    'Khói nhà máy gạch ban đêm',
    'Sửa đường liên thôn bị hỏng',
  ];
  const petitions = subjects.map((subject, i) => ({ id: `p${i}`, subject, receivedAtMs: i }));
  const spot = hotSpotAround(petitions[4]!, petitions, { minPetitions: 5, minSimilarity: 0.3 });
  expect(spot).toEqual({ petitionIds: ['p0', 'p1', 'p2', 'p3', 'p4'], commonWords: ['gach', 'khoi', 'may', 'bui'] });
  expect(hotSpotAround(petitions[4]!, petitions.slice(1), { minPetitions: 5, minSimilarity: 0.3 })).toBeNull();
  expect(hotSpotAround(petitions[5]!, petitions, { minPetitions: 2, minSimilarity: 0.3 })).toBeNull();
});
