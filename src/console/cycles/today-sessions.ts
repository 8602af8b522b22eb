import type { Principal } from '../../org/access';
import { formatDay, localDayOf } from '../../domain/calendar/day';
import { listSessions, type SessionDeps } from '../../reception/reception-sessions';
import { nowFrom } from '../../platform/runtime/clock';

/** Reception sessions held today in the units the person reads: the home page's "today" item. */
export async function todaySessionCount(deps: SessionDeps, principal: Principal): Promise<number> {
  const today = formatDay(localDayOf(nowFrom(deps).getTime()));
  return (await listSessions(deps, principal, { from: today, to: today })).items.length;
}
