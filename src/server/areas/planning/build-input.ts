/**
 * Turns a snapshot of the database into the engine's input (pure; tested against hand-made cases).
 *
 * - Periods are working hours: 8 a day, Monday to Friday, from the plan's start date (the first
 *   working day on or after today). Hours rather than whole days, so a 2-hour task does not take a
 *   person's whole day (planning whole days cost the demo organization a quarter of its capacity).
 * - A person's calendar: capacity = weekly hours ÷ 40 per hour (at most 1); time off as days off;
 *   work outside the scope that is already assigned and dated takes its hours off the days it is
 *   planned on. People without working hours are left out.
 * - A task's duration: remaining hours (estimate less time logged; 8 h without an estimate), rounded
 *   up to whole hours. Done tasks are not in the snapshot.
 * - Skill: the task's skill at its minimum level; a task without a skill may go to anyone.
 * - Pins: a pinned task keeps its assignee and, when its planned start is today or later, that start;
 *   a task in progress keeps its assignee; with `keepAssignees` every assigned task does.
 * - Deadlines: the task's own, else its project's; due on the last working day on or before it.
 *   Releases: a project's start date, and the planned end of an open task outside the scope it waits for.
 * - Preferences: growth goals and passions (core/preferences.ts); rates: the hourly cost rate.
 * - The plan in force: each assigned task's person and, when it has dates, its start (the hour the
 *   applied plan chose when its layout still holds, else the start of its first day), for the
 *   'stability' objective.
 * - The engine's deadlines are max(deadline, earliest finish by precedence): no plan can finish a task
 *   before its earliest finish, so this changes total lateness only by a constant (`lateBy`) while it
 *   points the engine's priorities at work that can still be saved rather than at work already late.
 *
 * The engine refuses an input whose pins clash or whose tasks nobody can do. Such tasks are taken out
 * here with a plain reason (`unplaceable`), and pins that cannot hold are relaxed with a note.
 */
import { preferenceWeights, type SkillPreference } from '../../../core/preferences';
import { currentWindow, daysOffFrom, HOURS_PER_DAY, layHours } from '../../../core/workload';
import { addWorkdays, nextWorkday, previousWorkday, sayDate, workdaysBetween } from '../../../core/workdays';
import type { Activity, Person, PlanInput } from '../../../engine/index';
import { remainingHours, type PlanSnapshot, type SnapshotPerson, type SnapshotTask } from './snapshot';

/** The skill every planned person holds: tasks without a skill may go to anyone. */
export const ANY_SKILL = '*';
/** A skill only this person holds: keeps a task with its assignee even without the task's skill. */
export const personSkill = (personId: string): string => `@${personId}`;

/**
 * Deadlines first (capacity is a hard rule of the engine), then stability: a task leaves its person,
 * or starts later than planned, only when that makes less work late.
 */
export const objectives: PlanInput['objectives'] = [
  'tardiness',
  'stability',
  'balance',
  'preference',
  'cost',
];

/** Periods of a working day: one period is one hour of full-time work. */
export const PERIODS_PER_DAY = 8;
/** Working hours in one period (engine periods and lateness → the hours people read). */
export const HOURS_PER_PERIOD = HOURS_PER_DAY / PERIODS_PER_DAY;

export interface BuildOptions {
  keepAssignees: boolean;
}

export type KeepKind = 'pinned' | 'in-progress' | 'kept';

export interface PersonCalendar {
  /** 0–1: work per working day. */
  capacity: number;
  daysOff: Set<string>;
  /** Hours per date already taken by planned work outside the scope. */
  committed: Map<string, number>;
}

export interface BuiltPlan {
  input: PlanInput;
  startDate: string;
  today: string;
  /** Tasks left out of the engine's input, with the reason in words. */
  unplaceable: Map<string, string>;
  /** Extra lines for a task's explanation (relaxed pins, outside predecessors, missing estimate). */
  notes: Map<string, string[]>;
  /** Why a task's release holds it back, in words. */
  releaseWhy: Map<string, string>;
  hours: Map<string, number>;
  deadlines: Map<string, { date: string; period: number }>;
  /** Lateness (in periods) no plan can avoid, taken out of the engine's deadlines (see above). */
  lateBy: number;
  /** Tasks whose person is kept, and why. */
  kept: Map<string, KeepKind>;
  /** Kept with a person who lacks the task's skill or level. */
  keptUnqualified: Set<string>;
  calendars: Map<string, PersonCalendar>;
  preferences: Map<string, SkillPreference>;
  dateAt(period: number): string;
  periodOf(date: string): number;
}

const skillLabel = (names: Map<string, string>, skillId: string | null) =>
  skillId === null ? 'any skill' : (names.get(skillId) ?? 'a skill that was deleted');

export function buildPlanInput(snapshot: PlanSnapshot, options: BuildOptions): BuiltPlan {
  const { startDate, today } = snapshot;
  const dateAt = (t: number) => addWorkdays(startDate, Math.floor(t / PERIODS_PER_DAY));
  const periodOf = (date: string) => workdaysBetween(startDate, date) * PERIODS_PER_DAY;
  const skillNames = new Map(snapshot.skills.map((s) => [s.id, s.name]));
  const personById = new Map(snapshot.people.map((p) => [p.id, p]));
  const projectById = new Map(snapshot.projects.map((p) => [p.id, p]));
  const taskById = new Map(snapshot.tasks.map((t) => [t.id, t]));
  const outsideById = new Map(snapshot.outsideTasks.map((t) => [t.id, t]));
  const built: BuiltPlan = {
    input: { activities: [], people: [], objectives },
    startDate,
    today,
    unplaceable: new Map(),
    notes: new Map(),
    releaseWhy: new Map(),
    hours: new Map(),
    deadlines: new Map(),
    kept: new Map(),
    keptUnqualified: new Set(),
    lateBy: 0,
    calendars: new Map(),
    preferences: new Map(),
    dateAt,
    periodOf,
  };
  const note = (taskId: string, text: string) =>
    built.notes.set(taskId, [...(built.notes.get(taskId) ?? []), text]);
  const say = (date: string) => sayDate(date, today);

  // ---- people and their calendars
  const committedBy = new Map<string, Map<string, number>>();
  for (const c of snapshot.commitments) {
    const person = personById.get(c.personId);
    const window = currentWindow(c.plannedStart, c.plannedEnd, today);
    if (!person || !window) continue;
    const daysOff = daysOffFrom(person.timeOff);
    let map = committedBy.get(person.id);
    if (!map) committedBy.set(person.id, (map = new Map<string, number>()));
    const m = map;
    layHours(c.hours, window, daysOff, c.layout, (date, h) => m.set(date, (m.get(date) ?? 0) + h));
  }
  const enginePeople = new Map<string, Person>();
  for (const person of snapshot.people) {
    const capacity = Math.min(1, Math.max(0, person.capacityHoursPerWeek) / 40);
    const daysOff = daysOffFrom(person.timeOff);
    const committed = committedBy.get(person.id) ?? new Map<string, number>();
    built.calendars.set(person.id, { capacity, daysOff, committed });
    if (capacity <= 0) continue;
    const off: number[] = [];
    for (const date of daysOff) {
      if (date < startDate) continue;
      const t = periodOf(date);
      if (dateAt(t) === date) for (let h = 0; h < PERIODS_PER_DAY; h++) off.push(t + h);
    }
    off.sort((a, b) => a - b);
    const periods: number[] = [];
    for (const [date, h] of committed) {
      if (date < startDate) continue;
      const t = periodOf(date);
      if (dateAt(t) !== date) continue;
      const left = Math.max(0, Math.round((capacity - h / HOURS_PER_DAY) * 1000) / 1000);
      while (periods.length < t + PERIODS_PER_DAY) periods.push(capacity);
      for (let x = 0; x < PERIODS_PER_DAY; x++) periods[t + x] = Math.min(periods[t + x]!, left);
    }
    const skills: Record<string, number> = { [ANY_SKILL]: 5 };
    for (const s of person.skills) skills[s.skillId] = s.level;
    const enginePerson: Person = {
      id: person.id,
      skills,
      rate: person.costRate * HOURS_PER_PERIOD,
    };
    if (capacity < 1 || off.length > 0 || periods.length > 0)
      enginePerson.calendar = {
        capacity,
        ...(off.length > 0 ? { daysOff: off } : {}),
        ...(periods.length > 0 ? { periods } : {}),
      };
    enginePeople.set(person.id, enginePerson);
  }
  for (const pref of preferenceWeights(
    snapshot.people.map((p) => ({
      id: p.id,
      passions: p.passions,
      skills: p.skills,
      growthGoals: p.growthGoals,
      hasGrowthPlan: p.hasGrowthPlan ?? false,
    })),
    snapshot.skills,
  )) {
    built.preferences.set(`${pref.personId}|${pref.skillId}`, pref);
    const enginePerson = enginePeople.get(pref.personId);
    if (enginePerson && pref.weight > 0)
      enginePerson.preferences = { ...enginePerson.preferences, [pref.skillId]: pref.weight };
  }

  // ---- which tasks can be planned at all, and who keeps which
  for (const task of snapshot.tasks) {
    built.hours.set(task.id, remainingHours(task));
    if (task.estimateHours === null) note(task.id, 'It has no estimate yet: planned as one day (8 h).');
    const keep: KeepKind | null =
      task.assigneeId === null
        ? null
        : task.pinned
          ? 'pinned'
          : task.status === 'doing'
            ? 'in-progress'
            : options.keepAssignees
              ? 'kept'
              : null;
    if (keep !== null) {
      const person = personById.get(task.assigneeId!);
      const why = keep === 'pinned' ? 'pinned' : keep === 'in-progress' ? 'in progress' : 'kept';
      if (!person) {
        built.unplaceable.set(task.id, `It is ${why} with someone who is no longer in the organization.`);
        continue;
      }
      if (!enginePeople.has(person.id)) {
        built.unplaceable.set(
          task.id,
          `It is ${why} with ${person.name}, who has no working hours in their profile (0 h a week).`,
        );
        continue;
      }
      built.kept.set(task.id, keep);
      if (!qualifies(person, task)) built.keptUnqualified.add(task.id);
      continue;
    }
    const reason = whyNobody(task, snapshot.people, enginePeople, skillNames);
    if (reason !== null) built.unplaceable.set(task.id, reason);
  }
  // a task waiting for a task that cannot be planned cannot be planned either
  for (let changed = true; changed;) {
    changed = false;
    for (const task of snapshot.tasks) {
      if (built.unplaceable.has(task.id)) continue;
      const blocked = task.dependsOn.find((d) => built.unplaceable.has(d));
      if (blocked !== undefined) {
        built.unplaceable.set(
          task.id,
          `It waits for “${taskById.get(blocked)!.title}”, which cannot be planned.`,
        );
        changed = true;
      }
    }
  }

  // ---- activities
  const activities: Activity[] = [];
  for (const task of snapshot.tasks) {
    if (built.unplaceable.has(task.id)) continue;
    const hours = built.hours.get(task.id)!;
    const activity: Activity = {
      id: task.id,
      duration: Math.max(1, Math.ceil((hours * PERIODS_PER_DAY) / HOURS_PER_DAY - 1e-9)),
      skill:
        task.skillId === null
          ? { skill: ANY_SKILL, level: 0 }
          : { skill: task.skillId, level: task.minLevel ?? 0 },
      weight: 1,
    };
    const current = currentOf(task, enginePeople, today, periodOf);
    if (current) activity.current = current;
    const kept = built.kept.get(task.id);
    if (kept !== undefined) {
      activity.pin = { person: task.assigneeId! };
      if (built.keptUnqualified.has(task.id)) {
        const own = personSkill(task.assigneeId!);
        enginePeople.get(task.assigneeId!)!.skills[own] = 5;
        activity.skill = { skill: own, level: 0 };
      }
    }
    const project = task.projectId === null ? undefined : projectById.get(task.projectId);
    const deadline = task.deadline ?? project?.deadline ?? null;
    if (deadline !== null) {
      const period = periodOf(previousWorkday(deadline)) + PERIODS_PER_DAY;
      activity.deadline = period;
      built.deadlines.set(task.id, { date: deadline, period });
    }
    let release = 0;
    if (project?.startDate && project.startDate > startDate) {
      release = periodOf(nextWorkday(project.startDate));
      built.releaseWhy.set(task.id, `The project starts on ${say(nextWorkday(project.startDate))}.`);
    }
    const predecessors: string[] = [];
    for (const dep of task.dependsOn) {
      if (taskById.has(dep)) {
        predecessors.push(dep);
        continue;
      }
      const outside = outsideById.get(dep);
      if (!outside) continue; // done, or gone
      if (outside.plannedEnd === null) {
        note(
          task.id,
          `It waits for “${outside.title}” outside this plan, which has no dates yet: planned as if it were done.`,
        );
      } else if (outside.plannedEnd >= startDate) {
        const r = periodOf(previousWorkday(outside.plannedEnd)) + PERIODS_PER_DAY;
        if (r > release) {
          release = r;
          built.releaseWhy.set(
            task.id,
            `It waits for “${outside.title}” outside this plan, planned to finish on ${say(outside.plannedEnd)}.`,
          );
        }
      } else {
        note(
          task.id,
          `It waits for “${outside.title}” outside this plan, due on ${say(outside.plannedEnd)} and not done yet.`,
        );
      }
    }
    if (release > 0) activity.release = release;
    if (predecessors.length > 0) activity.predecessors = predecessors;
    if (task.pinned && task.plannedStart !== null) {
      const start = nextWorkday(task.plannedStart);
      if (start < startDate) {
        if (kept !== undefined)
          note(task.id, `Pinned, and started before today: it stays with its person from today on.`);
      } else {
        const t = periodOf(start);
        const cal = task.assigneeId === null ? undefined : built.calendars.get(task.assigneeId);
        if (cal && !worksOn(cal, start)) {
          const name = personById.get(task.assigneeId!)!.name;
          note(
            task.id,
            `Its pinned start (${say(start)}) is a day ${name} is not working: planned from the next day they can.`,
          );
        } else {
          activity.pin = { ...activity.pin, start: t };
          if (release > t) {
            delete activity.release;
            note(task.id, `Pinned to start on ${say(start)}, before what would otherwise hold it back.`);
          }
        }
      }
    }
    activities.push(activity);
  }
  relaxPins(activities, built, taskById, personById, note);
  built.input = { activities, people: [...enginePeople.values()], objectives };
  tightenDeadlines(built);
  return built;
}

/**
 * Sets each engine deadline to max(deadline, earliest finish by precedence and releases), and keeps
 * the lateness this removes in `lateBy` (see the header). Call it again after taking tasks out.
 */
export function tightenDeadlines(built: BuiltPlan): void {
  const finish = earliestFinishes(built.input.activities);
  let lateBy = 0;
  for (const a of built.input.activities) {
    const real = built.deadlines.get(a.id);
    if (real === undefined) continue;
    const ef = finish.get(a.id)!.finish;
    a.deadline = Math.max(real.period, ef);
    lateBy += a.deadline - real.period;
  }
  built.lateBy = lateBy;
}

export interface EarliestFinish {
  finish: number;
  /** The predecessor that sets the earliest start, if any. */
  binding: string | null;
  bindingFinish: number;
}

/** Earliest finish of every activity by precedence, releases and pinned starts alone (no people). */
export function earliestFinishes(activities: readonly Activity[]): Map<string, EarliestFinish> {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const out = new Map<string, EarliestFinish>();
  for (const a of topological([...activities], byId)) {
    let start = a.pin?.start ?? a.release ?? 0;
    let binding: string | null = null;
    let bindingFinish = 0;
    if (a.pin?.start === undefined)
      for (const p of a.predecessors ?? []) {
        const id = typeof p === 'string' ? p : p.activity;
        const f = out.get(id)?.finish ?? 0;
        if (f > start) {
          start = f;
          binding = id;
          bindingFinish = f;
        }
      }
    out.set(a.id, { finish: start + a.duration, binding, bindingFinish });
  }
  return out;
}

/** Where the plan in force has the task, in the engine's terms (see the header); null when nowhere. */
function currentOf(
  task: SnapshotTask,
  planned: ReadonlyMap<string, Person>,
  today: string,
  periodOf: (date: string) => number,
): Activity['current'] | null {
  if (task.assigneeId === null || !planned.has(task.assigneeId)) return null;
  const window = currentWindow(task.plannedStart, task.plannedEnd, today);
  if (window === null) return { person: task.assigneeId };
  const hour = task.layout?.startHour ?? 0;
  const start = periodOf(nextWorkday(window.start)) + Math.round(hour / HOURS_PER_PERIOD);
  return { person: task.assigneeId, start: Math.max(0, start) };
}

function qualifies(person: SnapshotPerson, task: SnapshotTask): boolean {
  if (task.skillId === null) return true;
  const level = person.skills.find((s) => s.skillId === task.skillId)?.level;
  return level !== undefined && level >= (task.minLevel ?? 0);
}

/** Null when someone with working hours can do the task; otherwise why nobody can, in words. */
function whyNobody(
  task: SnapshotTask,
  people: readonly SnapshotPerson[],
  planned: ReadonlyMap<string, Person>,
  skillNames: Map<string, string>,
): string | null {
  if (task.skillId === null) return planned.size > 0 ? null : 'Nobody in the organization has working hours.';
  const level = task.minLevel ?? 0;
  const holders = people
    .map((p) => ({ person: p, level: p.skills.find((s) => s.skillId === task.skillId)?.level }))
    .filter((h): h is { person: SnapshotPerson; level: number } => h.level !== undefined);
  const able = holders.filter((h) => h.level >= level);
  if (able.some((h) => planned.has(h.person.id))) return null;
  const skill = skillLabel(skillNames, task.skillId);
  const atLevel = level > 0 ? `${skill} at level ${level} or above` : skill;
  if (holders.length === 0) return `Nobody in the organization has ${skill}.`;
  if (able.length === 0) {
    const best = holders.reduce((a, b) => (b.level > a.level ? b : a));
    return `Nobody has ${atLevel} (the best is ${best.person.name} at ${best.level}/5).`;
  }
  return able.length === 1
    ? `Only ${able[0]!.person.name} has ${atLevel}, and has no working hours in their profile.`
    : `The ${able.length} people with ${atLevel} have no working hours in their profiles.`;
}

function worksOn(cal: PersonCalendar, date: string): boolean {
  if (cal.daysOff.has(date)) return false;
  return cal.capacity - (cal.committed.get(date) ?? 0) / HOURS_PER_DAY > 1e-6;
}

/**
 * Drops start pins that cannot hold: two pinned to the same person at overlapping times (the later
 * one goes), and a pinned start before its predecessors can finish. Repeats until nothing changes,
 * since dropping one pin moves what depends on it.
 */
function relaxPins(
  activities: Activity[],
  built: BuiltPlan,
  taskById: Map<string, SnapshotTask>,
  personById: Map<string, SnapshotPerson>,
  note: (taskId: string, text: string) => void,
): void {
  const say = (date: string) => sayDate(date, built.today);
  const byId = new Map(activities.map((a) => [a.id, a]));
  const title = (id: string) => taskById.get(id)?.title ?? 'another task';
  // overlaps: per person, in order of pinned start
  const pinnedByPerson = new Map<string, Activity[]>();
  for (const a of activities) {
    if (a.pin?.start === undefined || a.pin.person === undefined) continue;
    pinnedByPerson.set(a.pin.person, [...(pinnedByPerson.get(a.pin.person) ?? []), a]);
  }
  for (const [personId, list] of pinnedByPerson) {
    const cal = built.calendars.get(personId)!;
    list.sort((x, y) => x.pin!.start! - y.pin!.start!);
    let busyUntil = -1;
    let busyWith = '';
    for (const a of list) {
      const s = a.pin!.start!;
      if (s < busyUntil) {
        delete a.pin!.start;
        note(
          a.id,
          `Its pinned start (${say(built.dateAt(s))}) overlaps “${title(busyWith)}”, also pinned to ${personById.get(personId)?.name ?? 'the same person'}: planned after it.`,
        );
        continue;
      }
      busyUntil = finishOn(cal, built, s, a.duration);
      busyWith = a.id;
    }
  }
  // pinned starts before the predecessors can finish (as the engine checks it: durations at full pace)
  const order = topological(activities, byId);
  for (let round = 0; round < activities.length + 1; round++) {
    const es = new Map<string, number>();
    let dropped = false;
    for (const a of order) {
      let e = a.release ?? 0;
      let binding: string | null = null;
      for (const p of a.predecessors ?? []) {
        const id = typeof p === 'string' ? p : p.activity;
        const f = (es.get(id) ?? 0) + (byId.get(id)?.duration ?? 0);
        if (f > e) {
          e = f;
          binding = id;
        }
      }
      if (a.pin?.start !== undefined) {
        if (a.pin.start < e) {
          note(
            a.id,
            `Its pinned start (${say(built.dateAt(a.pin.start))}) is before “${title(binding ?? '')}” can finish: planned after it.`,
          );
          delete a.pin.start;
          dropped = true;
        } else e = a.pin.start;
      }
      es.set(a.id, e);
    }
    if (!dropped) break;
  }
  for (const a of activities)
    if (a.pin && a.pin.person === undefined && a.pin.start === undefined) delete a.pin;
}

/** The period after a pinned piece of work ends on this person's calendar. */
function finishOn(cal: PersonCalendar, built: BuiltPlan, start: number, duration: number): number {
  let done = 0;
  let t = start;
  for (let guard = 0; done < duration - 1e-9 && guard < 40_000; guard++, t++) {
    const date = built.dateAt(t);
    if (cal.daysOff.has(date)) continue;
    done += Math.max(0, cal.capacity - (cal.committed.get(date) ?? 0) / HOURS_PER_DAY);
  }
  return t;
}

function topological(activities: Activity[], byId: Map<string, Activity>): Activity[] {
  const indegree = new Map<string, number>();
  const successors = new Map<string, string[]>();
  for (const a of activities) {
    indegree.set(a.id, 0);
    successors.set(a.id, []);
  }
  for (const a of activities)
    for (const p of a.predecessors ?? []) {
      const id = typeof p === 'string' ? p : p.activity;
      if (!byId.has(id)) continue;
      indegree.set(a.id, indegree.get(a.id)! + 1);
      successors.get(id)!.push(a.id);
    }
  const queue = activities.filter((a) => indegree.get(a.id) === 0);
  const out: Activity[] = [];
  while (queue.length > 0) {
    const a = queue.shift()!;
    out.push(a);
    for (const s of successors.get(a.id)!) {
      indegree.set(s, indegree.get(s)! - 1);
      if (indegree.get(s) === 0) queue.push(byId.get(s)!);
    }
  }
  // a cycle (the database refuses them) would leave some out: keep them, unordered
  if (out.length < activities.length) for (const a of activities) if (!out.includes(a)) out.push(a);
  return out;
}
