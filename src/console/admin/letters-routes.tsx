// The letter templates pages: the same use cases as /api/v1/admin/letters, with the same checks. The
// preview is the letter's own HTML document, answered into a frame: it carries inline styles as a mail
// client gets them, so it has a policy of its own (no script, no requests, framed by the console only).
import { Router, type Request, type Response } from 'express';
import { AppError, type FieldError } from '../../errors';
import type { NotificationTemplate } from '../../domain/petition/notification-types';
import {
  ALL_KINDS,
  builtInWording,
  deleteLetterTemplate,
  findLetterWording,
  listLetterTemplates,
  previewLetter,
  readLetterhead,
  saveLetterhead,
  saveLetterTemplate,
  type LetterTemplateInput,
} from '../../petitions/letters/letter-templates';
import { isNotificationTemplate, placeholdersOf } from '../../petitions/letters/letter-placeholders';
import { listUnits } from '../../org/org-admin';
import { escapeHtml, type RenderedLetter } from '../../platform/mail/letter';
import { toAppError, statusFor } from '../../web/app-errors';
import { compareNames } from '../../web/format';
import { sendPage } from '../../web/render';
import type { LetterWording } from '../../petitions/templates';
import type { ConsoleDeps } from '../console-deps';
import type { PageContext } from '../page-context';
import type { FormProblem } from './admin-shell';
import { KIND_CHOICES, LETTERS_BASE, LettersPage, type LetterChoice } from './letters-page';
import { lettersWords } from './letters-messages';

type Fields = Record<string, string | string[] | undefined>;
const one = (fields: Fields | Request['query'], name: string): string => {
  const v = (fields as Fields)[name];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
};
/** Textareas keep their line breaks; browsers send CRLF. */
const text = (fields: Fields, name: string): string => one(fields, name).replace(/\r\n/g, '\n');

const PREVIEW_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function formProblem(error: unknown): { status: number; problem: FormProblem } {
  const appError = toAppError(error);
  if (appError.code !== 'ValidationFailed') throw error;
  const fields = Array.isArray(appError.details) ? (appError.details as FieldError[]) : [];
  return { status: statusFor(appError), problem: { message: appError.message, fields } };
}

export function letterPages(deps: ConsoleDeps, consoleCtxOf: (req: Request) => PageContext): Router {
  const { prisma } = deps;
  // Mounted two routers deep: the navigation's current marker wants the path within the console.
  const ctxOf = (req: Request): PageContext => ({ ...consoleCtxOf(req), path: `/admin/letters${req.path}` });
  const router = Router();

  const sortedUnits = async (req: Request) =>
    (await listUnits(prisma, req.principal!)).items.sort((x, y) => compareNames(x.name, y.name));

  /** The choice in the query or form, each part defaulted to something the admin may open. */
  const choiceOf = (fields: Fields | Request['query'], unitIds: string[]): LetterChoice => {
    const unitId = one(fields, 'unitId');
    const template = one(fields, 'template');
    const kind = one(fields, 'kind');
    return {
      unitId: unitIds.includes(unitId) ? unitId : (unitIds[0] ?? ''),
      template: isNotificationTemplate(template) ? template : 'result',
      kind: (KIND_CHOICES as readonly string[]).includes(kind) ? kind : ALL_KINDS,
    };
  };

  /** The wording in use for a choice and where it comes from. */
  const wordingFor = async (choice: LetterChoice) => {
    const template = choice.template as NotificationTemplate;
    const nearest = await findLetterWording(prisma, choice.unitId, template, choice.kind);
    if (!nearest) return { wording: builtInWording(template), source: { type: 'builtIn' as const } };
    const own = nearest.unitId === choice.unitId && nearest.kind === choice.kind;
    return {
      wording: nearest.wording,
      source: { type: own ? ('own' as const) : ('inherited' as const), ...nearest },
    };
  };

  const page = async (
    req: Request,
    res: Response,
    fields: Fields | Request['query'],
    extra: { form?: LetterWording; status?: number; problem?: FormProblem; done?: string } = {},
  ) => {
    const ctx = ctxOf(req);
    const units = await sortedUnits(req);
    const choice = choiceOf(fields, units.map((u) => u.id));
    if (!choice.unitId) throw new AppError('Forbidden', 'no unit to administer');
    const [custom, inUse, letterhead] = await Promise.all([
      listLetterTemplates(prisma, req.principal!),
      wordingFor(choice),
      readLetterhead(prisma, req.principal!, choice.unitId),
    ]);
    sendPage(
      res,
      <LettersPage
        ctx={ctx}
        units={units}
        custom={custom}
        choice={choice}
        form={extra.form ?? inUse.wording}
        placeholders={placeholdersOf(choice.template as NotificationTemplate)}
        source={inUse.source}
        letterheadLines={letterhead.lines}
        done={extra.done}
        problem={extra.problem ?? null}
      />,
      extra.status ?? 200,
    );
  };

  const doneOf = (req: Request) => {
    const l = lettersWords(ctxOf(req));
    const saved = one(req.query, 'saved');
    if (saved === 'letterhead') return l('letterheadSaved');
    if (saved === 'removed') return l('templateRemoved');
    if (/^\d+$/.test(saved)) return l('templateSaved', { version: saved });
    return undefined;
  };

  router.get('/', (req, res) => page(req, res, req.query, { done: doneOf(req) }));

  const inputOf = (choice: LetterChoice, fields: Fields): LetterTemplateInput => ({
    ...choice,
    subjectVi: one(fields, 'subjectVi'),
    subjectEn: one(fields, 'subjectEn'),
    bodyVi: text(fields, 'bodyVi'),
    bodyEn: text(fields, 'bodyEn'),
  });
  const back = (choice: LetterChoice, saved: string, req: Request) =>
    `${LETTERS_BASE}?unitId=${encodeURIComponent(choice.unitId)}&template=${choice.template}&kind=${encodeURIComponent(choice.kind)}&saved=${saved}${ctxOf(req).lang === 'en' ? '&lang=en' : ''}`;

  router.post('/', async (req, res) => {
    const fields = req.body as Fields;
    const units = (await sortedUnits(req)).map((u) => u.id);
    const choice = choiceOf(fields, units);
    const input = inputOf(choice, fields);
    let version: number;
    try {
      version = (await saveLetterTemplate(prisma, req.principal!, input)).version;
    } catch (error) {
      const { status, problem } = formProblem(error);
      return page(req, res, fields, { form: input, status, problem });
    }
    res.redirect(303, back(choice, String(version), req));
  });

  router.post('/remove', async (req, res) => {
    const id = one(req.body as Fields, 'id');
    const row = await prisma.letterTemplate.findUnique({ where: { id } });
    await deleteLetterTemplate(prisma, req.principal!, id);
    res.redirect(303, back({ unitId: row!.unitId, template: row!.template, kind: row!.kind }, 'removed', req));
  });

  router.post('/letterhead', async (req, res) => {
    const fields = req.body as Fields;
    const choice = choiceOf(fields, (await sortedUnits(req)).map((u) => u.id));
    try {
      await saveLetterhead(prisma, req.principal!, choice.unitId, text(fields, 'lines').split('\n'));
    } catch (error) {
      const { status, problem } = formProblem(error);
      return page(req, res, fields, { status, problem });
    }
    res.redirect(303, back(choice, 'letterhead', req));
  });

  const sendPreview = (req: Request, res: Response, rendered: RenderedLetter | FieldError[], status = 200) => {
    const l = lettersWords(ctxOf(req));
    const head = `<!DOCTYPE html><html lang="${ctxOf(req).lang}"><head><meta charset="utf-8"><title>${escapeHtml(l('previewHeading'))}</title></head>`;
    const label = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#111111;';
    let body: string;
    if (Array.isArray(rendered)) {
      body =
        `<body style="margin:0;padding:16px;${label}"><p>${escapeHtml(l('previewRefused'))}</p><ul>` +
        rendered.map((p) => `<li><code>${escapeHtml(p.path)}</code>: ${escapeHtml(p.message)}</li>`).join('') +
        '</ul></body>';
    } else {
      const html = rendered.html;
      const inner = html.slice(html.indexOf('>', html.indexOf('<body')) + 1, html.lastIndexOf('</body>'));
      body =
        `<body style="margin:0;background:#f3f3f3;">` +
        `<p style="margin:0;padding:8px 16px;background:#e6e6e6;${label}"><strong>${escapeHtml(l('previewSubject'))}:</strong> ` +
        `<span id="preview-subject">${escapeHtml(rendered.subject)}</span></p>${inner}` +
        `<h2 style="margin:0;padding:8px 16px;${label}font-size:16px;">${escapeHtml(l('previewText'))}</h2>` +
        `<pre id="preview-text" style="margin:0;padding:0 16px 16px 16px;white-space:pre-wrap;font-size:13px;color:#111111;">${escapeHtml(rendered.text)}</pre></body>`;
    }
    res
      .status(status)
      .setHeader('Content-Security-Policy', PREVIEW_POLICY)
      .setHeader('X-Frame-Options', 'SAMEORIGIN')
      .type('html')
      .send(`${head}${body}</html>`);
  };

  const preview = async (req: Request, res: Response, input: LetterTemplateInput) => {
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    try {
      sendPreview(req, res, await previewLetter(prisma, req.principal!, input, origin));
    } catch (error) {
      const { status, problem } = formProblem(error);
      sendPreview(req, res, problem.fields.length ? problem.fields : [{ path: '(form)', message: problem.message }], status);
    }
  };
  router.get('/preview', async (req, res) => {
    const choice = choiceOf(req.query, (await sortedUnits(req)).map((u) => u.id));
    const { wording } = await wordingFor(choice);
    await preview(req, res, { ...choice, ...wording });
  });
  router.post('/preview', async (req, res) => {
    const fields = req.body as Fields;
    const choice = choiceOf(fields, (await sortedUnits(req)).map((u) => u.id));
    await preview(req, res, inputOf(choice, fields));
  });

  return router;
}

