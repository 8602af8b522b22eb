// Letter templates: the units' own wording, a form choosing unit, letter and kind, the wording with the
// placeholders it may use, a preview in a frame (the letter's own document, posted there without script),
// and the unit's letterhead lines.
import { formatDateTime } from '../../web/format';
import type { PageContext } from '../page-context';
import { DataTable } from '../data-table';
import { CsrfField } from '../shell';
import { AdminForm, Labelled } from './admin-forms';
import { NOTIFICATION_TEMPLATES } from '../../domain/petition/notification-types';
import type { LetterTemplateView } from '../../petitions/letters/letter-templates';
import type { LetterWording } from '../../petitions/templates';
import { ADMIN_BASE, AdminPage, unitLabel, type FormProblem } from './admin-shell';
import { lettersWords, type LettersKey } from './letters-messages';
import type { UnitRow } from './units-pages';

export const LETTERS_BASE = `${ADMIN_BASE}/letters`;
export const KIND_CHOICES = ['*', 'complaint', 'denunciation', 'recommendation', 'feedback'] as const;

export interface LetterChoice {
  unitId: string;
  template: string;
  kind: string;
}

export interface LettersPageProps {
  ctx: PageContext;
  units: UnitRow[];
  custom: LetterTemplateView[];
  choice: LetterChoice;
  form: LetterWording;
  placeholders: string[];
  /** Where the wording in use comes from. */
  source: { type: 'own' | 'inherited'; unitId: string; version: number; id: string } | { type: 'builtIn' };
  letterheadLines: string[];
  done?: string;
  problem?: FormProblem | null;
}

const choiceQuery = (c: LetterChoice) =>
  `unitId=${encodeURIComponent(c.unitId)}&template=${encodeURIComponent(c.template)}&kind=${encodeURIComponent(c.kind)}`;

/** A letter's subject and text in one language; the text says which placeholders it may use. */
function WordingFields(props: { ctx: PageContext; lang: 'vi' | 'en'; form: LetterWording }) {
  const l = lettersWords(props.ctx);
  const suffix = props.lang === 'vi' ? 'Vi' : 'En';
  const subject = `subject${suffix}` as const;
  const body = `body${suffix}` as const;
  return (
    <>
      <Labelled for={subject} label={l(`fieldSubject${suffix}`)}>
        <input
          id={subject}
          name={subject}
          lang={props.lang}
          required
          maxLength={200}
          size={70}
          value={props.form[subject]}
        />
      </Labelled>
      <Labelled for={body} label={l(`fieldBody${suffix}`)}>
        <textarea
          id={body}
          name={body}
          lang={props.lang}
          rows={8}
          cols={80}
          required
          aria-describedby="placeholders-hint"
        >
          {props.form[body]}
        </textarea>
      </Labelled>
    </>
  );
}

export function LettersPage(props: LettersPageProps) {
  const { ctx, choice } = props;
  const l = lettersWords(ctx);
  const unitName = new Map(props.units.map((u) => [u.id, unitLabel(ctx, u)]));
  const tpl = (t: string) => l(`tpl_${t}` as LettersKey);
  const kind = (k: string) => (k === '*' ? l('kindAll') : l(`kind_${k}` as LettersKey));
  const unit = unitName.get(choice.unitId) ?? choice.unitId;
  const lang = ctx.lang === 'en' ? '&lang=en' : '';
  return (
    <AdminPage ctx={ctx} title={l('lettersTitle')} done={props.done} problem={props.problem}>
      <p>{l('lettersIntro')}</p>
      <DataTable
        id="custom-templates"
        caption={l('customCaption', { count: props.custom.length })}
        columns={[l('colUnit'), l('colTemplate'), l('colKind'), l('colVersion'), l('colUpdated'), l('colActions')]}
        empty={l('noCustom')}
        rows={props.custom.map((t) => (
          <tr data-template={t.id}>
            <td>{unitName.get(t.unitId) ?? t.unitId}</td>
            <td>{tpl(t.template)}</td>
            <td>{kind(t.kind)}</td>
            <td>{t.version}</td>
            <td>{formatDateTime(t.updatedAt, ctx.lang)}</td>
            <td>
              <a
                href={`${LETTERS_BASE}?${choiceQuery(t)}`}
                aria-label={l('editLabel', {
                  template: tpl(t.template),
                  kind: kind(t.kind),
                  unit: unitName.get(t.unitId) ?? t.unitId,
                })}
              >
                {l('edit')}
              </a>
            </td>
          </tr>
        ))}
      />

      <form class="stack" method="get" action={LETTERS_BASE}>
        <fieldset>
          <legend>{l('chooseLegend')}</legend>
          <div>
            <label for="choose-unit">{l('fieldUnit')}</label>
            <select id="choose-unit" name="unitId">
              {props.units.map((u) => (
                <option value={u.id} selected={u.id === choice.unitId}>
                  {unitLabel(ctx, u)} ({u.id})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="choose-template">{l('fieldTemplate')}</label>
            <select id="choose-template" name="template">
              {NOTIFICATION_TEMPLATES.map((t) => (
                <option value={t} selected={t === choice.template}>
                  {tpl(t)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="choose-kind">{l('fieldKind')}</label>
            <select id="choose-kind" name="kind">
              {KIND_CHOICES.map((k) => (
                <option value={k} selected={k === choice.kind}>
                  {kind(k)}
                </option>
              ))}
            </select>
          </div>
          {ctx.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
          <button type="submit">{l('open')}</button>
        </fieldset>
      </form>

      <form class="stack" method="post" action={LETTERS_BASE}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="unitId" value={choice.unitId} />
        <input type="hidden" name="template" value={choice.template} />
        <input type="hidden" name="kind" value={choice.kind} />
        <fieldset>
          <legend>{l('editLegend', { template: tpl(choice.template), kind: kind(choice.kind), unit })}</legend>
          <p id="wording-source">
            {props.source.type === 'builtIn'
              ? l('sourceBuiltIn')
              : props.source.type === 'own'
                ? l('sourceOwn', { version: props.source.version })
                : l('sourceInherited', {
                    unit: unitName.get(props.source.unitId) ?? props.source.unitId,
                    version: props.source.version,
                  })}
          </p>
          <p id="placeholders-help">{l('placeholders')}</p>
          <ul class="inline-list" aria-describedby="placeholders-help">
            {props.placeholders.map((p) => (
              <li>
                <code>{`{{${p}}}`}</code>
              </li>
            ))}
          </ul>
          <p class="hint" id="placeholders-hint">
            {l('placeholdersHint')}
          </p>
          <WordingFields ctx={ctx} lang="vi" form={props.form} />
          <WordingFields ctx={ctx} lang="en" form={props.form} />
          {/* The draft goes to the frame below: its answer is the letter's own document. */}
          <button
            type="submit"
            formaction={`${LETTERS_BASE}/preview${lang ? '?lang=en' : ''}`}
            formtarget="letter-preview"
          >
            {l('preview')}
          </button>{' '}
          <button type="submit" name="intent" value="save">
            {l('save')}
          </button>
        </fieldset>
      </form>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{l('previewHeading')}</h2>
        <iframe
          name="letter-preview"
          id="letter-preview"
          title={l('previewFrame', { template: tpl(choice.template) })}
          src={`${LETTERS_BASE}/preview?${choiceQuery(choice)}${lang}`}
          sandbox=""
          width="100%"
          height="640"
        />
      </section>

      {props.source.type === 'own' ? (
        <AdminForm
          ctx={ctx}
          action={`${LETTERS_BASE}/remove`}
          hidden={{ id: props.source.id }}
          legend={l('removeLegend')}
          submit={l('remove')}
        >
          <p class="hint">{l('removeHint')}</p>
        </AdminForm>
      ) : null}

      <AdminForm
        ctx={ctx}
        action={`${LETTERS_BASE}/letterhead`}
        hidden={{ unitId: choice.unitId, template: choice.template, kind: choice.kind }}
        legend={l('letterheadLegend', { unit })}
        submit={l('saveLetterhead')}
      >
        <p class="hint" id="letterhead-hint">
          {l('letterheadHint')}
        </p>
        <Labelled for="lines" label={l('fieldLines')}>
          <textarea id="lines" name="lines" rows={5} cols={80} aria-describedby="letterhead-hint">
            {props.letterheadLines.join('\n')}
          </textarea>
        </Labelled>
      </AdminForm>
    </AdminPage>
  );
}
