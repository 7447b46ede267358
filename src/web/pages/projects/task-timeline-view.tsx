/**
 * A Gantt-like timeline of the one schedule model (./timeline.ts): open tasks where the schedule puts
 * them, done ones at their planned dates, estimates hatched. Late tasks are red, lines show
 * finish-to-start dependencies (amber when the schedule breaks one), and a line marks today.
 */
import { useMemo } from 'react';
import type { Project, Task } from '../../api/client';
import { useProjectSchedule } from '../../api/planning-queries';
import { usePeopleLookup } from '../../api/queries';
import { TaskLink } from '../../components/task-link';
import { addDays, daysBetween, fmtDate, fmtShortDate, parseDate, plural } from '../../lib/format';
import { barOf, linksOf, type Bar } from './timeline';
import { useToday } from '../../lib/today';
import { taskStatusLabel } from '../../lib/labels';

const ROW = 38;

function minDate(dates: (string | null)[]): string | null {
  return dates.reduce<string | null>((min, d) => (d && (!min || d < min) ? d : min), null);
}
function maxDate(dates: (string | null)[]): string | null {
  return dates.reduce<string | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}

export function TaskTimelineView({ tasks, project }: { tasks: Task[]; project: Project }) {
  const today = useToday();
  const people = usePeopleLookup();
  const schedule = useProjectSchedule(project.id).data;

  const layout = useMemo(() => {
    const bars = tasks
      .map((t) => barOf(t, schedule))
      .filter((b): b is Bar => b !== null)
      .sort(
        (a, b) =>
          a.start.localeCompare(b.start) ||
          a.end.localeCompare(b.end) ||
          a.task.title.localeCompare(b.task.title),
      );
    const unscheduled = tasks.filter((t) => !bars.some((b) => b.task.id === t.id));
    const first = minDate([...bars.map((b) => b.start), project.startDate, today]) ?? today;
    const last = maxDate([...bars.map((b) => b.end), project.deadline, today]) ?? today;
    const rangeStart = addDays(first, -1);
    const rangeEnd = addDays(last, 2);
    const days = daysBetween(rangeStart, rangeEnd) + 1;
    const x = (date: string) => (daysBetween(rangeStart, date) / days) * 100;
    const width = (start: string, end: string) => ((daysBetween(start, end) + 1) / days) * 100;

    // scale: weeks (Mondays) for short ranges, month starts for long ones
    const ticks: { date: string; label: string }[] = [];
    if (days > 120) {
      const d = parseDate(rangeStart);
      d.setDate(1);
      d.setMonth(d.getMonth() + 1);
      for (let i = 0; i < 40; i++) {
        const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`;
        if (iso > rangeEnd) break;
        ticks.push({
          date: iso,
          label: d.toLocaleDateString(undefined, { month: 'short', year: '2-digit' }),
        });
        d.setMonth(d.getMonth() + 1);
      }
    } else {
      const startDay = parseDate(rangeStart).getDay();
      const offset = (8 - startDay) % 7;
      const every = days > 60 ? 14 : 7;
      for (let date = addDays(rangeStart, offset); date <= rangeEnd; date = addDays(date, every)) {
        ticks.push({ date, label: fmtShortDate(date) });
      }
    }

    const row = new Map(bars.map((b, i) => [b.task.id, i]));
    const links = linksOf(bars, schedule).map((link) => {
      const from = row.get(link.from)!;
      const to = row.get(link.to)!;
      const dep = bars[from]!;
      const bar = bars[to]!;
      const x1 = (x(dep.end) + width(dep.end, dep.end)) * 10;
      const x2 = x(bar.start) * 10;
      const y1 = from * ROW + ROW / 2;
      const y2 = to * ROW + ROW / 2;
      const elbow = Math.max(x1 + 6, Math.min(x2 - 6, x1 + 12));
      return {
        key: `${link.from}-${link.to}`,
        path: `M ${x1} ${y1} H ${elbow} V ${y2} H ${x2}`,
        isBroken: link.isBroken,
      };
    });
    return { bars, unscheduled, rangeStart, rangeEnd, days, x, width, ticks, links };
  }, [tasks, schedule, project.startDate, project.deadline, today]);

  const { bars, unscheduled, x, width, ticks, links, rangeStart, rangeEnd } = layout;
  const height = bars.length * ROW;
  const todayInRange = today >= rangeStart && today <= rangeEnd;
  const byId = new Map(tasks.map((t) => [t.id, t]));

  return (
    <div className="card timeline-card">
      {bars.length === 0 ? (
        <p className="muted">
          No task has dates yet. Give tasks a deadline or a planned start and end (open a task to edit it) and
          they appear here.
        </p>
      ) : (
        <div className="timeline-scroll">
          <div className="timeline" style={{ ['--row' as string]: `${ROW}px` }}>
            <div className="timeline-head">
              <div className="timeline-label-col">Task</div>
              <div className="timeline-scale" aria-hidden="true">
                {ticks.map((t) => (
                  <span key={t.date} className="timeline-tick" style={{ left: `${x(t.date)}%` }}>
                    {t.label}
                  </span>
                ))}
              </div>
            </div>
            <div className="timeline-body">
              <ol className="timeline-labels">
                {bars.map((b) => (
                  <li key={b.task.id} className={`timeline-label${b.task.isLate ? ' is-late' : ''}`}>
                    <TaskLink id={b.task.id}>{b.task.title}</TaskLink>
                    <span className="muted small">
                      {b.task.assigneeId ? (people.byId.get(b.task.assigneeId)?.name ?? '') : 'unassigned'}
                      {b.task.dependsOn.length > 0
                        ? ` · after ${b.task.dependsOn.map((d) => byId.get(d)?.title ?? 'a task').join(', ')}`
                        : ''}
                    </span>
                  </li>
                ))}
              </ol>
              <div className="timeline-track" style={{ height }}>
                {ticks.map((t) => (
                  <span
                    key={t.date}
                    className="timeline-grid"
                    style={{ left: `${x(t.date)}%` }}
                    aria-hidden="true"
                  />
                ))}
                <svg
                  className="timeline-links"
                  viewBox={`0 0 1000 ${Math.max(height, 1)}`}
                  preserveAspectRatio="none"
                  aria-hidden="true"
                >
                  {links.map((l) => (
                    <path
                      key={l.key}
                      d={l.path}
                      className={l.isBroken ? 'link-broken' : 'link-ok'}
                      vectorEffect="non-scaling-stroke"
                    />
                  ))}
                </svg>
                {project.deadline && project.deadline >= rangeStart && project.deadline <= rangeEnd ? (
                  <span
                    className="timeline-deadline"
                    style={{ left: `${x(project.deadline) + width(project.deadline, project.deadline)}%` }}
                    title={`Project deadline ${fmtDate(project.deadline)}`}
                  >
                    <span>Deadline</span>
                  </span>
                ) : null}
                {todayInRange ? (
                  <span
                    className="timeline-today"
                    style={{ left: `${x(today)}%` }}
                    data-testid="timeline-today"
                  >
                    <span>Today</span>
                  </span>
                ) : null}
                {bars.map((b, i) => {
                  const t = b.task;
                  const tone = t.status === 'done' ? 'done' : t.isLate ? 'late' : t.status;
                  const label = `${t.title}: ${fmtDate(b.start)} → ${fmtDate(b.end)}${b.isEstimated ? ' (from the deadline and estimate)' : ''}, ${taskStatusLabel[t.status]}${t.isLate ? ', late' : ''}`;
                  return (
                    <div key={t.id} className="timeline-row" style={{ top: i * ROW }}>
                      <TaskLink
                        id={t.id}
                        className={`timeline-bar bar-${tone}${b.isEstimated ? ' bar-estimated' : ''}`}
                        style={{ left: `${x(b.start)}%`, width: `${width(b.start, b.end)}%` }}
                        title={label}
                        aria-label={label}
                        data-testid={`timeline-bar-${t.id}`}
                      >
                        <span className="timeline-bar-text" aria-hidden="true">
                          {t.title}
                        </span>
                      </TaskLink>
                      {t.deadline && !b.isEstimated && t.deadline !== b.end ? (
                        <span
                          className={`timeline-due${t.deadline < b.end ? ' is-missed' : ''}`}
                          style={{ left: `${x(t.deadline) + width(t.deadline, t.deadline)}%` }}
                          title={`Deadline ${fmtDate(t.deadline)}`}
                          aria-hidden="true"
                        />
                      ) : null}
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
        </div>
      )}
      <div className="timeline-legend small muted">
        <span>
          <span className="swatch bar-todo" /> planned
        </span>
        <span>
          <span className="swatch bar-todo bar-estimated" /> from deadline and estimate
        </span>
        <span>
          <span className="swatch bar-late" /> late
        </span>
        <span>
          <span className="swatch bar-done" /> done
        </span>
        <span>
          <span className="swatch-line link-broken" /> starts before what it waits for ends
        </span>
      </div>
      {unscheduled.length > 0 ? (
        <details className="unscheduled">
          <summary>{plural(unscheduled.length, 'task')} without dates</summary>
          <ul className="plain-list compact">
            {unscheduled.map((t) => (
              <li key={t.id}>
                <TaskLink id={t.id}>{t.title}</TaskLink>{' '}
                <span className="muted small">· {taskStatusLabel[t.status]}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
