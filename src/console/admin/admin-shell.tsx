// The frame of every admin page: the console page, the admin sections, a saved notice, errors in words.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../errors';
import type { PageContext } from '../page-context';
import { ConsolePage, Notice } from '../shell';
import { CONSOLE_BASE } from '../console-session';
import { adminWords, type AdminKey } from './admin-messages';

export const ADMIN_BASE = `${CONSOLE_BASE}/admin`;

const SECTIONS: { href: string; key: AdminKey }[] = [
  { href: '/units', key: 'secUnits' },
  { href: '/people', key: 'secPeople' },
  { href: '/tokens', key: 'secTokens' },
  { href: '/policy', key: 'secPolicy' },
  { href: '/calendar', key: 'secCalendar' },
  { href: '/letters', key: 'secLetters' },
];

/** What a refused form says: the use case's sentence, and each field's problem. */
export interface FormProblem {
  message: string;
  fields: FieldError[];
}

export function AdminPage(props: {
  ctx: PageContext;
  title: string;
  done?: string;
  problem?: FormProblem | null;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const a = adminWords(ctx);
  return (
    <ConsolePage ctx={ctx} title={props.title}>
      <nav aria-label={a('adminSections')} class="subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li>
              <a
                href={`${ADMIN_BASE}${s.href}`}
                aria-current={ctx.path.startsWith(`/admin${s.href}`) ? 'page' : undefined}
              >
                {a(s.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{props.title}</h1>
      {props.done ? (
        <Notice kind="success" live>
          {props.done}
        </Notice>
      ) : null}
      {props.problem ? <ProblemNotice ctx={ctx} problem={props.problem} /> : null}
      {props.children}
    </ConsolePage>
  );
}

function ProblemNotice({ ctx, problem }: { ctx: PageContext; problem: FormProblem }) {
  const a = adminWords(ctx);
  return (
    <Notice kind="error" live>
      <p>{a('formErrors')}</p>
      <ul>
        {problem.fields.length === 0 ? <li>{problem.message}</li> : null}
        {problem.fields.map((f) => (
          <li>
            <code>{f.path}</code>: {f.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

export function unitLabel(ctx: PageContext, unit: { name: string; nameEn?: string | null }): string {
  return ctx.lang === 'en' && unit.nameEn ? unit.nameEn : unit.name;
}
