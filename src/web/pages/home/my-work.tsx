/** Home's personal part: the week the schedule has for you, and your open tasks. */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Home } from '../../api/client';
import { LazyChart, type ChartOption } from '../../components/lazy-chart';
import { Empty } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { TaskStatusSelect } from '../../components/task-status-select';
import { chartColors } from '../../lib/chart-colors';
import { fmtShortDate, plural, relativeDue } from '../../lib/format';
import { taskStatuses, taskStatusLabel } from '../../lib/labels';

type TaskStatus = (typeof taskStatuses)[number];
const statusLegend = (s: TaskStatus) => (s === 'done' ? 'Done this week' : taskStatusLabel[s]);
const hoursText = (h: number) => `${Math.round(h * 10) / 10} h`;

/** The schedule's week for you: the same hours as the workload heatmap and your 1:1. */
export function MyWeek({ week, today }: { week: Home['member']['week']; today: string }) {
  if (week.tasks.length === 0 && week.plannedHours === 0) return null;
  return (
    <section className="section" aria-labelledby="my-week-heading">
      <div className="section-title-row">
        <h2 id="my-week-heading">This week</h2>
        <span className="muted small" data-testid="my-week-hours">
          {hoursText(week.plannedHours)} planned of {hoursText(week.capacityHours)}
        </span>
      </div>
      <div className="card">
        <ul className="plain-list my-tasks">
          {week.tasks.map((t) => (
            <li key={t.id} className="task-glance">
              <div>
                <TaskLink id={t.id}>{t.title}</TaskLink>
                <p className="muted small">
                  {hoursText(t.hours)} this week ·{' '}
                  {t.start === t.finish
                    ? fmtShortDate(t.start)
                    : `${fmtShortDate(t.start)} → ${fmtShortDate(t.finish)}`}
                  {t.projectId ? (
                    <>
                      {' '}
                      · <Link to={`/projects/${t.projectId}`}>{t.projectName ?? 'Project'}</Link>
                    </>
                  ) : null}
                  {t.deadline ? (
                    <>
                      {' '}
                      ·{' '}
                      <span className={t.isLate ? 'text-bad' : undefined}>
                        {relativeDue(t.deadline, today)}
                      </span>
                    </>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function MyWork({ member, today }: { member: Home['member']; today: string }) {
  // open tasks by status, and done: the tasks finished this week (the count beside the heading)
  const counts = useMemo(() => {
    const byStatus = new Map<string, number>();
    for (const t of member.myTasks) byStatus.set(t.status, (byStatus.get(t.status) ?? 0) + 1);
    byStatus.set('done', member.doneThisWeek);
    return byStatus;
  }, [member.myTasks, member.doneThisWeek]);
  const option = useMemo<ChartOption>(() => {
    const colors: Record<string, string> = {
      todo: chartColors.muted,
      doing: chartColors.accent,
      blocked: chartColors.bad,
      done: chartColors.good,
    };
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['55%', '80%'],
          avoidLabelOverlap: true,
          label: { show: false },
          data: taskStatuses
            .filter((s) => (counts.get(s) ?? 0) > 0)
            .map((s) => ({
              name: statusLegend(s),
              value: counts.get(s) ?? 0,
              itemStyle: { color: colors[s] },
            })),
        },
      ],
    };
  }, [counts]);

  return (
    <section className="section" aria-labelledby="my-work-heading">
      <div className="section-title-row">
        <h2 id="my-work-heading">My tasks</h2>
        <span className="muted small">{plural(member.doneThisWeek, 'task')} done this week</span>
      </div>
      <div className="card">
        {member.myTasks.length === 0 ? (
          <Empty title="Nothing is assigned to you right now.">
            Look at <Link to="/projects">the projects</Link> for work that needs an owner, or ask your
            manager.
          </Empty>
        ) : (
          <div className="my-work">
            <div className="my-work-chart">
              <LazyChart option={option} height={150} label="My tasks by status" />
              <ul className="legend">
                {taskStatuses.map((s) => (
                  <li key={s}>
                    <span className={`legend-dot status-dot-${s}`} aria-hidden="true" />
                    {statusLegend(s)} <span className="num">{counts.get(s) ?? 0}</span>
                  </li>
                ))}
              </ul>
            </div>
            <ul className="plain-list my-tasks">
              {member.myTasks.map((t) => (
                <li key={t.id} className="task-glance">
                  <div>
                    <TaskLink id={t.id}>{t.title}</TaskLink>
                    <p className="muted small">
                      {t.projectId ? (
                        <Link to={`/projects/${t.projectId}`}>{t.projectName ?? 'Project'}</Link>
                      ) : (
                        'On a goal'
                      )}{' '}
                      ·{' '}
                      <span className={t.isLate ? 'text-bad' : undefined}>
                        {relativeDue(t.deadline, today)}
                      </span>
                    </p>
                  </div>
                  <TaskStatusSelect task={t} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
