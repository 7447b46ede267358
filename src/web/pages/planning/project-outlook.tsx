/**
 * A project's outlook for managers: the chance to meet its deadline (by simulating the plan with the
 * organization's own history of estimates against actuals) with the tasks that drive the risk, and
 * its budget — burn, forecast at completion and the date it runs out at the current pace — as charts.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { ProjectBudget, ProjectForecast } from '../../api/planning';
import { useBudget, useForecast } from '../../api/planning-queries';
import { Badge } from '../../components/badges';
import { Gate } from '../../components/gate';
import { LazyChart, type ChartOption } from '../../components/lazy-chart';
import { ProgressBar } from '../../components/progress-bar';
import { ErrorState, Loading } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { chartColors } from '../../lib/chart-colors';
import { addDays, fmtHours, fmtMoney, fmtShortDate, isoDate, pct } from '../../lib/format';
import { reasons } from '../../lib/reasons';
import { useSession } from '../../lib/session';
import { chanceTone, fmtChance, fmtDay } from './format';
import './planning.css';

export function ProjectOutlook({ projectId, canPlan }: { projectId: string; canPlan: boolean }) {
  const session = useSession();
  const allowed = session.can('planning.view');
  const forecast = useForecast(projectId, allowed);
  const budget = useBudget(projectId, allowed);
  if (!allowed) return null;
  return (
    <section className="grid-2 project-outlook" aria-label="Outlook">
      <div className="card">
        {forecast.isPending ? (
          <Loading label="Simulating the plan…" />
        ) : forecast.isError ? (
          <ErrorState error={forecast.error} what="the forecast" onRetry={() => void forecast.refetch()} />
        ) : (
          <ForecastPanel forecast={forecast.data} projectId={projectId} canPlan={canPlan} />
        )}
      </div>
      <div className="card">
        {budget.isPending ? (
          <Loading label="Adding up the budget…" />
        ) : budget.isError ? (
          <ErrorState error={budget.error} what="the budget" onRetry={() => void budget.refetch()} />
        ) : (
          <BudgetPanel budget={budget.data} />
        )}
      </div>
    </section>
  );
}

function ForecastPanel({
  forecast,
  projectId,
  canPlan,
}: {
  forecast: ProjectForecast;
  projectId: string;
  canPlan: boolean;
}) {
  const option = useMemo<ChartOption>(() => {
    const data = forecast.curve.map((p) => [p.date, Math.round(p.probability * 100)]);
    const last = forecast.curve.at(-1)?.date ?? null;
    // show the deadline even when every outcome finishes well before it
    const end =
      forecast.deadline && last && forecast.deadline > last ? addDays(forecast.deadline, 1) : undefined;
    if (end && last) data.push([end, 100]);
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}% done by then` },
      xAxis: {
        type: 'time',
        minInterval: 86_400_000,
        splitNumber: 5,
        axisLabel: {
          color: chartColors.text,
          hideOverlap: true,
          formatter: (value: number) => fmtShortDate(isoDate(new Date(value))),
        },
      },
      yAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: '{value}%', color: chartColors.text },
        splitLine: { lineStyle: { color: chartColors.grid } },
      },
      series: [
        {
          type: 'line',
          step: 'end',
          showSymbol: false,
          data,
          lineStyle: { color: chartColors.accent, width: 2 },
          areaStyle: { color: chartColors.accentSoft, opacity: 0.35 },
          markLine: forecast.deadline
            ? {
                symbol: 'none',
                label: { formatter: 'deadline', color: chartColors.bad, position: 'insideEndTop' },
                lineStyle: { color: chartColors.bad, type: 'dashed' },
                data: [{ xAxis: forecast.deadline }],
              }
            : undefined,
        },
      ],
    };
  }, [forecast]);
  const tone = chanceTone(forecast.probability);
  return (
    <>
      <div className="card-title-row">
        <h3>Deadline forecast</h3>
        {canPlan ? (
          <Link to={`/planner?project=${projectId}`} className="button button-small">
            Plan this project
          </Link>
        ) : (
          <Gate allowed={false} reason={reasons.projectPlan}>
            {(gate) => (
              <button type="button" className="button button-small" {...gate}>
                Plan this project
              </button>
            )}
          </Gate>
        )}
      </div>
      {forecast.openTasks === 0 ? (
        <p className="muted">No open work left.</p>
      ) : (
        <>
          <p className="outlook-headline">
            <span
              className={`outlook-big ${tone === 'neutral' ? 'muted' : `text-${tone}`}`}
              data-testid="forecast-probability"
            >
              {forecast.probability === null ? '—' : fmtChance(forecast.probability)}
            </span>
            <span>
              {forecast.deadline ? (
                <>
                  chance to finish by the deadline, <strong>{fmtDay(forecast.deadline)}</strong>
                </>
              ) : (
                'No deadline set'
              )}
              <br />
              <span className="muted small">
                {forecast.planEnd ? <>The plan ends {fmtDay(forecast.planEnd)} · </> : null}
                Likely done {fmtDay(forecast.p50)} · 8 in 10 by {fmtDay(forecast.p80)} · {forecast.runs}{' '}
                simulations
              </span>
            </span>
          </p>
          {forecast.againstPlan.length > 0 ? (
            <div className="small" data-testid="forecast-against-plan">
              <p className="eyebrow">Why not the plan’s date</p>
              <ul className="plain-list compact">
                {forecast.againstPlan.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {forecast.curve.length > 1 ? (
            <LazyChart option={option} height={150} label="Chance to be done by each date" />
          ) : null}
          {forecast.unplannedTasks > 0 ? (
            <p className="small text-warn">
              {forecast.unplannedTasks} open {forecast.unplannedTasks === 1 ? 'task has' : 'tasks have'} no
              person or dates: the forecast assumes they start as soon as their predecessors finish.
            </p>
          ) : null}
          {forecast.drivers.length > 0 ? (
            <>
              <p className="eyebrow">
                {forecast.probability !== null && forecast.probability < 0.95
                  ? 'Tasks that drive the risk'
                  : 'Tasks that decide the finish date'}
              </p>
              <ul className="plain-list compact outlook-drivers">
                {forecast.drivers.map((d) => (
                  <li key={d.taskId} className="row-between">
                    <span>
                      <TaskLink id={d.taskId}>{d.title}</TaskLink>
                      <span className="muted small">
                        {' '}
                        · {d.assigneeName ?? 'unassigned'}
                        {d.projectId !== projectId && d.projectName ? ` · in ${d.projectName}` : ''}
                      </span>
                    </span>
                    <span
                      className="small nowrap"
                      title="Share of the simulated outcomes (the late ones, or the slowest fifth) in which this task was on the chain that set the finish"
                    >
                      {pct(d.share)} of{' '}
                      {forecast.probability !== null && forecast.probability < 0.95 ? 'late' : 'slowest'} runs
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {forecast.taskDeadlines.some((t) => t.probability < 0.8) ? (
            <>
              <p className="eyebrow">Task deadlines at risk</p>
              <ul className="plain-list compact">
                {forecast.taskDeadlines
                  .filter((t) => t.probability < 0.8)
                  .slice(0, 5)
                  .map((t) => (
                    <li key={t.taskId} className="row-between">
                      <span>
                        <TaskLink id={t.taskId}>{t.title}</TaskLink>
                        <span className="muted small"> · due {fmtDay(t.deadline)}</span>
                      </span>
                      <Badge tone={chanceTone(t.probability) === 'bad' ? 'bad' : 'warn'}>
                        {fmtChance(t.probability)}
                      </Badge>
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
          <p className="muted small outlook-basis">{forecast.basis.text}</p>
        </>
      )}
    </>
  );
}

/** 47,520 → 50,000; 1,830 → 2,000. */
function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(x)) / 2;
  return Math.ceil(x / step) * step;
}

function BudgetPanel({ budget }: { budget: ProjectBudget }) {
  const useMoney = budget.budgetMoney !== null || budget.budgetHours === null;
  const option = useMemo<ChartOption>(() => {
    const pick = (row: ProjectBudget['series'][number], kind: 'logged' | 'planned') =>
      useMoney
        ? kind === 'logged'
          ? row.loggedCost
          : row.plannedCost
        : kind === 'logged'
          ? row.loggedHours
          : row.plannedHours;
    const limit = useMoney ? budget.budgetMoney : budget.budgetHours;
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: budget.series.map((r) => r.week),
        axisLabel: { color: chartColors.text, formatter: (value: string) => fmtShortDate(value) },
      },
      yAxis: {
        type: 'value',
        // keep the budget line in view, at a round number
        max: (extent: { max: number }) => niceCeil(Math.max(extent.max, limit ?? 0) * 1.05),
        axisLabel: { color: chartColors.text },
        splitLine: { lineStyle: { color: chartColors.grid } },
      },
      series: [
        {
          name: useMoney ? 'Spent' : 'Logged hours',
          type: 'line',
          showSymbol: false,
          data: budget.series.map((r) => pick(r, 'logged')),
          lineStyle: { color: chartColors.accent, width: 2 },
          markLine:
            limit !== null
              ? {
                  symbol: 'none',
                  label: { formatter: 'budget', color: chartColors.bad, position: 'insideEndTop' },
                  lineStyle: { color: chartColors.bad, type: 'dashed' },
                  data: [{ yAxis: limit }],
                }
              : undefined,
        },
        {
          name: 'Forecast (the plan)',
          type: 'line',
          showSymbol: false,
          data: budget.series.map((r) => pick(r, 'planned')),
          lineStyle: { color: chartColors.warn, width: 2, type: 'dashed' },
        },
      ],
    };
  }, [budget, useMoney]);
  const fmt = (x: number) => (useMoney ? fmtMoney(x) : fmtHours(x));
  const spent = useMoney ? budget.logged.cost : budget.logged.hours;
  const atCompletion = useMoney ? budget.atCompletion.cost : budget.atCompletion.hours;
  const adjusted = useMoney ? budget.adjustedAtCompletion.cost : budget.adjustedAtCompletion.hours;
  const limit = useMoney ? budget.budgetMoney : budget.budgetHours;
  const over = limit !== null && atCompletion > limit;
  return (
    <>
      <div className="card-title-row">
        <h3>Budget</h3>
        {budget.runOut.isExhausted ? (
          <Badge tone="bad">exhausted</Badge>
        ) : over ? (
          <Badge tone="warn">forecast over</Badge>
        ) : null}
      </div>
      {limit !== null ? (
        <>
          <ProgressBar
            value={budget.burn}
            size="md"
            label="Budget burnt"
            tone={budget.burn !== null && budget.burn > 1 ? 'late' : 'default'}
          />
          <p className="small">
            {fmt(spent)} {useMoney ? 'spent' : 'logged'} of {fmt(limit)} ({pct(budget.burn)})
          </p>
        </>
      ) : (
        <p className="muted small">
          No budget set: {fmt(spent)} {useMoney ? 'spent' : 'logged'} so far.
        </p>
      )}
      <dl className="facts outlook-facts">
        <div>
          <dt>Forecast at completion</dt>
          <dd className={over ? 'text-bad' : undefined} data-testid="budget-eac">
            {fmt(atCompletion)}
          </dd>
        </div>
        <div>
          <dt
            title={`Remaining work × ${budget.adjustedAtCompletion.ratio} (how actuals compare to estimates here)`}
          >
            At the usual overrun (×{budget.adjustedAtCompletion.ratio})
          </dt>
          <dd className={limit !== null && adjusted > limit ? 'text-bad' : undefined}>{fmt(adjusted)}</dd>
        </div>
        <div>
          <dt>Pace</dt>
          <dd>{useMoney ? fmtMoney(budget.pace.costPerWeek) : fmtHours(budget.pace.hoursPerWeek)} a week</dd>
        </div>
        <div>
          <dt>Billable at completion</dt>
          <dd>{fmtMoney(budget.atCompletion.bill)}</dd>
        </div>
      </dl>
      <p className={`small${budget.runOut.isExhausted ? ' text-bad' : ''}`} data-testid="budget-runout">
        {budget.runOut.text}
      </p>
      {budget.series.length > 1 ? (
        <>
          <LazyChart option={option} height={160} label="Spending to date and forecast against the budget" />
          <ul className="legend chart-legend">
            <li>
              <span className="legend-dot" style={{ background: chartColors.accent }} />{' '}
              {useMoney ? 'spent' : 'logged'}
            </li>
            <li>
              <span className="legend-dot" style={{ background: chartColors.warn }} /> forecast from the plan
            </li>
            {limit !== null ? (
              <li>
                <span className="legend-dot" style={{ background: chartColors.bad }} /> budget
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </>
  );
}
