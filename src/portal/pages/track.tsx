import type { trackPetition } from '../../petitions/citizen/citizen-tracking';
import { formatDate, formatDateTime } from '../../web/format';
import { Notice, PortalPage, type PortalContext } from '../portal-shell';

export type Tracked = Awaited<ReturnType<typeof trackPetition>>;

export function TrackFormPage({
  ctx,
  code,
  error,
  status = 200,
}: {
  ctx: PortalContext;
  code?: string;
  error?: string;
  status?: number;
}) {
  void status;
  return (
    <PortalPage ctx={ctx} title={ctx.t('trackTitle')}>
      <h1>{ctx.t('trackTitle')}</h1>
      <p>{ctx.t('trackIntro')}</p>
      {error ? (
        <Notice kind="error" live>
          {error}
        </Notice>
      ) : null}
      {/* Posted, never in the query string: the secret must not reach access logs or browser history. */}
      <form class="stack" method="post" action="/track">
        <div>
          <label for="code">{ctx.t('trackingCode')}</label>
          <input
            id="code"
            name="code"
            value={code ?? ''}
            required
            maxLength={40}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
          />
        </div>
        <div>
          <label for="secret">{ctx.t('trackingSecret')}</label>
          <input
            id="secret"
            name="secret"
            type="password"
            required
            maxLength={40}
            autocomplete="off"
            autofocus={Boolean(code)}
          />
        </div>
        <div>
          <button type="submit">{ctx.t('lookUp')}</button>
        </div>
      </form>
    </PortalPage>
  );
}

export interface SecondTime {
  possible: boolean;
  reason?: string;
  howTo?: { vi: string; en: string };
}

export function TrackedPage({
  ctx,
  tracked,
  secret,
  justRated,
  secondTime,
}: {
  ctx: PortalContext;
  tracked: Tracked;
  secret: string;
  justRated?: boolean;
  secondTime?: SecondTime;
}) {
  const answer = [...tracked.decisions].reverse().find((d) => d.text && tracked.stage === 'closed');
  return (
    <PortalPage ctx={ctx} title={ctx.t('trackTitle')}>
      <h1>{ctx.t('trackTitle')}</h1>
      {justRated ? (
        <Notice kind="success" live>
          {ctx.t('ratingThanks')}
        </Notice>
      ) : null}
      <dl class="facts">
        <dt>{ctx.t('trackingCode')}</dt>
        <dd class="code">{tracked.trackingCode}</dd>
        <dt>{ctx.t('subject')}</dt>
        <dd>{tracked.subject}</dd>
        <dt>{ctx.t('unit')}</dt>
        <dd>{tracked.unit}</dd>
        <dt>{ctx.t('receivedAt')}</dt>
        <dd>{formatDateTime(tracked.receivedAt, ctx.lang)}</dd>
        <dt>{ctx.t('stage')}</dt>
        <dd data-testid="stage">{tracked.stageLabel[ctx.lang]}</dd>
        {tracked.expectedAnswerBy ? (
          <>
            <dt>{ctx.t('answerDueBy')}</dt>
            <dd>{formatDate(`${tracked.expectedAnswerBy}T12:00:00+07:00`, ctx.lang)}</dd>
          </>
        ) : null}
      </dl>
      {answer ? (
        <>
          <h2>{ctx.t('result')}</h2>
          <p data-testid="result">{answer.text}</p>
        </>
      ) : null}
      <h2>{ctx.t('history')}</h2>
      {tracked.decisions.length === 0 ? (
        <p>{ctx.t('noHistory')}</p>
      ) : (
        <ol>
          {tracked.decisions.map((d) => (
            <li>
              <strong>{formatDateTime(d.at, ctx.lang)}</strong> — {d.what[ctx.lang]}
              {d.text ? `: ${d.text}` : ''}
            </li>
          ))}
        </ol>
      )}
      {tracked.rating ? <p>{ctx.t(tracked.rating.satisfied ? 'ratedSatisfied' : 'ratedDissatisfied')}</p> : null}
      {secondTime ? (
        <section aria-labelledby="second-time">
          <h2 id="second-time">{ctx.t('secondTimeTitle')}</h2>
          {secondTime.possible && secondTime.howTo ? (
            <p data-testid="second-time">
              {secondTime.howTo[ctx.lang]} {ctx.t('secondTimeCourt')}
            </p>
          ) : (
            <p data-testid="second-time">{ctx.t('secondTimeClosed', { reason: secondTime.reason ?? '' })}</p>
          )}
        </section>
      ) : null}
      {tracked.canRate ? (
        <form class="stack" method="post" action="/track/rating">
          <input type="hidden" name="code" value={tracked.trackingCode} />
          <input type="hidden" name="secret" value={secret} />
          <fieldset>
            <legend>{ctx.t('rateTitle')}</legend>
            <div class="choice">
              <input type="radio" id="satisfied-yes" name="satisfied" value="yes" required />
              <label for="satisfied-yes">{ctx.t('satisfied')}</label>
            </div>
            <div class="choice">
              <input type="radio" id="satisfied-no" name="satisfied" value="no" />
              <label for="satisfied-no">{ctx.t('dissatisfied')}</label>
            </div>
          </fieldset>
          <div>
            <label for="comment">
              {ctx.t('comment')} <span class="hint">{ctx.t('optional')}</span>
            </label>
            <textarea id="comment" name="comment" rows={3} maxLength={2000}></textarea>
          </div>
          <div>
            <button type="submit">{ctx.t('sendRating')}</button>
          </div>
        </form>
      ) : null}
    </PortalPage>
  );
}
