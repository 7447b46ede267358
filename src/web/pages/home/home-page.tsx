/** The role-aware home: leaders see the vision and the goals; managers their projects and deadlines; everyone their own work. */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Home } from '../../api/client';
import { useHome } from '../../api/queries';
import { Badge, ConfidenceBadge, LateBadge, ProjectStatusBadge, StretchBadge } from '../../components/badges';
import { LazyChart, type ChartOption } from '../../components/lazy-chart';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { ProgressBar } from '../../components/progress-bar';
import { Empty, ErrorState, Loading } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { ManagerOutlook } from '../planning/manager-outlook';
import { MyWeek, MyWork } from './my-work';
import { chartColors } from '../../lib/chart-colors';
import { fmtDate, fmtShortDate, pct, plural, relativeDue } from '../../lib/format';
import { horizonLabel, labelOf } from '../../lib/labels';
import { useSession } from '../../lib/session';

type LeaderHome = NonNullable<Home['leader']>;
type ManagerHome = NonNullable<Home['manager']>;
type TaskGlance = Home['member']['myTasks'][number];

export function HomePage() {
  useDocumentTitle('Home');
  const { me } = useSession();
  const home = useHome();
  const firstName = me.name.split(' ')[0] ?? me.name;

  if (home.isPending) return <Loading label="Gathering your home…" />;
  if (home.isError)
    return <ErrorState error={home.error} what="your home" onRetry={() => void home.refetch()} />;
  const data = home.data;
  const leaderFirst = data.role === 'owner' || data.role === 'leader';

  return (
    <div className="page">
      <PageHeader title={`Hello, ${firstName}`}>
        <p className="muted">
          {fmtDate(data.today)} · {me.organization.name}
        </p>
      </PageHeader>
      {leaderFirst && data.leader ? <LeaderSection leader={data.leader} /> : null}
      {data.manager ? <ManagerSection manager={data.manager} today={data.today} /> : null}
      <MyWeek week={data.member.week} today={data.today} />
      <MyWork member={data.member} today={data.today} />
      {!leaderFirst && data.leader ? <LeaderSection leader={data.leader} /> : null}
    </div>
  );
}

function LeaderSection({ leader }: { leader: LeaderHome }) {
  const navigate = useNavigate();
  const pillarOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : 'no signal'),
      },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: '{value}%', color: chartColors.text },
        splitLine: { lineStyle: { color: chartColors.grid } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: leader.pillars.map((p) => p.name),
        axisLabel: { color: chartColors.text, width: 160, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: leader.pillars.map((p) => (p.progress === null ? null : Math.round(p.progress * 100))),
          itemStyle: { color: chartColors.accent, borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right', formatter: '{c}%', color: chartColors.text },
          cursor: 'pointer',
        },
      ],
    }),
    [leader.pillars],
  );

  return (
    <section className="section" aria-labelledby="leader-heading">
      <h2 id="leader-heading" className="visually-hidden">
        Vision and goals
      </h2>
      <div className="vision-card card">
        <div className="vision-text">
          <p className="eyebrow">Vision{leader.visionHorizon ? ` · ${leader.visionHorizon}` : ''}</p>
          {leader.vision ? (
            <p className="vision-statement">{leader.vision}</p>
          ) : (
            <p className="muted">
              No vision written yet. <Link to="/strategy">Write it on the strategy map</Link> — it is what
              every goal and task traces back to.
            </p>
          )}
        </div>
        <div className="vision-progress">
          <p className="eyebrow">Overall progress</p>
          <ProgressBar
            value={leader.visionProgress}
            size="lg"
            label="Progress toward the vision"
            testId="vision"
          />
          <p className="muted small">
            {plural(leader.pillars.length, 'pillar')} · {plural(leader.objectives.length, 'objective')} ·{' '}
            <Link to="/people">{plural(leader.peopleCount, 'person', 'people')}</Link>
          </p>
        </div>
      </div>

      <div className="grid-2">
        <div className="card">
          <div className="card-title-row">
            <h3>Pillars</h3>
            <Link to="/strategy" className="small">
              Strategy map →
            </Link>
          </div>
          {leader.pillars.length === 0 ? (
            <Empty title="No strategic pillars yet">
              <Link to="/strategy">Add the themes of your strategy</Link> so goals have a home.
            </Empty>
          ) : (
            <>
              <LazyChart
                option={pillarOption}
                height={Math.max(120, leader.pillars.length * 38 + 24)}
                label="Progress per pillar"
                onItemClick={() => void navigate('/strategy')}
              />
              <ul className="plain-list compact">
                {leader.pillars.map((p) => (
                  <li key={p.id} className="row-between">
                    <span>
                      {p.name} <span className="muted small">· {plural(p.objectiveCount, 'objective')}</span>
                    </span>
                    <span className="num">{pct(p.progress)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>

        <div className="card">
          <div className="card-title-row">
            <h3>Goals with no work</h3>
            <Badge tone={leader.goalsWithoutWork.length > 0 ? 'warn' : 'good'}>
              {leader.goalsWithoutWork.length}
            </Badge>
          </div>
          <p className="muted small">
            Too long-term and you never know what to do today: these key results have no project or task yet.
          </p>
          {leader.goalsWithoutWork.length === 0 ? (
            <Empty title="Every active key result has work behind it." />
          ) : (
            <ul className="plain-list">
              {leader.goalsWithoutWork.map((g) => (
                <li key={g.id} className="row-between">
                  <span>
                    <Link to={`/goals/${g.id}`}>{g.title}</Link>
                    <span className="muted small"> · {g.ownerName ?? 'no owner'}</span>
                  </span>
                  <Link to={`/goals/${g.id}#decompose`} className="button button-small">
                    Break it down
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <div className="card">
        <div className="card-title-row">
          <h3>Objectives at a glance</h3>
          <span className="muted small">{plural(leader.objectives.length, 'objective')}</span>
        </div>
        {leader.objectives.length === 0 ? (
          <Empty title="No objectives yet">
            <Link to="/strategy">Add an objective under a pillar</Link>, then give it measurable key results.
          </Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Objective</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Horizon</th>
                  <th scope="col">Confidence</th>
                  <th scope="col" className="col-progress">
                    Progress
                  </th>
                </tr>
              </thead>
              <tbody>
                {leader.objectives.map((g) => (
                  <tr key={g.id}>
                    <td>
                      <Link to={`/goals/${g.id}`}>{g.title}</Link> {g.isStretch ? <StretchBadge /> : null}
                    </td>
                    <td>{g.ownerName ?? <span className="muted">—</span>}</td>
                    <td>{labelOf(horizonLabel, g.horizon)}</td>
                    <td>
                      <ConfidenceBadge value={g.lastConfidence} />
                    </td>
                    <td>
                      <ProgressBar
                        value={g.progress}
                        size="sm"
                        testId={`home-${g.id}`}
                        label={`Progress of ${g.title}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

function ManagerSection({ manager, today }: { manager: ManagerHome; today: string }) {
  const navigate = useNavigate();
  const projects = manager.projects;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : 'no signal'),
      },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: '{value}%', color: chartColors.text },
        splitLine: { lineStyle: { color: chartColors.grid } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: projects.map((p) => p.name),
        axisLabel: { color: chartColors.text, width: 160, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 20,
          data: projects.map((p) => ({
            value: p.progress === null ? null : Math.round(p.progress * 100),
            itemStyle: {
              color: p.lateCount > 0 ? chartColors.bad : chartColors.accent,
              borderRadius: [0, 4, 4, 0],
            },
          })),
          label: { show: true, position: 'right', formatter: '{c}%', color: chartColors.text },
          cursor: 'pointer',
        },
      ],
    }),
    [projects],
  );

  return (
    <section className="section" aria-labelledby="manager-heading">
      <div className="section-title-row">
        <h2 id="manager-heading">Delivery</h2>
        <Link to="/projects" className="small">
          All projects →
        </Link>
      </div>
      <div className="stats">
        <Stat label="Projects" value={projects.length} to="/projects" />
        <Stat
          label="Overdue tasks"
          value={manager.overdue.length}
          tone={manager.overdue.length > 0 ? 'bad' : 'good'}
        />
        <Stat label="Due in 14 days" value={manager.upcomingDeadlines.length} />
        <Stat
          label="Unassigned open tasks"
          value={manager.unassignedCount}
          tone={manager.unassignedCount > 0 ? 'warn' : 'good'}
        />
      </div>
      <ManagerOutlook />
      <div className="grid-2">
        <div className="card">
          <h3>Your projects</h3>
          {projects.length === 0 ? (
            <Empty title="You manage no projects yet">
              <Link to="/projects?new=1">Create a project</Link> or break a goal down into projects from its
              page.
            </Empty>
          ) : (
            <>
              <LazyChart
                option={option}
                height={Math.max(110, projects.length * 34 + 24)}
                label="Progress per project (late projects in red)"
                onItemClick={(index) => {
                  const project = projects[index];
                  if (project) void navigate(`/projects/${project.id}`);
                }}
              />
              <ul className="plain-list">
                {projects.map((p) => (
                  <li key={p.id} className="project-row">
                    <div className="row-between">
                      <Link to={`/projects/${p.id}`}>{p.name}</Link>
                      <ProjectStatusBadge status={p.status} />
                    </div>
                    <ProgressBar
                      value={p.progress}
                      size="sm"
                      label={`Progress of ${p.name}`}
                      tone={p.lateCount > 0 ? 'late' : 'default'}
                    />
                    <p className="muted small">
                      {p.deadline
                        ? `Deadline ${fmtShortDate(p.deadline)} (${relativeDue(p.deadline, today)})`
                        : 'No deadline'}{' '}
                      · {plural(p.openCount, 'open task')}
                      {p.lateCount > 0 ? <span className="text-bad"> · {p.lateCount} late</span> : null}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="stack">
          <div className="card">
            <h3>Overdue</h3>
            <TaskGlanceList tasks={manager.overdue} today={today} empty="Nothing is overdue. Well kept." />
          </div>
          <div className="card">
            <h3>Upcoming deadlines</h3>
            <TaskGlanceList
              tasks={manager.upcomingDeadlines}
              today={today}
              empty="No open task is due in the next 14 days."
            />
          </div>
        </div>
      </div>
    </section>
  );
}

function Stat({
  label,
  value,
  tone,
  to,
}: {
  label: string;
  value: number;
  tone?: 'good' | 'warn' | 'bad';
  to?: string;
}) {
  const body = (
    <>
      <span className={`stat-value${tone ? ` text-${tone}` : ''}`}>{value}</span>
      <span className="stat-label">{label}</span>
    </>
  );
  return to ? (
    <Link to={to} className="stat card">
      {body}
    </Link>
  ) : (
    <div className="stat card">{body}</div>
  );
}

const GLANCE_LIMIT = 6;

function TaskGlanceList({ tasks, today, empty }: { tasks: TaskGlance[]; today: string; empty: string }) {
  const [showAll, setShowAll] = useState(false);
  if (tasks.length === 0) return <p className="muted">{empty}</p>;
  const shown = showAll ? tasks : tasks.slice(0, GLANCE_LIMIT);
  return (
    <>
      <ul className="plain-list">
        {shown.map((t) => (
          <li key={t.id} className="task-glance">
            <div>
              <TaskLink id={t.id}>{t.title}</TaskLink>
              <p className="muted small">
                {t.projectId ? (
                  <Link to={`/projects/${t.projectId}`}>{t.projectName ?? 'Project'}</Link>
                ) : (
                  'On a goal'
                )}{' '}
                · {t.assigneeName ?? <span className="text-warn">unassigned</span>} ·{' '}
                <span className={t.isLate ? 'text-bad' : undefined}>{relativeDue(t.deadline, today)}</span>
              </p>
            </div>
            {t.isLate ? <LateBadge /> : null}
          </li>
        ))}
      </ul>
      {tasks.length > GLANCE_LIMIT ? (
        <button type="button" className="link-button small show-more" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show fewer' : `Show all ${tasks.length}`}
        </button>
      ) : null}
    </>
  );
}
