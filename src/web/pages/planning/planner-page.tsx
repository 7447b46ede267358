/**
 * The planner: choose what to plan (projects you manage, or the whole organization), run the engine
 * with live progress and a cancel button, then compare the proposed plan with the current one — the
 * figures side by side and every change with its reason — and apply all of it or chosen rows.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { planningApi, type PlanRun } from '../../api/planning';
import { planningKeys, usePlanRuns } from '../../api/planning-queries';
import { ALL, useProjects } from '../../api/queries';
import { MultiSelect } from '../../components/multi-select';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Empty, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { fmtDateTime, plural } from '../../lib/format';
import { useSession } from '../../lib/session';
import { RunView } from './run-view';
import './planning.css';

const timeLimits = [
  { value: 'auto', label: 'Standard (a few seconds)' },
  { value: '2000', label: 'Quick (2 s)' },
  { value: '15000', label: 'Thorough (15 s)' },
] as const;

export function PlannerPage() {
  useDocumentTitle('Planner');
  const session = useSession();
  const canPlan = session.can('plans.create');
  if (!canPlan)
    return (
      <div className="page">
        <PageHeader title="Planner" />
        <Empty title="Planning is for managers, leaders and owners">
          Your manager plans the work; you see your tasks on <Link to="/">your home</Link>.
        </Empty>
      </div>
    );
  return <Planner />;
}

function Planner() {
  const session = useSession();
  const canPlanAll = session.can('plans.any');
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const projects = useProjects({ limit: ALL });
  const runs = usePlanRuns();
  const notify = useToast();
  const queryClient = useQueryClient();

  // the server answers with each project whether you may plan it
  const plannable = useMemo(
    () =>
      (projects.data?.items ?? []).filter(
        (p) => ['planned', 'active', 'on_hold'].includes(p.status) && p.can.plan,
      ),
    [projects.data],
  );
  const [wholeOrg, setWholeOrg] = useState(false);
  const [chosen, setChosen] = useState<string[]>(() => {
    const preset = params.get('project');
    return preset ? [preset] : [];
  });
  const [timeLimit, setTimeLimit] = useState<(typeof timeLimits)[number]['value']>('auto');
  const [keepAssignees, setKeepAssignees] = useState(false);

  const start = useMutation({
    mutationFn: (body: Parameters<typeof planningApi.start>[0]) => planningApi.start(body),
    onSuccess: async (run) => {
      queryClient.setQueryData(planningKeys.run(run.id), run);
      setParams({ run: run.id });
      await queryClient.invalidateQueries({ queryKey: planningKeys.runs });
    },
    onError: (error) => notify(errorMessage(error), 'bad'),
  });
  const plan = (scope: { projectIds: string[] | null; keepAssignees: boolean; timeLimitMs?: number }) =>
    start.mutate({
      ...(scope.projectIds ? { projectIds: scope.projectIds } : {}),
      keepAssignees: scope.keepAssignees,
      ...(scope.timeLimitMs ? { timeLimitMs: scope.timeLimitMs } : {}),
    });
  const canStart = wholeOrg ? canPlanAll : chosen.length > 0;

  return (
    <div className="page page-wide planner">
      <PageHeader title="Planner">
        <p className="muted">
          The planning engine gives open work to people and dates: deadlines first, then capacity, an even
          load, growth and passions, then cost. You see why, and apply what you agree with.
        </p>
      </PageHeader>

      <section className="card planner-scope" aria-labelledby="scope-heading">
        <h2 id="scope-heading">What to plan</h2>
        <div className="planner-scope-grid">
          <div>
            <div className="segmented" role="radiogroup" aria-label="Scope">
              <label className={!wholeOrg ? 'is-active' : undefined}>
                <input type="radio" name="scope" checked={!wholeOrg} onChange={() => setWholeOrg(false)} />
                {canPlanAll ? 'Projects' : 'Projects you manage'}
              </label>
              <label
                className={wholeOrg ? 'is-active' : undefined}
                title={canPlanAll ? undefined : 'Owners and leaders plan the whole organization'}
              >
                <input
                  type="radio"
                  name="scope"
                  checked={wholeOrg}
                  disabled={!canPlanAll}
                  onChange={() => setWholeOrg(true)}
                />
                Whole organization
              </label>
            </div>
            {wholeOrg ? (
              <p className="muted small planner-hint">
                Every open task of planned and active projects, and tasks directly on goals.
              </p>
            ) : projects.isPending ? (
              <Loading label="Loading projects…" />
            ) : (
              <MultiSelect
                label="Projects to plan"
                options={plannable.map((p) => ({
                  value: p.id,
                  label: p.name,
                  hint: `${p.taskCount - p.doneCount} open`,
                }))}
                value={chosen}
                onChange={setChosen}
                empty={
                  canPlanAll
                    ? 'No planned or active projects yet.'
                    : 'You manage no planned or active project yet.'
                }
              />
            )}
          </div>
          <div className="planner-options">
            <label className="field-inline">
              <span>Search time</span>
              <select value={timeLimit} onChange={(e) => setTimeLimit(e.target.value as typeof timeLimit)}>
                {timeLimits.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={keepAssignees}
                onChange={(e) => setKeepAssignees(e.target.checked)}
              />
              Keep current assignees (only plan dates and fill gaps)
            </label>
            <p className="muted small">
              Pinned tasks keep their person and dates; tasks in progress keep their person.
            </p>
            <button
              type="button"
              className="button button-primary planner-run"
              disabled={!canStart || start.isPending}
              onClick={() =>
                plan({
                  projectIds: wholeOrg ? null : chosen,
                  keepAssignees,
                  ...(timeLimit !== 'auto' ? { timeLimitMs: Number(timeLimit) } : {}),
                })
              }
            >
              {start.isPending
                ? 'Starting…'
                : wholeOrg
                  ? 'Plan the organization'
                  : `Plan ${plural(chosen.length, 'project')}`}
            </button>
          </div>
        </div>
      </section>

      {runId ? (
        <RunView
          key={runId}
          runId={runId}
          onPlanAgain={(run) =>
            plan({
              projectIds: run.scope.projectIds,
              keepAssignees: run.keepAssignees,
              timeLimitMs: run.timeLimitMs,
            })
          }
        />
      ) : null}

      <RecentRuns runs={runs.data?.items ?? []} current={runId} onOpen={(id) => setParams({ run: id })} />
    </div>
  );
}

function RecentRuns({
  runs,
  current,
  onOpen,
}: {
  runs: PlanRun[];
  current: string | null;
  onOpen: (id: string) => void;
}) {
  if (runs.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent plans</h2>
      <ul className="plain-list planner-recent">
        {runs.map((run) => (
          <li key={run.id} className={run.id === current ? 'is-current' : undefined}>
            <button type="button" className="link-button" onClick={() => onOpen(run.id)}>
              {run.scope.projectIds === null ? 'Whole organization' : run.scope.projectNames.join(', ')}
            </button>
            <span className="muted small">
              {' '}
              · {fmtDateTime(run.createdAt)} · {run.createdByName ?? 'someone'} · {statusText(run)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function statusText(run: PlanRun): string {
  switch (run.status) {
    case 'queued':
      return 'waiting';
    case 'running':
      return 'planning…';
    case 'failed':
      return 'failed';
    case 'cancelled':
    case 'done':
      return run.appliedCount > 0
        ? `${plural(run.appliedCount, 'change')} applied`
        : `${plural(run.changedCount, 'change')} proposed${run.status === 'cancelled' ? ' (stopped early)' : ''}`;
  }
}
