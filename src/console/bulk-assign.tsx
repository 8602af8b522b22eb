// Bulk assign from the queue and search tables: the rows' checkboxes belong to one form below the table
// (the `form` attribute), posted here and run through the same use case as POST /api/v1/petitions/bulk-assign.
import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { hasRoleAnywhere, UnitTree, type Principal } from '../org/access';
import { bulkAssign } from '../petitions/bulk-assign';
import type { PrismaClient } from '../platform/db/prisma';
import { compareNames } from '../web/format';
import { sendPage } from '../web/render';
import { toAppError } from '../web/app-errors';
import type { ConsoleDeps } from './console-deps';
import { CONSOLE_BASE } from './console-session';
import { idempotencyKeyOf } from './forms';
import type { PageContext } from './page-context';
import { BulkAssignResultPage } from './pages/bulk-assign-result';
import { CsrfField } from './shell';

export const BULK_FORM_ID = 'bulk-assign';

export interface AssigneeOption {
  id: string;
  label: string;
}

/**
 * Whom a leader may hand cases to: active officers and leaders of the units the leader heads and below
 * (the workflow lets only leaders assign). Each case is checked again against its own unit when assigned.
 */
export async function assigneeOptions(prisma: PrismaClient, principal: Principal): Promise<AssigneeOption[] | null> {
  if (!hasRoleAnywhere(principal, ['leader'])) return null;
  const tree = await UnitTree.load(prisma);
  const units = new Set(principal.bindings.filter((b) => b.role === 'leader').flatMap((b) => tree.subtreeOf(b.unitId)));
  const bindings = await prisma.roleBinding.findMany({
    where: { unitId: { in: [...units] }, role: { in: ['officer', 'leader'] }, person: { active: true } },
    select: { unitId: true, person: { select: { id: true, fullName: true } } },
  });
  const seen = new Map<string, AssigneeOption>();
  for (const b of bindings) {
    const key = `${b.person.id}@${b.unitId}`;
    if (!seen.has(key))
      seen.set(key, { id: b.person.id, label: `${b.person.fullName} — ${tree.names.get(b.unitId) ?? b.unitId}` });
  }
  // One entry a person: several bindings in the subtree are named together.
  const byPerson = new Map<string, AssigneeOption>();
  for (const option of seen.values()) {
    const known = byPerson.get(option.id);
    byPerson.set(
      option.id,
      known ? { id: option.id, label: `${known.label}, ${option.label.split(' — ')[1]}` } : option,
    );
  }
  return [...byPerson.values()].sort((a, b) => compareNames(a.label, b.label));
}

/** Only a console list page to go back to (the same rule as sign-in's `next`). */
function safeReturn(value: unknown): string {
  return typeof value === 'string' && value.startsWith(CONSOLE_BASE) && !value.startsWith('//') && !value.includes('\\')
    ? value
    : CONSOLE_BASE;
}

export function BulkAssignForm(props: { ctx: PageContext; assignees: AssigneeOption[] | null; returnTo: string }) {
  const { ctx, assignees } = props;
  if (!assignees) return null;
  return (
    <form
      id={BULK_FORM_ID}
      class="inline"
      method="post"
      action={`${CONSOLE_BASE}/petitions/bulk-assign`}
      aria-describedby="bulk-assign-hint"
    >
      <CsrfField ctx={ctx} />
      <input type="hidden" name="idempotencyKey" value={randomUUID()} />
      <input type="hidden" name="returnTo" value={props.returnTo} />
      <fieldset>
        <legend>{ctx.t('bulkAssignLegend')}</legend>
        <p class="hint" id="bulk-assign-hint">
          {ctx.t('bulkAssignHint')}
        </p>
        <label for="bulk-assignee">{ctx.t('bulkAssignee')}</label>
        <select id="bulk-assignee" name="assigneeId" required>
          <option value="">—</option>
          {assignees.map((a) => (
            <option value={a.id}>{a.label}</option>
          ))}
        </select>{' '}
        <button type="submit">{ctx.t('bulkAssignSubmit')}</button>
      </fieldset>
    </form>
  );
}

type Fields = Record<string, string | string[] | undefined>;

export function bulkAssignPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const router = Router();
  router.post('/petitions/bulk-assign', async (req, res) => {
    const ctx = ctxOf(req);
    const fields = req.body as Fields;
    const ids = (Array.isArray(fields.ids) ? fields.ids : fields.ids ? [fields.ids] : []).filter(Boolean);
    const assigneeId = typeof fields.assigneeId === 'string' ? fields.assigneeId.trim() : '';
    const returnTo = safeReturn(fields.returnTo);
    const missing = ids.length === 0 ? ctx.t('bulkNoneChosen') : !assigneeId ? ctx.t('bulkNoAssignee') : null;
    if (missing) {
      sendPage(res, <BulkAssignResultPage ctx={ctx} result={null} error={missing} returnTo={returnTo} />, 400);
      return;
    }
    const result = await bulkAssign(
      deps,
      req.principal!,
      { petitionIds: ids, assigneeId },
      idempotencyKeyOf(fields as Record<string, string | undefined>),
      toAppError,
    );
    sendPage(res, <BulkAssignResultPage ctx={ctx} result={result} returnTo={returnTo} />);
  });
  return router;
}
