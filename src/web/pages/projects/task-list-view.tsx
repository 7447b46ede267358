/** The project's tasks as a sortable table with the status editable in place. */
import { useMemo, useState } from 'react';
import type { Task } from '../../api/client';
import { usePeopleLookup, useSkillsLookup } from '../../api/queries';
import { LateBadge } from '../../components/badges';
import { TaskLink } from '../../components/task-link';
import { TaskStatusSelect } from '../../components/task-status-select';
import { fmtDate, fmtHours } from '../../lib/format';
import { taskStatuses } from '../../lib/labels';

type SortKey = 'title' | 'status' | 'assignee' | 'skill' | 'estimate' | 'logged' | 'deadline';
interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

const columns: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Task' },
  { key: 'status', label: 'Status' },
  { key: 'assignee', label: 'Assignee' },
  { key: 'skill', label: 'Skill' },
  { key: 'estimate', label: 'Estimate', numeric: true },
  { key: 'logged', label: 'Logged', numeric: true },
  { key: 'deadline', label: 'Deadline' },
];

export function TaskListView({ tasks }: { tasks: Task[] }) {
  const people = usePeopleLookup();
  const skills = useSkillsLookup();
  const [sort, setSort] = useState<Sort>({ key: 'status', dir: 1 });
  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);

  const sorted = useMemo(() => {
    const value = (t: Task): string | number => {
      switch (sort.key) {
        case 'title':
          return t.title.toLowerCase();
        case 'status':
          return taskStatuses.indexOf(t.status);
        case 'assignee':
          return t.assigneeId ? (people.byId.get(t.assigneeId)?.name.toLowerCase() ?? '') : '\uffff';
        case 'skill':
          return t.skillId ? (skills.byId.get(t.skillId)?.name.toLowerCase() ?? '') : '\uffff';
        case 'estimate':
          return t.estimateHours ?? -1;
        case 'logged':
          return t.loggedHours;
        case 'deadline':
          return t.deadline ?? '9999-12-31';
      }
    };
    return [...tasks].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x < y) return -sort.dir;
      if (x > y) return sort.dir;
      return (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.title.localeCompare(b.title);
    });
  }, [tasks, sort, people, skills]);

  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: 1 }));

  return (
    <div className="card card-flush">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-arrow">
                      {sort.key === c.key ? (sort.dir === 1 ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((t) => (
              <tr key={t.id} className={t.status === 'done' ? 'row-done' : undefined}>
                <td>
                  <TaskLink id={t.id}>{t.title}</TaskLink> {t.isLate ? <LateBadge /> : null}
                  {t.dependsOn.length > 0 ? (
                    <span className="muted small dep-hint">
                      {' '}
                      after {t.dependsOn.map((d) => byId.get(d)?.title ?? 'another task').join(', ')}
                    </span>
                  ) : null}
                </td>
                <td>
                  <TaskStatusSelect task={t} />
                </td>
                <td>
                  {t.assigneeId ? (
                    (people.byId.get(t.assigneeId)?.name ?? '…')
                  ) : (
                    <span className="text-warn">unassigned</span>
                  )}
                </td>
                <td>
                  {t.skillId ? (skills.byId.get(t.skillId)?.name ?? '…') : <span className="muted">—</span>}
                  {t.minLevel ? <span className="muted small"> ≥{t.minLevel}</span> : null}
                </td>
                <td className="num">{fmtHours(t.estimateHours)}</td>
                <td
                  className={`num${t.estimateHours !== null && t.loggedHours > t.estimateHours ? ' text-bad' : ''}`}
                >
                  {fmtHours(t.loggedHours)}
                </td>
                <td className={`nowrap${t.isLate ? ' text-bad' : ''}`}>{fmtDate(t.deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
