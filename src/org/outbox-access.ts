// Reading the local outbox. Every e-mail is traced to the case, session, conference, commitment or
// proposal it was sent for (its Message-ID is the one its Notification row recorded), and is shown only
// to admins and supervisors over that unit. A message to a sealed denouncer shows "công dân (sealed)"
// and no text to anyone not entitled to the identity (Luật Tố cáo 2018, Đ.47). A message that cannot be
// traced is shown to the top of the tree only, and without its recipient or text, since nothing says
// whom it was for.
import type { PrismaClient } from '../platform/db/prisma';
import { messageIdForKey } from '../platform/mail/message-id';
import type { OutboxMessage, OutboxMessageSummary, OutboxStore } from '../platform/runtime/smtp-sink';
import { AppError } from '../errors';
import { entitledToIdentity } from '../petitions/petition-views';
import { MASKED_NAME } from './identity-seal';
import { UnitTree, type Principal } from './access';

export const SEALED_RECIPIENT = `${MASKED_NAME} (sealed)`;
const SEALED_TEXT =
  'Nội dung thư gửi người tố cáo được giữ bí mật. / The text of an e-mail to a denouncer is kept secret.';
const UNTRACED = 'không rõ / untraced';
const UNTRACED_TEXT =
  'Không xác định được thư này thuộc hồ sơ nào. / This message is not traced to a case, so its text is not shown.';

interface Origin {
  unitId: string | null;
  sealedPetition: {
    id: string;
    kind: 'denunciation';
    unitId: string;
    assigneeId: string | null;
    createdById: string;
  } | null;
}

/** The units whose mail the reader sees: below each of their admin or supervisor bindings. */
function readableMailUnits(principal: Principal, tree: UnitTree): Set<string> {
  const out = new Set<string>();
  for (const b of principal.bindings)
    if (b.role === 'admin' || b.role === 'supervisor') for (const id of tree.subtreeOf(b.unitId)) out.add(id);
  return out;
}

const atTop = (principal: Principal, tree: UnitTree) =>
  principal.bindings.some((b) => (b.role === 'admin' || b.role === 'supervisor') && tree.isTop(b.unitId));

/** Where each message came from, by Message-ID; a workflow id heads every notification key. */
async function originsOf(prisma: PrismaClient, messageIds: string[]): Promise<Map<string, Origin>> {
  // A row is marked with its Message-ID only after the relay accepted it: a message read in between is
  // found by the id its key gives (rows still pending are few).
  const rows = await prisma.notification.findMany({
    where: { OR: [{ messageId: { in: messageIds } }, { messageId: null }] },
    select: {
      messageId: true,
      key: true,
      toAddress: true,
      petition: { select: { id: true, kind: true, unitId: true, assigneeId: true, createdById: true } },
    },
  });
  const workflowIds = [...new Set(rows.filter((r) => !r.petition).map((r) => r.key.split(':')[0]!))];
  const [sessions, conferences, commitments, proposals] = await Promise.all([
    prisma.receptionSession.findMany({ where: { id: { in: workflowIds } }, select: { id: true, unitId: true } }),
    prisma.conference.findMany({ where: { id: { in: workflowIds } }, select: { id: true, unitId: true } }),
    prisma.commitment.findMany({ where: { id: { in: workflowIds } }, select: { id: true, unitId: true } }),
    prisma.conferenceProposal.findMany({
      where: { id: { in: workflowIds.map((w) => w.replace(/^proposal-/, '')) } },
      select: { id: true, unitId: true },
    }),
  ]);
  const unitOf = new Map<string, string>([...sessions, ...conferences, ...commitments].map((r) => [r.id, r.unitId]));
  for (const p of proposals) unitOf.set(`proposal-${p.id}`, p.unitId);
  const out = new Map<string, Origin>();
  const wanted = new Set(messageIds);
  for (const r of rows) {
    const messageId = r.messageId ?? messageIdForKey(r.key);
    if (!wanted.has(messageId)) continue;
    const sealed = r.toAddress === SEALED_RECIPIENT && r.petition?.kind === 'denunciation';
    out.set(messageId, {
      unitId: r.petition?.unitId ?? unitOf.get(r.key.split(':')[0]!) ?? null,
      sealedPetition: sealed ? { ...r.petition!, kind: 'denunciation' } : null,
    });
  }
  return out;
}

type Shown<T extends OutboxMessageSummary> = T | null;

async function shape<T extends OutboxMessageSummary>(
  prisma: PrismaClient,
  tree: UnitTree,
  principal: Principal,
  message: T,
  origin: Origin | undefined,
): Promise<Shown<T>> {
  const units = readableMailUnits(principal, tree);
  const visible = origin?.unitId ? units.has(origin.unitId) : atTop(principal, tree);
  if (!visible) return null;
  if (!origin)
    return { ...message, to: [UNTRACED], ...('text' in message ? { text: UNTRACED_TEXT, html: null } : {}) };
  if (!origin?.sealedPetition || (await entitledToIdentity(prisma, tree, principal, origin.sealedPetition)))
    return message;
  return { ...message, to: [SEALED_RECIPIENT], ...('text' in message ? { text: SEALED_TEXT, html: null } : {}) };
}

function requireReader(principal: Principal): void {
  if (principal.apiToken || !principal.bindings.some((b) => b.role === 'admin' || b.role === 'supervisor')) {
    throw new AppError('Forbidden', 'reading the outbox needs role admin or supervisor');
  }
}

export async function listOutbox(
  prisma: PrismaClient,
  store: OutboxStore,
  principal: Principal,
): Promise<OutboxMessageSummary[]> {
  requireReader(principal);
  const [messages, tree] = await Promise.all([store.list(), UnitTree.load(prisma)]);
  const origins = await originsOf(
    prisma,
    messages.map((m) => m.messageId).filter((id): id is string => Boolean(id)),
  );
  const shown = await Promise.all(
    messages.map((m) => shape(prisma, tree, principal, m, m.messageId ? origins.get(m.messageId) : undefined)),
  );
  return shown.filter((m): m is OutboxMessageSummary => m !== null);
}

export async function readOutboxMessage(
  prisma: PrismaClient,
  store: OutboxStore,
  principal: Principal,
  id: string,
): Promise<OutboxMessage> {
  requireReader(principal);
  const message = await store.get(id);
  const tree = await UnitTree.load(prisma);
  const origin = message?.messageId ? (await originsOf(prisma, [message.messageId])).get(message.messageId) : undefined;
  const shown = message ? await shape(prisma, tree, principal, message, origin) : null;
  // Another unit's message is as unknown as a missing one.
  if (!shown) throw new AppError('NotFound', `no message ${id}`);
  return shown;
}
