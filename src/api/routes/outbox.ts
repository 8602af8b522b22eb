import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import type { OutboxStore } from '../../platform/runtime/smtp-sink';
import { listOutbox, readOutboxMessage } from '../../org/outbox-access';
import { AppError } from '../../errors';
import { peopleOnly } from '../scopes';

// E-mails carry citizens' data: each reader sees only their units' mail, and never a sealed denouncer's.
export function outboxRoutes(prisma: PrismaClient, store: OutboxStore | null): Router {
  const router = Router();
  router.use(peopleOnly);
  router.use((_req, _res, next) => {
    next(store ? undefined : new AppError('NotFound', 'no local outbox: e-mail goes to the relay in SMTP_URL'));
  });
  router.get('/', async (req, res) => {
    res.json({ items: await listOutbox(prisma, store!, req.principal!) });
  });
  router.get('/:id', async (req, res) => {
    res.json(await readOutboxMessage(prisma, store!, req.principal!, req.params.id));
  });
  return router;
}
