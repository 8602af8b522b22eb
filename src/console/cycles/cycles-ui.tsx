// Pieces the cycle pages share: their sub-navigation, labelled fields with their errors, an action as a
// short form behind a disclosure (usable without JavaScript), the timeline table and the outcome notice.
import type { ComponentChildren } from 'preact';
import { formatDateTime, formatNumber } from '../../web/format';
import { CONSOLE_BASE } from '../console-session';
import type { PageContext } from '../page-context';
import { ConsolePage, CsrfField, Notice } from '../shell';
import { cyclesT, type CyclesKey } from './cycles-messages';
export { SelectField, TextArea, TextField } from '../form-fields';

export const CYCLES_PAGES: { href: string; key: CyclesKey; leaderOnly?: boolean }[] = [
  { href: '/reception', key: 'navReception' },
  { href: '/conferences', key: 'navConferences' },
  { href: '/commitments', key: 'navCommitments' },
  { href: '/scorecard', key: 'navScorecard', leaderOnly: true },
  { href: '/identity-grants', key: 'navGrants', leaderOnly: true },
];

export const href = (path: string) => `${CONSOLE_BASE}${path}`;

/** What a finished action tells the reader: done, or kept until the workflow answers (a 202 elsewhere). */
export interface Outcome {
  kind: 'done' | 'pending' | 'lagging' | 'error';
  headline: string;
  detail?: string;
  /** For `pending`: the page that shows the result once the workflow answers. */
  followHref?: string;
}

export function CyclesPage(props: {
  ctx: PageContext;
  title: string;
  isLeader: boolean;
  outcome?: Outcome | null;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  return (
    <ConsolePage ctx={ctx} title={props.title}>
      <nav aria-label={w('subNav')} class="subnav">
        <ul class="queues">
          {CYCLES_PAGES.filter((p) => !p.leaderOnly || props.isLeader).map((p) => (
            <li>
              <a href={href(p.href)} aria-current={ctx.path === p.href ? 'page' : undefined}>
                {w(p.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{props.title}</h1>
      {props.outcome ? <OutcomeNotice ctx={ctx} outcome={props.outcome} /> : null}
      {props.children}
    </ConsolePage>
  );
}

function OutcomeNotice({ ctx, outcome }: { ctx: PageContext; outcome: Outcome }) {
  const w = cyclesT(ctx);
  const kind = outcome.kind === 'done' ? 'success' : outcome.kind === 'error' ? 'error' : 'warning';
  return (
    <Notice kind={kind} live>
      <p>{outcome.headline}</p>
      {outcome.detail ? <p>{outcome.detail}</p> : null}
      {outcome.kind === 'pending' && outcome.followHref ? (
        <p>
          <a href={outcome.followHref}>{w('pendingFollow')}</a>
        </p>
      ) : null}
    </Notice>
  );
}

/** A refused form as the route hands it back: which action, the values typed and each field's error. */
export interface Failed {
  action: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * The typed values and errors of a refused form, for one action's fields only (another form on the page keeps
 * its own state); `field(name)` gives a field its name, value and error at once.
 */
export function refusedForm(failed: Failed | undefined, action?: string) {
  const mine = failed && (action === undefined || failed.action === action) ? failed : undefined;
  const err = (path: string) => mine?.errors[path];
  const val = (name: string) => mine?.values[name];
  return { err, val, field: (name: string) => ({ name, value: val(name), error: err(name) }) };
}

/** A page whose one action is a form: under the actions heading (`<action>-heading`), behind a disclosure. */
export function SoleAction(props: {
  ctx: PageContext;
  action: string;
  label: string;
  path: string;
  open: boolean;
  children: ComponentChildren;
}) {
  const w = cyclesT(props.ctx);
  return (
    <section aria-labelledby={`${props.action}-heading`} class="actions">
      <h2 id={`${props.action}-heading`}>{w('actionsHeading')}</h2>
      <ActionForm ctx={props.ctx} action={props.action} label={props.label} path={props.path} open={props.open}>
        {props.children}
      </ActionForm>
    </section>
  );
}

export function ActionForm(props: {
  ctx: PageContext;
  action: string;
  label: string;
  path: string;
  open?: boolean;
  submit?: string;
  children?: ComponentChildren;
}) {
  return (
    <details open={props.open}>
      <summary>{props.label}</summary>
      <form class="stack" method="post" action={href(props.path)} data-action={props.action}>
        <CsrfField ctx={props.ctx} />
        {props.children}
        <div>
          <button type="submit">{props.submit ?? props.label}</button>
        </div>
      </form>
    </details>
  );
}

export interface TimelineEntry {
  type: string;
  at: string;
  actorId: string | null;
  note: string | null;
}

export function Timeline(props: { ctx: PageContext; entries: TimelineEntry[]; names: Map<string, string> }) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  const label = (type: string) => {
    const key = `event_${type}` as CyclesKey;
    return key in WORDED_EVENTS ? w(key) : `${w('event_other')}: ${type}`;
  };
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{w('timelineHeading')}</h2>
      <table>
        <caption>{w('timelineCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{w('colWhen')}</th>
            <th scope="col">{w('colWho')}</th>
            <th scope="col">{w('colWhat')}</th>
            <th scope="col">{w('colNote')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{formatDateTime(e.at, ctx.lang)}</td>
              <td>{e.actorId ? (props.names.get(e.actorId) ?? e.actorId) : w('system')}</td>
              <td>{label(e.type)}</td>
              <td>{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const WORDED_EVENTS: Record<string, true> = Object.fromEntries(
  [
    'announced',
    'reminded',
    'opened',
    'postponed',
    'delegated',
    'registered',
    'matter',
    'closed',
    'held',
    'opinion',
    'published',
    'assigned',
    'progress',
    'fulfilled',
    'escalated',
  ].map((t) => [`event_${t}`, true]),
);

export function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** The home page's "reception sessions today" item: the count, linking to the calendar's today table. */
export function TodaySessionsItem({ ctx, count }: { ctx: PageContext; count: number }) {
  const w = cyclesT(ctx);
  return (
    <ul class="queues" aria-label={w('navReception')}>
      <li>
        <a href={`${href('/reception')}#today-table`} data-queue="receptionToday">
          <span class="count">{formatNumber(count, ctx.lang)}</span>
          {w('homeToday')}
        </a>
      </li>
    </ul>
  );
}
