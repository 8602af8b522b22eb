import { formatDate, formatDateTime } from '../../web/format';
import { HONEYPOT_FIELD } from '../portal-intake';
import type { PortalKey } from '../messages';
import type { PublicSchedule, PublicSession } from '../public-reception';
import { Notice, PortalPage, type PortalContext } from '../portal-shell';
import { unitName } from './unit-name';

const day = (iso: string, ctx: PortalContext) => formatDate(`${iso}T12:00:00+07:00`, ctx.lang);

export function ReceptionPage({
  ctx,
  schedules,
  notices,
}: {
  ctx: PortalContext;
  schedules: PublicSchedule[];
  notices: { id: string; title: string; body: string; publishedAt: string }[];
}) {
  return (
    <PortalPage ctx={ctx} title={ctx.t('receptionTitle')}>
      <h1>{ctx.t('receptionTitle')}</h1>
      <p>{ctx.t('receptionIntro')}</p>
      {schedules.map((s) => (
        <section aria-labelledby={`unit-${s.id}`} class="card">
          <h2 id={`unit-${s.id}`}>{unitName({ name: s.unitName, nameEn: s.unitNameEn }, ctx.lang)}</h2>
          <dl class="facts">
            <dt>{ctx.t('schedule')}</dt>
            <dd>{`${s.rule[ctx.lang]}, ${s.startTime}`}</dd>
            <dt>{ctx.t('location')}</dt>
            <dd>{s.location}</dd>
          </dl>
          <h3>{ctx.t('nextReceptionDays')}</h3>
          <ul>
            {s.sessions.map((x) => (
              <li>
                <strong>{formatDateTime(x.startsAt, ctx.lang)}</strong>
                {x.registerBy ? ` — ${ctx.t('registerBy', { date: day(x.registerBy, ctx) })}` : ''}{' '}
                {x.open ? (
                  <a
                    href={`/reception/${encodeURIComponent(x.id)}/register`}
                    aria-label={`${ctx.t('register')}: ${formatDateTime(x.startsAt, ctx.lang)}, ${s.unitName}`}
                  >
                    {ctx.t('register')}
                  </a>
                ) : (
                  <span>{ctx.t('registrationClosed')}</span>
                )}
              </li>
            ))}
            {s.nextDays
              .filter((d) => !s.sessions.some((x) => x.day === d.day))
              .map((d) => (
                <li>{`${day(d.day, ctx)}, ${s.startTime}${d.day !== d.nominal ? ` (${day(d.nominal, ctx)} →)` : ''}`}</li>
              ))}
          </ul>
        </section>
      ))}
      <h2>{ctx.t('noticesTitle')}</h2>
      {notices.length === 0 ? (
        <p>{ctx.t('noHistory')}</p>
      ) : (
        <ul>
          {notices.map((n) => (
            <li>
              <strong>{n.title}</strong> <span class="hint">({formatDateTime(n.publishedAt, ctx.lang)})</span>
              <p>{n.body}</p>
            </li>
          ))}
        </ul>
      )}
    </PortalPage>
  );
}

type Errors = Partial<Record<'fullName' | 'email' | 'phone' | 'topic', PortalKey>>;

export function RegisterPage({
  ctx,
  schedule,
  session,
  form = {},
  errors = {},
}: {
  ctx: PortalContext;
  schedule: PublicSchedule;
  session: PublicSession;
  form?: Partial<Record<'fullName' | 'email' | 'phone' | 'topic', string>>;
  errors?: Errors;
}) {
  const input = (name: keyof Errors, label: PortalKey, attrs: Record<string, unknown>) => (
    <div>
      <label for={name}>{ctx.t(label)}</label>
      {errors[name] ? (
        <p class="field-error" id={`${name}-error`}>
          {ctx.t(errors[name]!)}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        value={form[name] ?? ''}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
        aria-invalid={errors[name] ? 'true' : undefined}
        {...attrs}
      />
    </div>
  );
  return (
    <PortalPage ctx={ctx} title={ctx.t('registerTitle')}>
      <h1>{ctx.t('registerTitle')}</h1>
      <dl class="facts">
        <dt>{ctx.t('unit')}</dt>
        <dd>{unitName({ name: schedule.unitName, nameEn: schedule.unitNameEn }, ctx.lang)}</dd>
        <dt>{ctx.t('sessionAt')}</dt>
        <dd>{formatDateTime(session.startsAt, ctx.lang)}</dd>
        <dt>{ctx.t('location')}</dt>
        <dd>{session.location}</dd>
      </dl>
      <p>{ctx.t('registerIntro')}</p>
      {Object.keys(errors).length ? (
        <Notice kind="error" live>
          {ctx.t('errorsIntro')}
        </Notice>
      ) : null}
      <form class="stack" method="post" action={`/reception/${encodeURIComponent(session.id)}/register`} novalidate>
        {input('fullName', 'fullName', { autocomplete: 'name', maxLength: 200, required: true })}
        {input('email', 'email', { type: 'email', autocomplete: 'email', maxLength: 200 })}
        {input('phone', 'phone', { type: 'tel', autocomplete: 'tel', maxLength: 20 })}
        {input('topic', 'topic', { maxLength: 500 })}
        <div class="visually-hidden" aria-hidden="true">
          <label for={HONEYPOT_FIELD}>{ctx.t('honeypot')}</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabIndex={-1} autocomplete="off" />
        </div>
        <div>
          <button type="submit">{ctx.t('register')}</button>
        </div>
      </form>
    </PortalPage>
  );
}

export function RegisteredPage({
  ctx,
  schedule,
  session,
  email,
}: {
  ctx: PortalContext;
  schedule: PublicSchedule;
  session: PublicSession;
  email: string;
}) {
  return (
    <PortalPage ctx={ctx} title={ctx.t('registerTitle')}>
      <h1>{ctx.t('registerTitle')}</h1>
      <Notice kind="success" live>
        {email ? ctx.t('registered', { email }) : ctx.t('registeredNoEmail')}
      </Notice>
      <dl class="facts">
        <dt>{ctx.t('unit')}</dt>
        <dd>{unitName({ name: schedule.unitName, nameEn: schedule.unitNameEn }, ctx.lang)}</dd>
        <dt>{ctx.t('sessionAt')}</dt>
        <dd>{formatDateTime(session.startsAt, ctx.lang)}</dd>
        <dt>{ctx.t('location')}</dt>
        <dd>{session.location}</dd>
      </dl>
    </PortalPage>
  );
}
