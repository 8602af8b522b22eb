import { NOTIFICATION_TEMPLATES } from '../../src/domain/petition/notification-types';
import { checkPlaceholders, fillPlaceholders, placeholdersOf } from '../../src/petitions/letters/letter-placeholders';
import { validateLetterTemplate } from '../../src/petitions/letters/letter-templates';
import { BUILT_IN_WORDING, renderNotification, type TemplateContext } from '../../src/petitions/templates';
import { renderReceptionMail } from '../../src/reception/templates';
import { renderConferenceMail } from '../../src/conferences/templates';
import { escapeHtml, type Letterhead } from '../../src/platform/mail/letter';

const head: Letterhead = {
  superior: 'UBND tỉnh Bắc Ninh',
  unitName: 'UBND xã Tiên Du',
  level: { vi: 'Cấp xã', en: 'Commune' },
  lines: ['Số 1 đường Lý Thái Tổ, xã Tiên Du', 'ĐT: 0222 3838 000'],
};

const ctx = (over: Partial<TemplateContext> = {}): TemplateContext => ({
  trackingCode: 'DV-7KQ2-MX9P',
  kind: 'complaint',
  subject: 'Tranh chấp ranh giới đất',
  unitName: 'UBND xã Tiên Du',
  recipientName: 'Nguyễn Văn A',
  data: {},
  appUrl: 'http://127.0.0.1:3000',
  petitionId: 'p1',
  ...over,
});

test('when every built-in wording is checked, then it uses only the placeholders its template allows', () => {
  for (const template of NOTIFICATION_TEMPLATES) {
    const w = BUILT_IN_WORDING[template];
    const problems = (['subjectVi', 'subjectEn', 'bodyVi', 'bodyEn'] as const).flatMap((f) =>
      checkPlaceholders(f, w[f], placeholdersOf(template)),
    );
    expect({ template, problems }).toEqual({ template, problems: [] });
  }
});

test('when a template names an unknown placeholder or a stray brace, then each field says so', () => {
  const problems = validateLetterTemplate({
    unitId: 'xa-tien-du',
    template: 'result',
    kind: 'complaint',
    subjectVi: 'Kết quả {{trackingCode}}',
    subjectEn: 'Result {{ password }}',
    bodyVi: 'Kết quả: {{summary}} {{reason}}',
    bodyEn: 'Result {{summary',
  });
  expect(problems.map((p) => p.path)).toEqual(['subjectEn', 'bodyVi', 'bodyEn']);
  expect(problems[0]!.message).toContain('unknown placeholder {{password}}');
  expect(problems[1]!.message).toContain('{{reason}}');
  expect(problems[2]!.message).toContain('not a placeholder');
});

test('when an unknown template or kind and empty fields are given, then each is refused on its field', () => {
  const problems = validateLetterTemplate({
    unitId: 'x',
    template: 'nope',
    kind: 'lawsuit',
    subjectVi: '',
    subjectEn: 's',
    bodyVi: 'b',
    bodyEn: 'x'.repeat(5001),
  });
  expect(problems.map((p) => p.path)).toEqual(['template', 'kind', 'subjectVi', 'bodyEn']);
});

test('when placeholders are filled, then spacing inside braces is allowed and a missing value is empty', () => {
  expect(fillPlaceholders('A {{ trackingCode }} B {{summary}}.', { trackingCode: 'DV-1' })).toBe('A DV-1 B .');
});

test('when a letter is rendered, then the HTML has the letterhead, the Vietnamese block before the English one, and every value escaped', () => {
  const evil = '<script>alert("x")</script> & <b>';
  const letter = renderNotification('result', ctx({ data: { summary: evil } }), head);
  expect(letter.html).not.toContain('<script>');
  expect(letter.html).not.toContain('<b>');
  expect(letter.html).toContain(escapeHtml(evil));
  expect(letter.html).toContain('UBND xã Tiên Du');
  expect(letter.html).toContain('UBND tỉnh Bắc Ninh');
  expect(letter.html).toContain('Số 1 đường Lý Thái Tổ, xã Tiên Du');
  expect(letter.html).toContain('Độc lập - Tự do - Hạnh phúc');
  const vi = letter.html.indexOf('lang="vi" style');
  const en = letter.html.indexOf('lang="en"');
  expect(vi).toBeGreaterThan(0);
  expect(en).toBeGreaterThan(vi);
  expect(letter.html.indexOf('Kết quả giải quyết đơn')).toBeLessThan(en);
  expect(letter.html.indexOf('The result of your petition')).toBeGreaterThan(en);
  // The text part: letterhead first, then the same two blocks.
  expect(letter.text.startsWith('UBND TỈNH BẮC NINH\nUBND XÃ TIÊN DU\nSố 1')).toBe(true);
  expect(letter.text.indexOf('Kính gửi Nguyễn Văn A,')).toBeLessThan(letter.text.indexOf('Dear Nguyễn Văn A,'));
  expect(letter.text).toContain(evil);
  expect(letter.subject).toBe('[DV-7KQ2-MX9P] Kết quả giải quyết đơn / Result of your petition');
});

test("when a unit's wording is given, then it replaces the built-in one and only its placeholders are filled", () => {
  const letter = renderNotification('result', ctx({ data: { summary: 'Đúng một phần' } }), head, {
    subjectVi: 'Trả lời đơn {{trackingCode}}',
    subjectEn: 'Answer {{trackingCode}}',
    bodyVi: 'Kính báo: {{summary}}.\n\nTrân trọng.',
    bodyEn: 'We answer: {{summary}}.',
  });
  expect(letter.subject).toBe('[DV-7KQ2-MX9P] Trả lời đơn DV-7KQ2-MX9P / Answer DV-7KQ2-MX9P');
  expect(letter.text).toContain('Kính báo: Đúng một phần.');
  // A blank line in the body is a new paragraph of the HTML part.
  expect(letter.html).toMatch(/Kính báo: Đúng một phần\.<\/p><p[^>]*>Trân trọng\./);
});

test('when a forwarding letter names the petitioner, then the link is a link and a denouncer is "công dân"', () => {
  const letter = renderNotification('forwardedIn', ctx({ kind: 'denunciation', petitionerName: 'công dân' }), head);
  expect(letter.text).toContain('Người gửi đơn: công dân.');
  expect(letter.html).toContain('<a href="http://127.0.0.1:3000/api/v1/petitions/p1"');
});

test('when reception and conference mails are rendered, then they have an HTML part with both blocks and the old text under the letterhead', () => {
  const reception = renderReceptionMail(
    'receptionRegistered',
    {
      unitName: 'UBND xã Tiên Du',
      day: '2026-12-10',
      startsAtMs: Date.parse('2026-12-10T01:00:00Z'),
      location: 'Hội trường <A>',
      recipientName: 'Trần Thị B',
      receivingLeaderName: 'Lê C',
      appUrl: 'http://x',
      sessionId: 's1',
      data: {},
    },
    head,
  );
  expect(reception.text).toContain('Kính gửi Trần Thị B / Dear Trần Thị B,\n\nÔng/bà đã đăng ký');
  expect(reception.html).toContain('Hội trường &lt;A&gt;');
  expect(reception.html.indexOf('Ông/bà đã đăng ký')).toBeLessThan(reception.html.indexOf('You are registered'));
  const conference = renderConferenceMail(
    'conferenceReminder',
    {
      unitName: 'UBND xã Tiên Du',
      title: 'Đối thoại đất đai',
      startsAtMs: Date.parse('2026-12-10T01:00:00Z'),
      location: 'Hội trường',
      recipientName: 'Lê C',
      appUrl: 'http://x',
      conferenceId: 'c1',
      data: {},
    },
    head,
  );
  expect(conference.html).toContain('UBND xã Tiên Du');
  expect(conference.html.indexOf('Ngày mai')).toBeLessThan(conference.html.indexOf('Tomorrow'));
  expect(conference.text).toContain('http://x/api/v1/conferences/c1');
});
