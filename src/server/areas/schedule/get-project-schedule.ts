import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import { isDependencyBroken } from '../../../core/schedule';
import type { ProjectSchedule } from '../../../core/schemas/schedule';
import type { Deps } from '../../deps';
import { today as todayOf } from '../../providers/clock';
import { findProjectRow } from '../projects/repo';
import { loadSchedule } from './load-schedule';

/**
 * A project's open tasks as the schedule has them (the timeline draws these), and whether each of
 * their dependencies holds. Everyone who reads the project's tasks reads this: it is their dates.
 */
export async function getProjectSchedule(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<ProjectSchedule> {
  if (!(await findProjectRow(deps.db, actor.orgId, projectId))) throw notFound('Project');
  const schedule = await loadSchedule(deps.db, actor.orgId, todayOf(deps.clock));
  const own = schedule.work.tasks.filter((t) => t.projectId === projectId);
  const tasks = own.flatMap((t) => {
    const s = schedule.tasks.get(t.id);
    return s ? [{ task: t, s }] : [];
  });
  return {
    projectId,
    tasks: tasks.map(({ s }) => ({
      taskId: s.taskId,
      personId: s.personId,
      start: s.start,
      finish: s.finish,
      hours: Math.round(s.daily.reduce((sum, [, h]) => sum + h, 0) * 10) / 10,
      source: s.source,
    })),
    dependencies: tasks.flatMap(({ task, s }) =>
      task.dependsOn.flatMap((depId) => {
        const before = schedule.tasks.get(depId);
        return before
          ? [{ taskId: task.id, dependsOnId: depId, isBroken: isDependencyBroken(before, s) }]
          : [];
      }),
    ),
  };
}
