/**
 * One plan run: its progress while it runs (with a cancel button), then the proposal beside the
 * current plan — the figures, what the changes buy in words, and the changes reviewed by project, by
 * person or task by task, applied whole, by group or row by row.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import {
  planningApi,
  type ApplyChoice,
  type GroupBy,
  type PlanGroup,
  type PlanRun,
} from '../../api/planning';
import { invalidateAfterApply, planningKeys, usePlanGroups, usePlanRun } from '../../api/planning-queries';
import { Badge } from '../../components/badges';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { fmtDateTime, plural } from '../../lib/format';
import { fmtDay } from './format';
import { groupChoice, PlanDiff, type RowGroup } from './plan-diff';
import { PlanFiguresCompare } from './plan-figures';
import { PlanGroupsTable } from './plan-groups';

type View = GroupBy | 'tasks';

/** Small proposals read best row by row; larger ones start collapsed by project. */
export function firstView(changedCount: number): View {
  return changedCount > 40 ? 'project' : 'tasks';
}

const views: { id: View; label: string }[] = [
  { id: 'project', label: 'By project' },
  { id: 'person', label: 'By person' },
  { id: 'tasks', label: 'Task by task' },
];

export function RunView({ runId, onPlanAgain }: { runId: string; onPlanAgain: (run: PlanRun) => void }) {
  const run = usePlanRun(runId);
  const queryClient = useQueryClient();
  const notify = useToast();
  const settled = run.data !== undefined && run.data.status !== 'queued' && run.data.status !== 'running';
  useEffect(() => {
    if (settled) void queryClient.invalidateQueries({ queryKey: planningKeys.runs });
  }, [settled, queryClient]);
  const [stale, setStale] = useState<string | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [group, setGroup] = useState<RowGroup | null>(null);
  const shownView: View = view ?? firstView(run.data?.changedCount ?? 0);
  const groups = usePlanGroups(
    runId,
    shownView === 'person' ? 'person' : 'project',
    settled && run.data?.figures !== null && shownView !== 'tasks',
  );

  const cancel = useMutation({
    mutationFn: () => planningApi.cancel(runId),
    onSuccess: (fresh) => queryClient.setQueryData(planningKeys.run(runId), fresh),
    onError: (error) => notify(errorMessage(error), 'bad'),
  });
  const apply = useMutation({
    mutationFn: (choice: ApplyChoice) => planningApi.apply(runId, choice),
    onSuccess: async (result) => {
      setStale(null);
      notify(result.applied === 0 ? 'Nothing left to apply' : `Applied ${plural(result.applied, 'change')}`);
      queryClient.setQueryData(planningKeys.run(runId), result.run);
      await invalidateAfterApply(queryClient);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) setStale(error.message);
      else notify(errorMessage(error), 'bad');
    },
  });

  if (run.isPending) return <Loading label="Loading the plan…" />;
  if (run.isError)
    return <ErrorState error={run.error} what="this plan" onRetry={() => void run.refetch()} />;
  const data = run.data;
  const scope =
    data.scope.projectIds === null ? 'the whole organization' : data.scope.projectNames.join(', ');

  if (data.status === 'queued' || data.status === 'running') {
    const pct = Math.round(data.progress.fraction * 100);
    return (
      <section className="card planner-progress" aria-labelledby="progress-heading" aria-busy="true">
        <div className="card-title-row">
          <h2 id="progress-heading">Planning {scope}…</h2>
          <button
            type="button"
            className="button button-danger"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
        <div
          className="plan-progress"
          role="progressbar"
          aria-label="Planning progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <span className="plan-progress-fill" style={{ width: `${Math.max(2, pct)}%` }} />
        </div>
        <p className="muted small" data-testid="plan-progress-text">
          {data.status === 'queued'
            ? 'Waiting for the planner to be free…'
            : `${(data.progress.elapsedMs / 1000).toFixed(1)} s of ${(data.timeLimitMs / 1000).toFixed(0)} s · ${data.progress.schedules.toLocaleString()} plans tried${
                data.progress.bestLatenessHours !== null
                  ? ` · best so far: ${Math.round(data.progress.bestLatenessHours).toLocaleString()} h of lateness`
                  : ''
              }`}
        </p>
        <p className="muted small">
          {plural(data.taskCount, 'open task')} · you can leave this page; the plan keeps going.
        </p>
      </section>
    );
  }

  return (
    <section className="planner-result" aria-labelledby="result-heading">
      <div className="section-title-row">
        <h2 id="result-heading">
          Proposed plan for {scope}
          {data.status === 'cancelled' ? <Badge tone="warn">stopped early</Badge> : null}
        </h2>
        <span className="muted small">
          Made {fmtDateTime(data.createdAt)} by {data.createdByName ?? 'someone'} · from{' '}
          {fmtDay(data.startDate)} · {(data.progress.elapsedMs / 1000).toFixed(1)} s
        </span>
      </div>
      {data.message ? (
        <p className={`notice${data.status === 'failed' ? ' notice-bad' : ''}`}>{data.message}</p>
      ) : null}
      {stale ? (
        <div className="notice notice-bad planner-stale" role="alert">
          <p>{stale}</p>
          <button type="button" className="button button-primary" onClick={() => onPlanAgain(data)}>
            Plan again with the latest data
          </button>
        </div>
      ) : null}
      {data.figures ? <PlanFiguresCompare figures={data.figures} /> : null}
      {data.issues.length > 0 ? (
        <div className="card planner-issues">
          <h3>Needs your attention</h3>
          <ul>
            {data.issues.map((issue) => (
              <li key={issue.message}>{issue.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.figures?.trade && data.figures.trade.length > 0 ? (
        <div className="card plan-trade">
          <h3>What the changes buy</h3>
          <ul data-testid="plan-trade">
            {data.figures.trade.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.figures ? (
        <>
          <div className="tabs plan-views" role="tablist" aria-label="Review the changes">
            {views.map((v) => (
              <button
                key={v.id}
                type="button"
                role="tab"
                aria-selected={shownView === v.id}
                className={`tab${shownView === v.id ? ' is-active' : ''}`}
                onClick={() => {
                  setView(v.id);
                  setGroup(null);
                }}
              >
                {v.label}
              </button>
            ))}
          </div>
          {shownView !== 'tasks' ? (
            groups.isPending ? (
              <Loading label="Grouping the changes…" />
            ) : groups.isError ? (
              <ErrorState error={groups.error} what="the groups" onRetry={() => void groups.refetch()} />
            ) : (
              <div className="card card-flush">
                <PlanGroupsTable
                  by={groups.data.by}
                  groups={groups.data.groups}
                  applying={apply.isPending}
                  onShow={(g: PlanGroup) => {
                    setGroup({ by: groups.data.by, key: g.key, name: g.name });
                    setView('tasks');
                  }}
                  onApply={(g: PlanGroup) => apply.mutate(groupChoice(groups.data.by, g.key))}
                />
              </div>
            )
          ) : (
            <PlanDiff
              run={data}
              applying={apply.isPending}
              onApply={(choice) => apply.mutate(choice)}
              group={group}
              onClearGroup={() => setGroup(null)}
            />
          )}
        </>
      ) : null}
    </section>
  );
}
