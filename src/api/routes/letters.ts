import { Router } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { hasRoleAnywhere } from '../../org/access';
import { AppError } from '../../errors';
import { NOTIFICATION_TEMPLATES } from '../../domain/petition/notification-types';
import {
  builtInWording,
  deleteLetterTemplate,
  getLetterTemplate,
  listLetterTemplates,
  previewLetter,
  readLetterhead,
  saveLetterhead,
  saveLetterTemplate,
} from '../../petitions/letters/letter-templates';
import { placeholdersOf } from '../../petitions/letters/letter-placeholders';
import { parseOr400 } from '../errors';
import { peopleOnly } from '../scopes';
import { ZLetterheadRequest, ZLetterTemplateQuery, ZLetterTemplateRequest } from '../schemas/letters';

// Letter templates and letterheads of the units an admin administers.
export function letterRoutes(deps: { prisma: PrismaClient; appUrl: string }): Router {
  const { prisma } = deps;
  const router = Router();
  router.use(peopleOnly);
  router.use((req, _res, next) => {
    next(
      hasRoleAnywhere(req.principal!, ['admin'])
        ? undefined
        : new AppError('Forbidden', 'managing letter templates needs role admin'),
    );
  });
  router.get('/wording', (_req, res) => {
    res.json({
      items: NOTIFICATION_TEMPLATES.map((template) => ({
        template,
        placeholders: placeholdersOf(template),
        ...builtInWording(template),
      })),
    });
  });
  router.get('/templates', async (req, res) => {
    const { unitId } = parseOr400(ZLetterTemplateQuery, req.query, 'query');
    res.json({ items: await listLetterTemplates(prisma, req.principal!, unitId) });
  });
  router.put('/templates', async (req, res) => {
    res.json(await saveLetterTemplate(prisma, req.principal!, parseOr400(ZLetterTemplateRequest, req.body)));
  });
  router.post('/preview', async (req, res) => {
    const body = parseOr400(ZLetterTemplateRequest, req.body);
    res.json(await previewLetter(prisma, req.principal!, body, deps.appUrl));
  });
  router.get('/templates/:id', async (req, res) => {
    res.json(await getLetterTemplate(prisma, req.principal!, req.params.id));
  });
  router.delete('/templates/:id', async (req, res) => {
    await deleteLetterTemplate(prisma, req.principal!, req.params.id);
    res.status(204).end();
  });
  router.get('/letterheads/:unitId', async (req, res) => {
    res.json(await readLetterhead(prisma, req.principal!, req.params.unitId));
  });
  router.put('/letterheads/:unitId', async (req, res) => {
    const { lines } = parseOr400(ZLetterheadRequest, req.body);
    res.json(await saveLetterhead(prisma, req.principal!, req.params.unitId, lines));
  });
  return router;
}
