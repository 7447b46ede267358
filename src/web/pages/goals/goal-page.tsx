/** One goal: where it sits, its metric and progress, its key results, the work behind it, check-ins and decomposition. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, type GoalDetail } from '../../api/client';
import { invalidate, useGoal, usePeopleLookup } from '../../api/queries';
import { Badge, ProjectStatusBadge, StretchBadge, TaskStatusBadge } from '../../components/badges';
import { Gate } from '../../components/gate';
import { PageHeader, useDocumentTitle, type Crumb } from '../../components/page-header';
import { PersonLink } from '../../components/person-link';
import { ProgressBar } from '../../components/progress-bar';
import { Empty, ErrorState, Loading } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { useToast } from '../../components/toast';
import { fmtDate, fmtHours, fmtNumber, plural } from '../../lib/format';
import { goalStatusLabel, horizonLabel, kindLabel, labelOf } from '../../lib/labels';
import { reasons } from '../../lib/reasons';
import { useSession } from '../../lib/session';
import { useToday } from '../../lib/today';
import { AddKeyResult } from './add-key-result';
import { CheckIns } from './check-ins';
import { DecomposeEditor } from './decompose-editor';
import { EditGoalDrawer } from './goal-form';
import { countsSentence, dueText, missingMetricText, workFigureName, workLine } from './progress-text';

export function GoalPage() {
  const { id = '' } = useParams();
  return <GoalView key={id} id={id} />;
}

function GoalView({ id }: { id: string }) {
  const goal = useGoal(id);
  useDocumentTitle(goal.data?.title ?? 'Goal');
  if (goal.isPending) return <Loading label="Loading the goal…" />;
  if (goal.isError)
    return <ErrorState error={goal.error} what="this goal" onRetry={() => void goal.refetch()} />;
  return <GoalContent goal={goal.data} />;
}

function GoalContent({ goal }: { goal: GoalDetail }) {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notify = useToast();
  const people = usePeopleLookup();
  const [editing, setEditing] = useState(false);
  const today = useToday();
  // what the server says the signed-in user may do with this goal (never worked out here)
  const canEdit = goal.can.edit;
  const canDecompose = goal.can.decompose;

  const remove = useMutation({
    mutationFn: () => api.goals.remove(goal.id),
    onSuccess: async () => {
      notify(`“${goal.title}” deleted`);
      await navigate(goal.parentId ? `/goals/${goal.parentId}` : '/strategy');
      await invalidate.goals(queryClient);
    },
    onError: (error) => notify(error.message, 'bad'),
  });

  const crumbs: Crumb[] = [{ label: 'Strategy', to: '/strategy' }];
  if (goal.pillar) crumbs.push({ label: goal.pillar.name, to: '/strategy' });
  for (const ancestor of goal.ancestors) crumbs.push({ label: ancestor.title, to: `/goals/${ancestor.id}` });
  const hasMetric = goal.metricStart !== null || goal.metricTarget !== null || goal.metricCurrent !== null;
  const unit = goal.metricUnit ? ` ${goal.metricUnit}` : '';
  const totalTasks = goal.tasks.length;
  const due = dueText(goal.dueDate, today, goal.status);
  const countsMetric = goal.progressSource === 'metric';
  const allWork = workLine(goal.workSummary);
  const beneath = { keyResults: goal.children.length, hasOwnWork: goal.projects.length + totalTasks > 0 };
  // an objective that neither has nor counts a metric would only show an empty card for it
  const showsMetric = goal.kind === 'key_result' || countsMetric || hasMetric;

  return (
    <div className="page">
      <PageHeader
        title={goal.title}
        crumbs={crumbs}
        actions={
          <>
            <Gate allowed={canEdit} reason={reasons.goalEdit}>
              {(gate) => (
                <button type="button" className="button" {...gate} onClick={() => setEditing(true)}>
                  Edit
                </button>
              )}
            </Gate>
            <Gate allowed={goal.can.delete} reason={reasons.goalDelete}>
              {(gate) => (
                <button
                  type="button"
                  className="button button-danger"
                  disabled={remove.isPending}
                  {...gate}
                  onClick={() => {
                    if (window.confirm(`Delete “${goal.title}”? This cannot be undone.`)) remove.mutate();
                  }}
                >
                  Delete
                </button>
              )}
            </Gate>
          </>
        }
      >
        <div className="meta-row">
          <Badge tone="accent">{labelOf(kindLabel, goal.kind)}</Badge>
          {goal.isStretch ? <StretchBadge /> : null}
          {goal.status !== 'active' ? (
            <Badge tone={goal.status === 'achieved' ? 'good' : 'neutral'}>
              {goalStatusLabel[goal.status]}
            </Badge>
          ) : null}
          <span>
            Owner: <PersonLink id={goal.ownerId} empty="nobody yet" />
          </span>
          {due ? (
            due.isOverdue ? (
              <Badge tone="bad">{due.text}</Badge>
            ) : (
              <span data-testid="goal-due">{due.text}</span>
            )
          ) : (
            <span className="muted">No due date</span>
          )}
          <span>Horizon: {labelOf(horizonLabel, goal.horizon)}</span>
          <span className="muted small">Updated {fmtDate(goal.updatedAt)}</span>
        </div>
        {!canEdit ? (
          <p className="muted small" data-testid="goal-read-only">
            {reasons.goalEdit}.
          </p>
        ) : null}
      </PageHeader>

      <div className="goal-summary card">
        <div className="goal-progress">
          <p className="eyebrow">Progress</p>
          <ProgressBar value={goal.progress} size="lg" testId={goal.id} label={`Progress of ${goal.title}`} />
          <p className="counts-sentence" data-testid="counts-sentence">
            {countsSentence(goal, beneath)}
          </p>
          {canEdit ? (
            <p className="muted small">Which figure counts is chosen under Edit → Progress from.</p>
          ) : null}
        </div>
        <div className={`goal-figures${showsMetric ? '' : ' goal-figures-one'}`}>
          {showsMetric ? (
            <section
              className={`figure${countsMetric ? ' figure-counts' : ''}`}
              aria-labelledby="figure-metric"
              data-testid="figure-metric"
            >
              <div className="row-between">
                <h3 id="figure-metric" className="eyebrow">
                  Metric
                </h3>
                {countsMetric ? <Badge tone="accent">Counts</Badge> : <Badge>Not counted</Badge>}
              </div>
              <ProgressBar
                value={goal.metricProgress}
                size="sm"
                testId={`metric-${goal.id}`}
                label="Metric"
              />
              {hasMetric ? (
                <p className="metric">
                  <span title="start">{fmtNumber(goal.metricStart)}</span>
                  <span className="metric-arrow" aria-label="to">
                    →
                  </span>
                  <strong title="current">{fmtNumber(goal.metricCurrent)}</strong>
                  <span className="metric-arrow" aria-label="toward">
                    →
                  </span>
                  <span title="target">
                    {fmtNumber(goal.metricTarget)}
                    {unit}
                  </span>
                </p>
              ) : null}
              <p className="muted small">
                {goal.metricProgress !== null
                  ? 'Check-ins move it.'
                  : hasMetric
                    ? `Not measurable yet: it has ${missingMetricText(goal)}.`
                    : `No metric.${canEdit ? ' Edit to give it a start, a target and a unit.' : ''}`}
              </p>
            </section>
          ) : null}
          <section
            className={`figure${countsMetric ? '' : ' figure-counts'}`}
            aria-labelledby="figure-work"
            data-testid="figure-work"
          >
            <div className="row-between">
              <h3 id="figure-work" className="eyebrow">
                {workFigureName(goal)}
              </h3>
              {countsMetric ? <Badge>Not counted</Badge> : <Badge tone="accent">Counts</Badge>}
            </div>
            <ProgressBar
              value={goal.workProgress}
              size="sm"
              testId={`work-${goal.id}`}
              label={workFigureName(goal)}
            />
            <p className="muted small">
              {allWork
                ? goal.kind === 'objective' && goal.children.length > 0
                  ? `${allWork}, with its key results’ work`
                  : allWork
                : 'No work is linked yet.'}
            </p>
          </section>
        </div>
        {goal.description ? (
          <div className="goal-description">
            <p className="eyebrow">Why</p>
            <p>{goal.description}</p>
          </div>
        ) : null}
      </div>

      <div className="grid-main-side">
        <div className="stack">
          {/* a key result has nothing beneath it but work: no empty "key results" card on its page */}
          {goal.kind === 'objective' || goal.children.length > 0 ? (
            <section className="card" aria-labelledby="children-heading">
              <div className="card-title-row">
                <h2 id="children-heading">Key results</h2>
                <span className="muted small">{plural(goal.children.length, 'key result')}</span>
              </div>
              {goal.children.length === 0 ? (
                <p className="muted small">
                  {goal.kind === 'objective'
                    ? 'No key results yet: how will you know this objective is met?'
                    : 'No nested key results.'}
                </p>
              ) : (
                <ul className="plain-list">
                  {goal.children.map((child) => (
                    <li key={child.id} className="child-goal" data-testid={`goal-card-${child.id}`}>
                      <div className="row-between">
                        <span>
                          <Link to={`/goals/${child.id}`}>{child.title}</Link>{' '}
                          {child.isStretch ? <StretchBadge /> : null}
                        </span>
                        <span className="muted small">
                          {child.ownerId ? (people.byId.get(child.ownerId)?.name ?? '') : 'no owner'}
                          {child.dueDate
                            ? ` · ${dueText(child.dueDate, today, child.status)?.text ?? ''}`
                            : ''}
                        </span>
                      </div>
                      <ProgressBar
                        value={child.progress}
                        size="sm"
                        testId={child.id}
                        label={`Progress of ${child.title}`}
                      />
                      <p className="muted small">{countsSentence(child)}</p>
                    </li>
                  ))}
                </ul>
              )}
              {goal.kind === 'objective' ? (
                <AddKeyResult
                  parent={goal}
                  defaultOwnerId={goal.ownerId}
                  allowed={session.can('goals.write')}
                />
              ) : null}
            </section>
          ) : null}

          <section className="card" aria-labelledby="work-heading">
            <div className="card-title-row">
              <h2 id="work-heading">Work behind it</h2>
              <span className="muted small" data-testid="work-line">
                {allWork
                  ? goal.kind === 'objective' && goal.children.length > 0
                    ? `${allWork}, with its key results’ work`
                    : allWork
                  : 'No work yet'}
              </span>
            </div>
            {goal.projects.length === 0 && totalTasks === 0 && allWork !== null ? (
              <p className="muted small">
                Nothing is linked to this objective directly: the work above is its key results’. Open a key
                result to see its projects.
              </p>
            ) : null}
            {allWork === null && goal.projects.length === 0 && totalTasks === 0 ? (
              <Empty title="No work is linked to this goal yet">
                {canDecompose
                  ? 'Break it down below into projects and tasks, or link an existing project from its edit form.'
                  : 'A manager can break it down into projects and tasks.'}
              </Empty>
            ) : null}
            {goal.projects.length > 0 ? (
              <ul className="plain-list">
                {goal.projects.map((p) => (
                  <li key={p.id} className="project-row" data-testid={`goal-card-${p.id}`}>
                    <div className="row-between">
                      <Link to={`/projects/${p.id}`}>{p.name}</Link>
                      <span className="row">
                        {p.deadline ? <span className="muted small">due {fmtDate(p.deadline)}</span> : null}
                        <ProjectStatusBadge status={p.status} />
                      </span>
                    </div>
                    <ProgressBar value={p.progress} size="sm" testId={p.id} label={`Progress of ${p.name}`} />
                  </li>
                ))}
              </ul>
            ) : null}
            {totalTasks > 0 ? (
              <>
                <h3 className="subheading">Tasks directly on this goal</h3>
                <ul className="plain-list compact">
                  {goal.tasks.map((t) => (
                    <li key={t.id} className="row-between">
                      <span>
                        <TaskLink id={t.id}>{t.title}</TaskLink>
                        <span className="muted small">
                          {' '}
                          · <PersonLink id={t.assigneeId} empty="unassigned" />
                          {t.estimateHours !== null ? ` · ${fmtHours(t.estimateHours)}` : ''}
                          {t.deadline ? ` · due ${fmtDate(t.deadline)}` : ''}
                        </span>
                      </span>
                      <TaskStatusBadge status={t.status} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          {canDecompose ? (
            <DecomposeEditor goalId={goal.id} goalTitle={goal.title} />
          ) : (
            <section className="card" aria-labelledby="decompose-heading">
              <h2 id="decompose-heading">Break it down</h2>
              <p className="muted small" data-testid="decompose-denied">
                {reasons.goalDecompose}.
              </p>
            </section>
          )}
        </div>
        <CheckIns goal={goal} canCheckIn={goal.can.checkIn} />
      </div>
      {editing ? <EditGoalDrawer goal={goal} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
