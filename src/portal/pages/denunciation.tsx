import { formatDateTime } from '../../web/format';
import { PortalPage, type PortalContext } from '../portal-shell';

export interface UpcomingSession {
  id: string;
  unitName: string;
  startsAt: Date;
  location: string;
}

export function UpcomingSessions({ ctx, sessions }: { ctx: PortalContext; sessions: UpcomingSession[] }) {
  if (sessions.length === 0) return <p>{ctx.t('noUpcomingSessions')}</p>;
  return (
    <ul>
      {sessions.map((s) => (
        <li>
          <strong>{formatDateTime(s.startsAt, ctx.lang)}</strong> — {s.unitName}, {s.location}
        </li>
      ))}
    </ul>
  );
}

export function DenunciationPage({ ctx, sessions }: { ctx: PortalContext; sessions: UpcomingSession[] }) {
  return (
    <PortalPage ctx={ctx} title={ctx.t('denunciationTitle')}>
      <h1>{ctx.t('denunciationTitle')}</h1>
      <p>{ctx.t('denunciationIntro')}</p>
      <ol>
        <li>{ctx.t('denunciationHowInPerson')}</li>
        <li>{ctx.t('denunciationHowLetter')}</li>
      </ol>
      <div class="notice info">
        <p>{ctx.t('denunciationSecrecy')}</p>
      </div>
      <h2>{ctx.t('nextReceptionDays')}</h2>
      <UpcomingSessions ctx={ctx} sessions={sessions} />
      <p>
        <a href="/reception">{ctx.t('navReception')}</a>
      </p>
    </PortalPage>
  );
}
