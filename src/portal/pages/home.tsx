import type { PortalKey } from '../messages';
import { PortalPage, type PortalContext } from '../portal-shell';

const LINKS: { href: string; key: PortalKey }[] = [
  { href: '/file', key: 'navFile' },
  { href: '/track', key: 'navTrack' },
  { href: '/reception', key: 'navReception' },
  { href: '/conferences', key: 'navConferences' },
  { href: '/figures', key: 'navFigures' },
];

export function HomePage({ ctx }: { ctx: PortalContext }) {
  return (
    <PortalPage ctx={ctx} title={ctx.t('homeTitle')}>
      <h1>{ctx.t('homeTitle')}</h1>
      <p>{ctx.t('homeIntro')}</p>
      <ul class="tiles">
        {LINKS.map((l) => (
          <li>
            <a class="button" href={l.href}>
              {ctx.t(l.key)}
            </a>
          </li>
        ))}
      </ul>
    </PortalPage>
  );
}
