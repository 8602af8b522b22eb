// The console's search: GET /petitions of the JSON API as a form, with the list use case's filters (unit,
// field, overdue, escalated, forwarded, received-date range, handler) as URL query parameters, so a search
// is a link that can be shared. Mounted before petitionPages, whose older GET /petitions it replaces.
import { Router, type Request } from 'express';
import { readableUnits, UnitTree } from '../org/access';
import { listPetitions, type ListPetitionsQuery } from '../petitions/petitions';
import { PETITION_KINDS, STAGES } from '../domain/petition/petition-stages';
import { compareNames } from '../web/format';
import { sendPage } from '../web/render';
import type { ConsoleDeps } from './console-deps';
import { calendarNow } from './calendar-now';
import type { PageContext } from './page-context';
import { SearchPage, type SearchQuery } from './pages/search';
import { sortOf } from './components';
import { assigneeOptions } from './bulk-assign';

const SEARCH_PAGE_SIZE = 25;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ID = /^[\w-]{1,64}$/;

/** A yes/no filter: absent or anything else is "any". */
const yesNo = (v: string | undefined): 'true' | 'false' | '' => (v === 'true' || v === 'false' ? v : '');

/** A day typed in Vietnam as the instant its first (or last) millisecond starts there (UTC+7, no DST). */
function dayBound(text: string, end: boolean): string | null | undefined {
  if (!text) return undefined;
  const m = DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d, -7) + (end ? 86_400_000 - 1 : 0);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(ms).toISOString();
}

export function searchQueryOf(req: Request): { query: Required<SearchQuery>; page: number; dateInvalid: boolean } {
  const q = req.query as Record<string, string | undefined>;
  const { sort, order } = sortOf(q);
  const from = (q.receivedFrom ?? '').trim();
  const to = (q.receivedTo ?? '').trim();
  const dateInvalid = dayBound(from, false) === null || dayBound(to, true) === null;
  return {
    query: {
      text: q.text ?? '',
      petitioner: (q.petitioner ?? '').trim(),
      stage: STAGES.find((s) => s === q.stage) ?? '',
      kind: PETITION_KINDS.find((k) => k === q.kind) ?? '',
      unitId: q.unitId && ID.test(q.unitId) ? q.unitId : '',
      field: (q.field ?? '').trim().slice(0, 100),
      overdue: yesNo(q.overdue),
      escalated: yesNo(q.escalated),
      forwarded: yesNo(q.forwarded),
      receivedFrom: dateInvalid ? '' : from,
      receivedTo: dateInvalid ? '' : to,
      assigneeId: q.assigneeId && ID.test(q.assigneeId) ? q.assigneeId : '',
      sort,
      order,
    },
    page: Math.max(1, Number(q.page) || 1),
    dateInvalid,
  };
}

const bool = (v: 'true' | 'false' | '') => (v === '' ? undefined : v === 'true');

/** The form's values as the list use case's query, exactly what GET /petitions would be given. */
export function toListQuery(query: Required<SearchQuery>, page: number): ListPetitionsQuery {
  return {
    text: query.text || undefined,
    // As GET /petitions: a name of fewer than two letters would match nearly everyone.
    petitioner: query.petitioner.length >= 2 ? query.petitioner : undefined,
    stage: query.stage || undefined,
    kind: query.kind || undefined,
    unitId: query.unitId || undefined,
    field: query.field || undefined,
    overdue: bool(query.overdue),
    escalated: bool(query.escalated),
    forwarded: bool(query.forwarded),
    receivedFrom: dayBound(query.receivedFrom, false) ?? undefined,
    receivedTo: dayBound(query.receivedTo, true) ?? undefined,
    assigneeId: query.assigneeId || undefined,
    sort: query.sort,
    order: query.order,
    page,
    pageSize: SEARCH_PAGE_SIZE,
  };
}

export function searchPages(deps: ConsoleDeps, ctxOf: (req: Request) => PageContext): Router {
  const router = Router();
  router.get('/petitions', async (req, res) => {
    const principal = req.principal!;
    const { query, page, dateInvalid } = searchQueryOf(req);
    const [list, { now, calendar }, assignees, tree] = await Promise.all([
      listPetitions(deps, principal, toListQuery(query, page)),
      calendarNow(deps),
      assigneeOptions(deps.prisma, principal),
      UnitTree.load(deps.prisma),
    ]);
    const units = [...readableUnits(principal, tree)]
      .map((id) => ({ id, label: tree.names.get(id) ?? id }))
      .sort((a, b) => compareNames(a.label, b.label));
    sendPage(
      res,
      <SearchPage
        ctx={ctxOf(req)}
        query={query}
        list={list}
        now={now}
        calendar={calendar}
        assignees={assignees}
        units={units}
        dateInvalid={dateInvalid}
      />,
    );
  });
  return router;
}
