import { Router } from 'express';
import type { OutboxStore } from '../../platform/runtime/smtp-sink';
import { hasRoleAnywhere, type Principal } from '../../org/access';
import { AppError } from '../../errors';

// E-mails may carry citizens' data, so only admins and supervisors read the outbox (here and in the console).
export function requireOutboxReader(store: OutboxStore | null, principal: Principal): OutboxStore {
  if (!store) throw new AppError('NotFound', 'no local outbox: e-mail goes to the relay in SMTP_URL');
  if (!hasRoleAnywhere(principal, ['admin', 'supervisor'])) throw new AppError('Forbidden', 'reading the outbox needs role admin or supervisor');
  return store;
}

export function outboxRoutes(store: OutboxStore | null): Router {
  const router = Router();
  router.use((req, _res, next) => {
    requireOutboxReader(store, req.principal!);
    next();
  });
  router.get('/', async (_req, res) => {
    res.json({ items: await store!.list() });
  });
  router.get('/:id', async (req, res) => {
    const message = await store!.get(req.params.id);
    if (!message) throw new AppError('NotFound', `no message ${req.params.id}`);
    res.json(message);
  });
  return router;
}
