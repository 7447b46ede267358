/**
 * Deadline forecasts of projects from the current plan and the organization's own history of
 * estimated against actual hours (core/forecast.ts does the simulation). The history: every finished
 * task with an estimate and logged time gives one ratio, credited to its assignee.
 */
import { clampRatio, forecast, forecastClosure, median, type ForecastTask } from '../../../core/forecast';
import type { ProjectForecast } from '../../../core/schemas/planning';
import { currentWindow, daysOffFrom, hoursPerDayOf } from '../../../core/workload';
import type { DB } from '../../deps';
import { loadOpenWork, type OpenWork } from '../planning/load-open-work';
import * as repo from '../planning/repo';
import { remainingHours } from '../planning/snapshot';

export interface RatioHistoryRows {
  byPerson: Map<string, number[]>;
  organization: number[];
}

export async function loadHistory(db: DB, orgId: string): Promise<RatioHistoryRows> {
  const rows = await repo.listDoneTaskHistory(db, orgId);
  const byPerson = new Map<string, number[]>();
  const organization: number[] = [];
  for (const r of rows) {
    const estimate = Number(r.estimate_hours);
    const logged = Number(r.logged);
    if (!(estimate > 0) || !(logged > 0)) continue;
    const ratio = clampRatio(logged / estimate);
    organization.push(ratio);
    if (r.assignee_id) byPerson.set(r.assignee_id, [...(byPerson.get(r.assignee_id) ?? []), ratio]);
  }
  return { byPerson, organization };
}

const MIN_PERSON_SAMPLES = 3;

export function basisOf(
  history: RatioHistoryRows,
  personIds: readonly (string | null)[],
): ProjectForecast['basis'] {
  const m = median(history.organization);
  if (history.organization.length === 0)
    return {
      kind: 'none',
      samples: 0,
      medianRatio: null,
      text: 'No finished tasks with logged time yet: the forecast assumes the estimates are right.',
    };
  const own = personIds.filter(
    (p): p is string => p !== null && (history.byPerson.get(p)?.length ?? 0) >= MIN_PERSON_SAMPLES,
  );
  const assigned = personIds.filter((p) => p !== null).length;
  const ratio = `${m!.toFixed(2)}×`;
  if (assigned > 0 && own.length === assigned)
    return {
      kind: 'person',
      samples: history.organization.length,
      medianRatio: m,
      text: `Each person’s own history of actual against estimated hours (the organization’s median is ${ratio} the estimate, over ${history.organization.length} finished tasks).`,
    };
  return {
    kind: 'organization',
    samples: history.organization.length,
    medianRatio: m,
    text: `People’s own history where they have ${MIN_PERSON_SAMPLES}+ finished tasks, otherwise the organization’s: work takes ${ratio} the estimate (median of ${history.organization.length} finished tasks).`,
  };
}

export interface ForecastContext {
  work: OpenWork;
  history: RatioHistoryRows;
  today: string;
}

export async function loadForecastContext(db: DB, orgId: string, today: string): Promise<ForecastContext> {
  const [work, history] = await Promise.all([loadOpenWork(db, orgId, today), loadHistory(db, orgId)]);
  return { work, history, today };
}

/** Forecasts the given projects (simulating only the work that can move them). */
export function forecastProjects(
  context: ForecastContext,
  projects: readonly { id: string; name: string; deadline: string | null }[],
  runs = 400,
): ProjectForecast[] {
  const { work, history, today } = context;
  const people = new Map(work.people.map((p) => [p.id, p]));
  const titles = new Map(work.tasks.map((t) => [t.id, t]));
  const projectNames = new Map(work.projects.map((p) => [p.id, p.name]));
  const all: ForecastTask[] = work.tasks.map((t) => {
    const window = t.assigneeId !== null ? currentWindow(t.plannedStart, t.plannedEnd, today) : null;
    return {
      id: t.id,
      projectId: t.projectId,
      personId: t.assigneeId !== null && people.has(t.assigneeId) ? t.assigneeId : null,
      hours: remainingHours(t),
      plannedStart: window?.start ?? null,
      deadline: t.deadline,
      dependsOn: t.dependsOn,
    };
  });
  const wanted = new Set(projects.map((p) => p.id));
  const targets = new Set(
    all.filter((t) => t.projectId !== null && wanted.has(t.projectId)).map((t) => t.id),
  );
  const tasks = forecastClosure(all, targets);
  const result = forecast(
    tasks,
    work.people.map((p) => ({
      id: p.id,
      hoursPerDay: hoursPerDayOf(p.capacityHoursPerWeek),
      daysOff: daysOffFrom(p.timeOff),
    })),
    history,
    { today, runs, seed: 1, minPersonSamples: MIN_PERSON_SAMPLES },
  );
  return projects.map((project) => {
    const own = work.tasks.filter((t) => t.projectId === project.id);
    const outlook = result.project(project.id, project.deadline);
    const unplanned = own.filter(
      (t) => t.assigneeId === null || currentWindow(t.plannedStart, t.plannedEnd, today) === null,
    ).length;
    return {
      projectId: project.id,
      projectName: project.name,
      deadline: project.deadline,
      probability: outlook?.probability ?? null,
      p50: outlook?.p50 ?? null,
      p80: outlook?.p80 ?? null,
      p95: outlook?.p95 ?? null,
      openTasks: own.length,
      unplannedTasks: unplanned,
      runs: result.runs,
      basis: basisOf(
        history,
        own.map((t) => t.assigneeId),
      ),
      drivers: (outlook?.drivers ?? [])
        .filter((d) => d.share >= 0.05)
        .map((d) => {
          const t = titles.get(d.taskId);
          return {
            taskId: d.taskId,
            title: t?.title ?? 'A task',
            projectId: t?.projectId ?? null,
            projectName: t?.projectId ? (projectNames.get(t.projectId) ?? null) : null,
            assigneeName: t?.assigneeId ? (people.get(t.assigneeId)?.name ?? null) : null,
            share: Math.round(d.share * 100) / 100,
            plannedEnd: t?.plannedEnd ?? null,
          };
        }),
      taskDeadlines: own
        .filter((t) => t.deadline !== null && result.taskOnTime.has(t.id))
        .map((t) => ({
          taskId: t.id,
          title: t.title,
          deadline: t.deadline!,
          probability: Math.round(result.taskOnTime.get(t.id)! * 1000) / 1000,
          assigneeName: t.assigneeId ? (people.get(t.assigneeId)?.name ?? null) : null,
        }))
        .sort((a, b) => a.probability - b.probability || a.deadline.localeCompare(b.deadline))
        .slice(0, 12),
      curve: outlook?.curve ?? [],
    };
  });
}
