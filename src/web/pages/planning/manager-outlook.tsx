/** The manager's home: the outlook of the projects they manage — deadline chances and budgets. */
import { Link } from 'react-router-dom';
import { useBudgets, useForecasts } from '../../api/planning-queries';
import { Badge } from '../../components/badges';
import { ProgressBar } from '../../components/progress-bar';
import { Empty, ErrorState, Loading } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { useSession } from '../../lib/session';
import { chanceTone, fmtChance, fmtDay } from './format';
import './planning.css';

export function ManagerOutlook() {
  const session = useSession();
  const allowed = session.can('planning.view');
  const forecasts = useForecasts('mine', allowed);
  const budgets = useBudgets('mine', allowed);
  if (!allowed) return null;
  if (forecasts.isPending || budgets.isPending) return <Loading label="Forecasting your projects…" />;
  if (forecasts.isError)
    return (
      <ErrorState error={forecasts.error} what="the forecasts" onRetry={() => void forecasts.refetch()} />
    );
  const budgetOf = new Map((budgets.data?.items ?? []).map((b) => [b.projectId, b]));
  const items = forecasts.data.items;
  return (
    <div className="card manager-outlook">
      <div className="card-title-row">
        <h3>Outlook: deadlines and budgets</h3>
        <span className="row-tight">
          <Link to="/workload" className="small">
            Workload →
          </Link>
          <Link to="/planner" className="small">
            Planner →
          </Link>
        </span>
      </div>
      {items.length === 0 ? (
        <Empty title="No planned or active project of yours to forecast" />
      ) : (
        <div className="table-wrap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">On time</th>
                <th scope="col">Likely done</th>
                <th scope="col">Decided by</th>
                <th scope="col" className="col-progress">
                  Budget
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => {
                const budget = budgetOf.get(f.projectId);
                const driver = f.drivers[0];
                return (
                  <tr key={f.projectId}>
                    <td>
                      <Link to={`/projects/${f.projectId}`}>{f.projectName}</Link>
                      <div className="muted small">
                        {f.deadline ? `due ${fmtDay(f.deadline)}` : 'no deadline'}
                      </div>
                    </td>
                    <td>
                      {f.probability === null ? (
                        <span className="muted">—</span>
                      ) : (
                        <Badge
                          tone={
                            chanceTone(f.probability) === 'neutral' ? 'neutral' : chanceTone(f.probability)
                          }
                        >
                          {fmtChance(f.probability)}
                        </Badge>
                      )}
                    </td>
                    <td className="nowrap">{fmtDay(f.p50)}</td>
                    <td>
                      {driver ? (
                        <>
                          <TaskLink id={driver.taskId}>{driver.title}</TaskLink>
                          <div className="muted small">{driver.assigneeName ?? 'unassigned'}</div>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      {budget && budget.burn !== null ? (
                        <>
                          <ProgressBar
                            value={budget.burn}
                            size="sm"
                            label={`Budget of ${f.projectName} burnt`}
                            tone={budget.burn > 1 ? 'late' : 'default'}
                          />
                          <div className={`small${budget.runOut.isExhausted ? ' text-bad' : ' muted'}`}>
                            {budget.runOut.isExhausted
                              ? 'exhausted'
                              : budget.runOut.date
                                ? `runs out ${fmtDay(budget.runOut.date)}`
                                : 'no run-out at this pace'}
                          </div>
                        </>
                      ) : (
                        <span className="muted small">no budget</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
