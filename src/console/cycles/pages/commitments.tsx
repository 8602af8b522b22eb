import type { listCommitments } from '../../../conferences/commitment-list';
import { formatDate, formatNumber } from '../../../web/format';
import type { PageContext } from '../../page-context';
import { cyclesT } from '../cycles-messages';
import { ActionForm, CyclesPage, href, TextField, type Outcome, type Failed } from '../cycles-ui';

export type CommitmentItem = Awaited<ReturnType<typeof listCommitments>>['items'][number];

export function CommitmentsPage(props: {
  ctx: PageContext;
  isLeader: boolean;
  items: (CommitmentItem & { canReport: boolean; assigneeName: string | null; unitName: string })[];
  now: Date;
  outcome?: Outcome | null;
  failed?: Failed & { id: string };
}) {
  const { ctx } = props;
  const w = cyclesT(ctx);
  const failedFor = (id: string, action: string) =>
    props.failed?.id === id && props.failed.action === action ? props.failed : undefined;
  const promised = (day: string) => formatDate(`${day}T12:00:00+07:00`, ctx.lang);
  return (
    <CyclesPage ctx={ctx} title={w('commitmentsTitle')} isLeader={props.isLeader} outcome={props.outcome}>
      <table id="commitments-table">
        <caption>{w('commitmentsCaption', { count: formatNumber(props.items.length, ctx.lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{w('colDescription')}</th>
            <th scope="col">{w('colConference')}</th>
            <th scope="col">{w('colAssignee')}</th>
            <th scope="col">{w('colPromised')}</th>
            <th scope="col" class="num">
              {w('colProgress')}
            </th>
            <th scope="col">{w('colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.length === 0 ? (
            <tr>
              <td colSpan={6}>{w('none')}</td>
            </tr>
          ) : (
            props.items.map((c) => {
              const late = c.status === 'open' && Date.parse(c.dueAt) < props.now.getTime();
              return (
                <tr id={c.id} data-commitment={c.id}>
                  <td>{c.description}</td>
                  <td>
                    <a href={href(`/conferences/${encodeURIComponent(c.conference.id)}`)}>{c.conference.title}</a>
                  </td>
                  <td>{c.assigneeName ?? `${w('commitmentUnassigned')} (${c.unitName})`}</td>
                  <td>{promised(c.promisedBy)}</td>
                  <td class="num">
                    <progress max={100} value={c.status === 'fulfilled' ? 100 : c.progress} aria-hidden="true" />{' '}
                    <span data-testid="progress">
                      {w('progressOf', {
                        percent: formatNumber(c.status === 'fulfilled' ? 100 : c.progress, ctx.lang),
                      })}
                    </span>
                  </td>
                  <td data-testid="commitment-status">
                    {w(c.status === 'fulfilled' ? 'commitment_fulfilled' : 'commitment_open')}
                    {c.escalated ? (
                      <span class="badge overdue"> {w('commitmentEscalated')}</span>
                    ) : late ? (
                      <span class="badge overdue"> {w('commitmentLate')}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      {props.items
        .filter((c) => c.canReport && c.status === 'open')
        .map((c) => {
          const progress = failedFor(c.id, 'progress');
          const fulfil = failedFor(c.id, 'fulfil');
          const base = `/commitments/${encodeURIComponent(c.id)}`;
          return (
            <section aria-labelledby={`update-${c.id}`} class="actions" data-commitment-forms={c.id}>
              <h2 id={`update-${c.id}`}>{w('formsFor', { description: c.description })}</h2>
              <ActionForm
                ctx={ctx}
                action="progress"
                label={w('action_progress')}
                path={`${base}/progress`}
                open={Boolean(progress)}
              >
                <TextField
                  id={`${c.id}-percent`}
                  name="percent"
                  type="number"
                  min={c.progress}
                  max={99}
                  label={w('progressPercent')}
                  required
                  value={progress?.values.percent}
                  error={progress?.errors.percent}
                />
                <TextField
                  id={`${c.id}-progress-note`}
                  name="note"
                  label={w('progressNote')}
                  required
                  value={progress?.values.note}
                  error={progress?.errors.note}
                />
              </ActionForm>
              <ActionForm
                ctx={ctx}
                action="fulfil"
                label={w('action_fulfil')}
                path={`${base}/fulfil`}
                open={Boolean(fulfil)}
              >
                <TextField
                  id={`${c.id}-fulfil-note`}
                  name="note"
                  label={w('fulfilNote')}
                  required
                  value={fulfil?.values.note}
                  error={fulfil?.errors.note}
                />
              </ActionForm>
            </section>
          );
        })}
    </CyclesPage>
  );
}
