/** Pulse: a short weekly check-in, and results that only ever show groups of five or more. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { energyLabels, workloadLabels } from '../../../core/people-side';
import { peopleSideApi, type MyPulse, type PulseAggregate, type PulseResults } from '../../api/people-side';
import { invalidateSide, useMyPulse, usePulseResults } from '../../api/people-side-queries';
import { Badge } from '../../components/badges';
import { FormError } from '../../components/form';
import { LazyChart, type ChartOption } from '../../components/lazy-chart';
import { LockIcon } from '../../components/lock-icon';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { chartColors } from '../../lib/chart-colors';
import { fmtDate, fmtShortDate, pct } from '../../lib/format';

export function PulsePage() {
  useDocumentTitle('Pulse');
  const mine = useMyPulse();
  const results = usePulseResults(12);
  return (
    <div className="page">
      <PageHeader title="Pulse">
        <p className="muted">
          Two questions a week. Answers are only ever shown as averages of at least five people, and only once
          the week is over — nobody, not even an owner, sees yours.
        </p>
      </PageHeader>
      <div className="grid-main-side">
        <div className="stack">
          {results.isPending ? (
            <Loading label="Loading the results…" />
          ) : results.isError ? (
            <ErrorState
              error={results.error}
              what="the pulse results"
              onRetry={() => void results.refetch()}
            />
          ) : (
            <Results results={results.data} />
          )}
        </div>
        <div className="stack">
          {mine.isPending ? (
            <Loading />
          ) : mine.isError ? (
            <ErrorState error={mine.error} what="your check-in" onRetry={() => void mine.refetch()} />
          ) : (
            <CheckIn pulse={mine.data} />
          )}
        </div>
      </div>
    </div>
  );
}

function Scale({
  legend,
  labels,
  value,
  onChange,
}: {
  legend: string;
  labels: readonly string[];
  value: number | null;
  onChange: (value: number) => void;
}) {
  return (
    <fieldset className="fieldset scale">
      <legend>{legend}</legend>
      <div className="scale-options">
        {labels.map((label, i) => (
          <label key={label} className={`scale-option${value === i + 1 ? ' is-active' : ''}`}>
            <input type="radio" name={legend} checked={value === i + 1} onChange={() => onChange(i + 1)} />
            <span className="scale-number">{i + 1}</span>
            <span className="scale-label">{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function CheckIn({ pulse }: { pulse: MyPulse }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const [energy, setEnergy] = useState<number | null>(pulse.current?.energy ?? null);
  const [workload, setWorkload] = useState<number | null>(pulse.current?.workload ?? null);
  const [comment, setComment] = useState(pulse.current?.comment ?? '');
  const save = useMutation({
    mutationFn: () => peopleSideApi.pulse.answer({ energy: energy ?? 0, workload: workload ?? 0, comment }),
    onSuccess: async () => {
      notify('Thanks — your answer is in');
      await invalidateSide.pulse(queryClient);
    },
  });
  return (
    <section className="card" aria-labelledby="checkin-heading">
      <div className="card-title-row">
        <h2 id="checkin-heading">This week</h2>
        {pulse.current ? <Badge tone="good">Answered</Badge> : <Badge tone="warn">Not answered yet</Badge>}
      </div>
      <p className="muted small">
        Week of {fmtDate(pulse.period)} · closes {fmtDate(pulse.closesOn)}. You can change your answer until
        then.
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Scale legend="Energy" labels={energyLabels} value={energy} onChange={setEnergy} />
        <Scale legend="Workload" labels={workloadLabels} value={workload} onChange={setWorkload} />
        <label className="field">
          <span className="field-label">One thing on your mind (optional)</span>
          <textarea rows={2} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <p className="muted small">
          <LockIcon /> Comments are read by owners and leaders only, without your name, and only when five or
          more people answered that week.
        </p>
        <FormError error={save.error} />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={!energy || !workload || save.isPending}
          >
            {pulse.current ? 'Update my answer' : 'Send'}
          </button>
        </div>
      </form>
      {pulse.recent.length > 0 ? (
        <details>
          <summary className="small">Your earlier answers (only you see these)</summary>
          <ul className="plain-list compact small">
            {pulse.recent.map((r) => (
              <li key={r.period}>
                {fmtShortDate(r.period)}: energy {r.energy}, workload {r.workload}
                {r.comment ? <span className="muted"> — “{r.comment}”</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

const tone = (value: number, kind: 'energy' | 'workload') =>
  kind === 'energy'
    ? value >= 3.5
      ? 'good'
      : value >= 2.8
        ? 'warn'
        : 'bad'
    : value > 3.6 || value < 2.2
      ? 'bad'
      : value > 3.3
        ? 'warn'
        : 'good';

function Cell({
  result,
  kind,
  merged,
}: {
  result: PulseAggregate | null;
  kind: 'energy' | 'workload';
  merged: string[];
}) {
  if (!result)
    return (
      <td className="pulse-cell is-hidden" title="Fewer than five answers: not shown">
        —
      </td>
    );
  const value = kind === 'energy' ? result.energy : result.workload;
  return (
    <td
      className={`pulse-cell pulse-${tone(value, kind)}`}
      title={`${result.respondents} answers${merged.length > 0 ? ` · ${merged.join(', ')}` : ''}`}
    >
      {value.toFixed(1)}
    </td>
  );
}

function Results({ results }: { results: PulseResults }) {
  const [kind, setKind] = useState<'energy' | 'workload'>('energy');
  const shown = results.organization.filter((p) => p.result !== null);
  const latest = [...results.organization].reverse().find((p) => p.result !== null);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: chartColors.text } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(1) : 'not shown'),
      },
      xAxis: {
        type: 'category',
        data: results.periods.map((p) => fmtShortDate(p)),
        axisLabel: { color: chartColors.text },
      },
      yAxis: {
        type: 'value',
        min: 1,
        max: 5,
        interval: 1,
        axisLabel: { color: chartColors.text },
        splitLine: { lineStyle: { color: chartColors.grid } },
      },
      series: [
        {
          name: 'Energy',
          type: 'line',
          data: results.organization.map((p) => p.result?.energy ?? null),
          itemStyle: { color: chartColors.good },
          connectNulls: false,
        },
        {
          name: 'Workload (3 = about right)',
          type: 'line',
          data: results.organization.map((p) => p.result?.workload ?? null),
          itemStyle: { color: chartColors.warn },
          lineStyle: { type: 'dashed' },
          connectNulls: false,
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: chartColors.muted, type: 'dotted' },
            data: [{ yAxis: 3 }],
          },
        },
      ],
    }),
    [results],
  );

  if (shown.length === 0)
    return (
      <section className="card">
        <h2>Results</h2>
        <Empty title="Nothing to show yet">
          Results appear once a week is over and at least {results.minGroupSize} people answered it.
        </Empty>
      </section>
    );

  return (
    <>
      <section className="card" aria-labelledby="trend-heading">
        <div className="card-title-row">
          <h2 id="trend-heading">Organization, last 12 weeks</h2>
          {latest?.result ? (
            <span className="muted small">
              Last week: {latest.result.respondents} answers · {pct(latest.result.overloadedShare)} say too
              much work · {pct(latest.result.lowEnergyShare)} low energy
            </span>
          ) : null}
        </div>
        <LazyChart
          option={option}
          height={240}
          label="Average energy and workload per week for the organization"
        />
      </section>

      <section className="card" aria-labelledby="teams-heading">
        <div className="card-title-row">
          <h2 id="teams-heading">Trends per team</h2>
          <div className="tabs" role="tablist" aria-label="Measure">
            {(['energy', 'workload'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={kind === k}
                className={`tab${kind === k ? ' is-active' : ''}`}
                onClick={() => setKind(k)}
              >
                {k === 'energy' ? 'Energy' : 'Workload'}
              </button>
            ))}
          </div>
        </div>
        {results.groups.length === 0 ? (
          <p className="muted small">
            No team has reached {results.minGroupSize} answers in a week yet, so only the organization as a
            whole is shown.
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact pulse-table">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  {results.periods.map((p) => (
                    <th key={p} scope="col" className="num">
                      {fmtShortDate(p)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {results.groups.map((g) => (
                  <tr key={g.teamId ?? 'other'}>
                    <th
                      scope="row"
                      title={
                        g.teamId === null ? 'Smaller teams and people without a team, together' : undefined
                      }
                    >
                      {g.name}
                    </th>
                    {g.series.map((s) => (
                      <Cell key={s.period} result={s.result} kind={kind} merged={s.mergedTeamNames} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted small">
          “—”: fewer than {results.minGroupSize} answers that week, so nothing is shown. Teams too small to
          stand on their own are grouped as “Other teams”, and a team joins them when the rest would be fewer
          than {results.minGroupSize} — so no one can be worked out by subtracting one number from another.
        </p>
      </section>

      {results.comments ? (
        <section className="card" aria-labelledby="comments-heading">
          <div className="card-title-row">
            <h2 id="comments-heading">Comments, week of {fmtDate(results.comments.period)}</h2>
            <span className="muted small">Owners and leaders only · unattributed · alphabetical</span>
          </div>
          {results.comments.items.length === 0 ? (
            <p className="muted small">No comments that week.</p>
          ) : (
            <ul className="comment-list">
              {results.comments.items.map((c, i) => (
                <li key={i}>“{c}”</li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
