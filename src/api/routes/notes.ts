import { Router } from 'express';
import { addNote, listNotes, type NoteDeps } from '../../petitions/notes/notes';
import { parseOr400 } from '../errors';
import { ZAddNoteRequest } from '../schemas/notes';

export function noteRoutes(deps: NoteDeps): Router {
  const router = Router({ mergeParams: true });

  router.post('/', async (req, res) => {
    const body = parseOr400(ZAddNoteRequest, req.body);
    const { created, note } = await addNote(deps, req.principal!, {
      petitionId: (req.params as Record<string, string>).petitionId!,
      ...body,
      idempotencyKey: req.header('idempotency-key') ?? undefined,
    });
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(created ? 201 : 200).json(note);
  });

  router.get('/', async (req, res) => {
    res.json(await listNotes(deps, req.principal!, (req.params as Record<string, string>).petitionId!));
  });

  return router;
}
