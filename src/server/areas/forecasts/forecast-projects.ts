/**
 * Deadline forecasts of projects from the one schedule model and the organization's own history of
 * estimated against actual hours (core/forecast.ts does the simulation). The history: every finished
 * task with an estimate and logged time gives one ratio, credited to its assignee. Where the likely
 * finish differs from the plan's end, the forecast says why (`againstPlan`).
 */
import { clampRatio, forecast, forecastClosure, median, type ForecastTask } from '../../../core/forecast';
import type { Moment } from '../../../core/schedule';
import type { ProjectForecast } from '../../../core/schemas/planning';
import { againstPlan } from '../../../core/forecast-reasons';
import { dayNumber } from '../../../core/workdays';
import { HOURS_PER_DAY, hoursPerDayOf } from '../../../core/workload';
import type { DB } from '../../deps';
import * as repo from '../planning/repo';
import { remainingHours } from '../planning/snapshot';
import { loadSchedule, type Schedule } from '../schedule/load-schedule';

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
  schedule: Schedule;
  history: RatioHistoryRows;
  today: string;
}

export async function loadForecastContext(db: DB, orgId: string, today: string): Promise<ForecastContext> {
  const [schedule, history] = await Promise.all([loadSchedule(db, orgId, today), loadHistory(db, orgId)]);
  return { schedule, history, today };
}

/** A moment as working time: day number + the fraction of the working day gone. */
const timeOf = (m: Moment) => dayNumber(m.date) + m.hour / HOURS_PER_DAY;

/** Forecasts the given projects (simulating only the work that can move them). */
export function forecastProjects(
  context: ForecastContext,
  projects: readonly { id: string; name: string; deadline: string | null }[],
  runs = 400,
): ProjectForecast[] {
  const { schedule, history, today } = context;
  const { work } = schedule;
  const people = new Map(work.people.map((p) => [p.id, p]));
  const titles = new Map(work.tasks.map((t) => [t.id, t]));
  const projectNames = new Map(work.projects.map((p) => [p.id, p.name]));
  const all: ForecastTask[] = work.tasks.map((t) => {
    const personId = t.assigneeId !== null && people.has(t.assigneeId) ? t.assigneeId : null;
    const s = personId === null ? undefined : schedule.tasks.get(t.id);
    return {
      id: t.id,
      projectId: t.projectId,
      personId,
      hours: remainingHours(t),
      plannedStart: s?.start.date ?? null,
      planned: s
        ? { start: timeOf(s.start), finish: timeOf(s.finish), isLaid: s.source === 'plan' }
        : undefined,
      deadline: t.deadline,
      dependsOn: t.dependsOn,
    };
  });
  /** The project's people whom the schedule gives more hours than they have on some day up to `until`. */
  const overbookedOn = (own: typeof work.tasks, until: string | null): string[] => {
    const names = new Set<string>();
    for (const personId of new Set(own.map((t) => t.assigneeId))) {
      const person = personId === null ? undefined : people.get(personId);
      if (!person) continue;
      const perDay = hoursPerDayOf(person.capacityHoursPerWeek);
      for (const [date, h] of schedule.hours.get(person.id) ?? [])
        if ((until === null || date <= until) && h > perDay + 0.05) names.add(person.name);
    }
    return [...names].sort();
  };
  /** The ratios of actual to estimated hours the project's work is simulated with, furthest from 1 first. */
  const orgMedian = median(history.organization);
  const ratiosOf = (own: typeof work.tasks): { name: string | null; median: number }[] => {
    const out = new Map<string | null, number>();
    for (const t of own) {
      const pool = t.assigneeId === null ? undefined : history.byPerson.get(t.assigneeId);
      if (pool && pool.length >= MIN_PERSON_SAMPLES) {
        const name = people.get(t.assigneeId!)?.name ?? null;
        out.set(name, median(pool)!);
      } else if (orgMedian !== null) out.set(null, orgMedian);
    }
    return [...out]
      .map(([name, m]) => ({ name, median: m }))
      .sort((a, b) => Math.abs(b.median - 1) - Math.abs(a.median - 1));
  };
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
      daysOff: schedule.daysOff.get(p.id) ?? new Set<string>(),
    })),
    history,
    { today, runs, seed: 1, minPersonSamples: MIN_PERSON_SAMPLES },
  );
  return projects.map((project) => {
    const own = work.tasks.filter((t) => t.projectId === project.id);
    const outlook = result.project(project.id, project.deadline);
    const unplanned = own.filter((t) => t.assigneeId === null || !schedule.tasks.has(t.id)).length;
    return {
      projectId: project.id,
      projectName: project.name,
      deadline: project.deadline,
      probability: outlook?.probability ?? null,
      p50: outlook?.p50 ?? null,
      p80: outlook?.p80 ?? null,
      p95: outlook?.p95 ?? null,
      planEnd: outlook?.planEnd ?? null,
      againstPlan: outlook
        ? againstPlan(outlook, {
            unplanned,
            overbooked: overbookedOn(own, outlook.planEnd),
            ratios: ratiosOf(own),
          })
        : [],
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
