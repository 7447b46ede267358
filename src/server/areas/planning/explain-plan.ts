/**
 * From the engine's result to what a manager reads (pure): one proposal per task in scope — current
 * and proposed person and dates, a one-line headline and the reasons in plain language with names and
 * dates ("Ana Silva: has Illustration 4/5, free from Tue 3 Mar, wants to grow it") — and the figures
 * of the current plan against the proposal.
 */
import { explainPreference } from '../../../core/preferences';
import {
  overloadByPerson,
  planFigures,
  weekLoads,
  type FigurePerson,
  type PlanFigures,
  type ScheduledWork,
} from '../../../core/plan-figures';
import { sayTrade, sayWorkingTime, type ChangeCounts, type ChangeReason } from '../../../core/plan-trade';
import { currentWindow, daysOffFrom, hoursPerDayOf, lateHoursOf, type Window } from '../../../core/workload';
import { sayDate } from '../../../core/workdays';
import type { ActivityPlan, PlanResult, Reason } from '../../../engine/index';
import { earliestFinishes, HOURS_PER_PERIOD, type BuiltPlan } from './build-input';
import { explainChanges } from './explain-changes';
import type { PlanSnapshot, SnapshotTask } from './snapshot';

export interface ProposalRow {
  taskId: string;
  position: number;
  title: string;
  projectId: string | null;
  hours: number;
  deadline: string | null;
  taskHash: string;
  currentPersonId: string | null;
  currentStart: string | null;
  currentEnd: string | null;
  proposedPersonId: string | null;
  proposedStart: string | null;
  proposedEnd: string | null;
  currentLateHours: number;
  proposedLateHours: number;
  isChanged: boolean;
  isPinned: boolean;
  isInProgress: boolean;
  isGrowth: boolean;
  headline: string;
  reasons: string[];
  unplaceable: string | null;
  /** How the engine laid the work on days (placed, unpinned tasks): what applying stores. */
  proposedDaily: [string, number][] | null;
  /** Hours into its last day at which the proposed work ends. */
  proposedFinishHour: number | null;
  /** The hour of its first day at which the engine starts it. */
  proposedStartHour: number | null;
  /** What the change buys (core/plan-trade.ts); null when the row does not change. */
  changeReason: ChangeReason | null;
}

export interface PlanIssueView {
  message: string;
  taskIds: string[];
}

/** The figures of a run: the current plan against the proposal, and what the changes buy. */
export interface RunFigures {
  current: PlanFigures;
  proposed: PlanFigures;
  changes: ChangeCounts;
  /** Placed tasks with a person in the current plan. */
  withPerson: number;
  /** The trade in words (core/plan-trade.ts). */
  trade: string[];
  /** Overload per person in the current plan and the proposal (people with any), for the groups. */
  overloadByPerson: Record<string, [number, number]>;
}

export interface Explained {
  proposals: ProposalRow[];
  figures: RunFigures;
  issues: PlanIssueView[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "5 h", "3 working days", "3 working days and 1 h". */
export const sayLateness = sayWorkingTime;

export function explainPlan(snapshot: PlanSnapshot, built: BuiltPlan, result: PlanResult | null): Explained {
  const today = snapshot.today;
  const say = (date: string) => sayDate(date, today);
  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  const skills = new Map(snapshot.skills.map((s) => [s.id, s.name]));
  const tasks = new Map(snapshot.tasks.map((t) => [t.id, t]));
  const projects = new Map(snapshot.projects.map((p) => [p.id, p]));
  const plans = new Map<string, ActivityPlan>((result?.activities ?? []).map((a) => [a.activity, a]));
  const nameOf = (id: string | null | undefined) => (id ? (people.get(id)?.name ?? 'someone') : 'nobody');
  const titleOf = (id: string) => `“${tasks.get(id)?.title ?? 'another task'}”`;
  const levelOf = (personId: string, skillId: string) =>
    people.get(personId)?.skills.find((s) => s.skillId === skillId)?.level ?? null;
  const isGrowthFor = (personId: string | null, skillId: string | null) => {
    if (personId === null || skillId === null) return false;
    const goal = people.get(personId)?.growthGoals.find((g) => g.skillId === skillId);
    return goal !== undefined && goal.targetLevel > (levelOf(personId, skillId) ?? 0);
  };
  const durations = new Map(built.input.activities.map((a) => [a.id, a.duration]));
  const earliest = earliestFinishes(built.input.activities);

  const rows: ProposalRow[] = [];
  const issues: PlanIssueView[] = [];
  /** Hours per date of each placed task, as the engine laid the work on its person's calendar. */
  const daily = new Map<string, [string, number][]>();
  const onTimeImpossible: string[] = [];
  for (const task of snapshot.tasks) {
    const deadline = built.deadlines.get(task.id)?.date ?? null;
    const currentWin =
      task.assigneeId !== null ? currentWindow(task.plannedStart, task.plannedEnd, today) : null;
    const base = {
      taskId: task.id,
      position: 0,
      title: task.title,
      projectId: task.projectId,
      hours: built.hours.get(task.id) ?? 0,
      deadline,
      taskHash: task.hash,
      currentPersonId: task.assigneeId,
      currentStart: task.plannedStart,
      currentEnd: task.plannedEnd,
      currentLateHours: currentWin ? lateHoursOf(currentWin.end, deadline, task.layout) : 0,
      isPinned: task.pinned,
      isInProgress: task.status === 'doing',
    };
    const unplaceable = built.unplaceable.get(task.id);
    const plan = plans.get(task.id);
    if (unplaceable !== undefined || !plan) {
      const why = unplaceable ?? 'The planner stopped before it placed this task.';
      rows.push({
        ...base,
        proposedPersonId: null,
        proposedStart: null,
        proposedEnd: null,
        proposedLateHours: 0,
        isChanged: false,
        isGrowth: false,
        headline: `Cannot be planned: ${lowerFirst(why)}`,
        reasons: [why, ...(built.notes.get(task.id) ?? [])],
        unplaceable: why,
        proposedDaily: null,
        proposedFinishHour: null,
        proposedStartHour: null,
        changeReason: null,
      });
      continue;
    }
    const personId = plan.person ?? null;
    if (personId !== null)
      daily.set(task.id, dailyHours(built, personId, plan.start, plan.finish, durations.get(task.id) ?? 0));
    const start = built.dateAt(plan.start);
    const end = built.dateAt(Math.max(plan.start, plan.finish - 1));
    const lateHours =
      Math.max(0, deadline === null ? 0 : plan.finish - built.deadlines.get(task.id)!.period) *
      HOURS_PER_PERIOD;
    const reasons: string[] = [];
    for (const reason of plan.why) {
      const line = sentence(reason, task, personId, end);
      if (line !== null && !reasons.includes(line)) reasons.push(line);
    }
    reasons.push(...(built.notes.get(task.id) ?? []));
    let lateWhy: string | null = null;
    if (lateHours > 0) {
      const ef = earliest.get(task.id);
      const dl = built.deadlines.get(task.id)!;
      if (deadline !== null && deadline < today)
        lateWhy = `its deadline (${say(deadline)}) has already passed`;
      else if (ef && ef.finish > dl.period) {
        lateWhy = ef.binding
          ? `the deadline (${say(deadline!)}) is before its predecessors can finish (${titleOf(ef.binding)} ends ${say(built.dateAt(ef.bindingFinish - 1))} at the earliest)`
          : `the deadline (${say(deadline!)}) is too close for ${sayLateness((durations.get(task.id) ?? 1) * HOURS_PER_PERIOD)} of work`;
        onTimeImpossible.push(task.id);
      } else lateWhy = 'everyone who can do it is busy with work due sooner';
      reasons.unshift(`${sayLateness(lateHours)} late: ${lateWhy}.`);
    }
    const isGrowth = isGrowthFor(personId, task.skillId);
    if (task.pinned) {
      // pinned work is never changed by applying a plan: the proposal is the current plan
      rows.push({
        ...base,
        proposedPersonId: task.assigneeId,
        proposedStart: task.plannedStart,
        proposedEnd: task.plannedEnd,
        proposedLateHours: base.currentLateHours,
        isChanged: false,
        isGrowth: isGrowthFor(task.assigneeId, task.skillId),
        headline: `Pinned: stays with ${task.assigneeId ? nameOf(task.assigneeId) : 'nobody yet'}${
          task.plannedStart ? `, from ${say(task.plannedStart)}` : ''
        }.`,
        reasons,
        unplaceable: null,
        proposedDaily: null,
        proposedFinishHour: null,
        proposedStartHour: null,
        changeReason: null,
      });
      continue;
    }
    const headline = headlineOf(task, personId, start, end, lateHours, lateWhy);
    rows.push({
      ...base,
      proposedPersonId: personId,
      proposedStart: start,
      proposedEnd: end,
      proposedLateHours: lateHours,
      isChanged: personId !== task.assigneeId || start !== task.plannedStart || end !== task.plannedEnd,
      isGrowth,
      headline,
      reasons,
      unplaceable: null,
      proposedDaily: daily.get(task.id) ?? null,
      proposedFinishHour: periodsOnLastDay(built, plan.finish) * HOURS_PER_PERIOD,
      proposedStartHour: periodsBeforeOnFirstDay(built, plan.start) * HOURS_PER_PERIOD,
      changeReason: null,
    });
  }

  // order: by project, then proposed start, then title
  const projectName = (id: string | null) => (id ? (projects.get(id)?.name ?? '') : '');
  rows.sort(
    (a, b) =>
      projectName(a.projectId).localeCompare(projectName(b.projectId)) ||
      (a.proposedStart ?? '9999').localeCompare(b.proposedStart ?? '9999') ||
      a.title.localeCompare(b.title) ||
      a.taskId.localeCompare(b.taskId),
  );
  rows.forEach((row, i) => (row.position = i));

  // issues: tasks that cannot be planned, grouped by reason; deadlines no plan can meet
  const byReason = new Map<string, string[]>();
  for (const row of rows)
    if (row.unplaceable !== null)
      byReason.set(row.unplaceable, [...(byReason.get(row.unplaceable) ?? []), row.taskId]);
  for (const [reason, ids] of byReason)
    issues.push({
      message:
        ids.length === 1
          ? `${titleOf(ids[0]!)} cannot be planned: ${lowerFirst(reason)}`
          : `${plural(ids.length, 'task')} cannot be planned: ${lowerFirst(reason)}`,
      taskIds: ids,
    });
  if (onTimeImpossible.length > 0)
    issues.push({
      message: `${plural(onTimeImpossible.length, 'task')} cannot meet ${onTimeImpossible.length === 1 ? 'its deadline' : 'their deadlines'} in any plan: the work before ${onTimeImpossible.length === 1 ? 'it' : 'them'} cannot finish in time.`,
      taskIds: onTimeImpossible,
    });

  const compared = compareFigures(snapshot, rows);
  const figurePeople = figurePeopleOf(snapshot);
  const currentLoads = weekLoads(compared.currentWork, figurePeople, today);
  const changes = explainChanges({ snapshot, built, plans, rows, currentLoads });
  const before = overloadByPerson(currentLoads);
  const after = overloadByPerson(weekLoads(compared.proposedWork, figurePeople, today));
  const overload: Record<string, [number, number]> = {};
  for (const id of new Set([...before.keys(), ...after.keys()]))
    overload[id] = [before.get(id) ?? 0, after.get(id) ?? 0];
  const figures: RunFigures = {
    current: compared.current,
    proposed: compared.proposed,
    changes: changes.counts,
    withPerson: changes.withPerson,
    trade: sayTrade({
      current: compared.current,
      proposed: compared.proposed,
      swing: changes.swing,
      changes: changes.counts,
      withPerson: changes.withPerson,
    }),
    overloadByPerson: overload,
  };
  return { proposals: rows, figures, issues };

  /** One reason in words; `end` is the last date of the task's proposed work. */
  function sentence(reason: Reason, task: SnapshotTask, personId: string | null, end: string): string | null {
    const who = nameOf(personId);
    switch (reason.kind) {
      case 'pinned-start':
        return `Pinned to start on ${say(built.dateAt(reason.start))}.`;
      case 'pinned-person': {
        const kept = built.kept.get(task.id);
        const name = nameOf(reason.person);
        const unqualified = built.keptUnqualified.has(task.id)
          ? ` (though the task asks for ${skillPhrase(task)})`
          : '';
        if (kept === 'in-progress') return `${name} is already working on it${unqualified}.`;
        if (kept === 'kept') return `${name} keeps it: current assignees were kept${unqualified}.`;
        return `Pinned to ${name}${unqualified}.`;
      }
      case 'project-start':
        return `Nothing holds it back: it can start on ${say(built.startDate)}.`;
      case 'release':
        return (
          built.releaseWhy.get(task.id) ?? `It cannot start before ${say(built.dateAt(reason.release))}.`
        );
      case 'waited-for-predecessor':
        return `It waits for ${titleOf(reason.predecessor)}, planned to finish on ${say(built.dateAt(Math.max(0, reason.finish - 1)))}.`;
      case 'person-busy':
        return `${nameOf(reason.person)} is busy with ${titleOf(reason.with)} until ${say(built.dateAt(Math.max(0, reason.until - 1)))}.`;
      case 'person-off': {
        const back = built.dateAt(reason.until);
        const cal = built.calendars.get(reason.person);
        const away = cal ? [...cal.daysOff].some((d) => d >= built.startDate && d < back) : false;
        return away
          ? `${nameOf(reason.person)} is on time off until ${say(built.dateAt(Math.max(0, reason.until - 1)))}.`
          : `${nameOf(reason.person)}'s days until then are taken by other projects; free on ${say(back)}.`;
      }
      case 'resource-full':
        return null;
      case 'earliest-qualified-person':
        if (task.skillId === null)
          return reason.candidates === 1
            ? `${who} is the only person with working hours.`
            : `${who} can finish it first of the ${reason.candidates} people with working hours.`;
        return reason.candidates === 1
          ? `${who} is the only person with ${skillPhrase(task)} and working hours.`
          : `${who} can finish it first of the ${reason.candidates} people with ${skillPhrase(task)}.`;
      case 'other-person-later': {
        const date = built.dateAt(Math.max(0, reason.couldFinish - 1));
        const why = reason.reason === 'off' ? 'time off' : 'busy';
        // periods are hours: another person may finish on the same date, only later in the day
        return date === end
          ? `${nameOf(reason.person)} could finish it on ${say(date)} too, but only later that day (${why}).`
          : `${nameOf(reason.person)} could finish it only on ${say(date)} (${why}).`;
      }
      case 'tie-broken-by':
        switch (reason.criterion) {
          case 'preference': {
            const text = task.skillId && personId ? preferenceText(personId, task.skillId) : null;
            return text ? `${who} ${text}.` : `${who} prefers this kind of work.`;
          }
          case 'balance':
            return `Others could finish as early: ${who} has less work in this plan, which keeps the load even.`;
          case 'cost':
            return `Others could finish as early: ${who}'s hourly cost is lower.`;
          case 'versatility':
            return `Others could finish as early: people with rarer skills stay free for work only they can do.`;
        }
        return null;
      case 'sequenced-for-objective':
        return 'Not the earliest possible slot: placed here so work due sooner is on time and the load stays even.';
      case 'kept-current-person':
      case 'left-current-person':
        return null;
    }
  }

  function skillPhrase(task: SnapshotTask): string {
    if (task.skillId === null) return 'no particular skill';
    const name = skills.get(task.skillId) ?? 'its skill';
    return task.minLevel ? `${name} ${task.minLevel}+` : name;
  }

  function preferenceText(personId: string, skillId: string): string | null {
    const pref = built.preferences.get(`${personId}|${skillId}`);
    if (!pref || pref.weight <= 0) return null;
    return explainPreference(pref, skills.get(skillId) ?? 'this skill');
  }

  function headlineOf(
    task: SnapshotTask,
    personId: string | null,
    start: string,
    end: string,
    lateHours: number,
    lateWhy: string | null,
  ): string {
    const who = nameOf(personId);
    const parts: string[] = [];
    const kept = built.kept.get(task.id);
    if (kept === 'in-progress') parts.push('already on it');
    else if (kept === 'kept') parts.push('keeps it');
    if (personId !== null && task.skillId !== null && !built.keptUnqualified.has(task.id)) {
      const level = levelOf(personId, task.skillId);
      if (level !== null) parts.push(`has ${skills.get(task.skillId) ?? 'the skill'} ${level}/5`);
    }
    parts.push(kept === 'in-progress' ? `finishing ${say(end)}` : `free from ${say(start)}`);
    if (personId !== null && task.skillId !== null) {
      if (isGrowthFor(personId, task.skillId)) parts.push('wants to grow it');
      else {
        const pref = built.preferences.get(`${personId}|${task.skillId}`);
        const passion = pref?.reasons.find((r) => r.kind === 'passion');
        if (passion && passion.kind === 'passion')
          parts.push(`passionate about ${passion.passion.toLowerCase()}`);
      }
    }
    let text = `${who}: ${parts.join(', ')}`;
    if (lateHours > 0 && lateWhy !== null) text += ` — ${sayLateness(lateHours)} late: ${lateWhy}`;
    return text;
  }

  function compareFigures(
    s: PlanSnapshot,
    proposals: readonly ProposalRow[],
  ): {
    current: PlanFigures;
    proposed: PlanFigures;
    /** Each side's work, planned work outside the scope included. */
    currentWork: ScheduledWork[];
    proposedWork: ScheduledWork[];
  } {
    const figurePeople = figurePeopleOf(s);
    const commitments = commitmentsOf(s);
    const current: ScheduledWork[] = [];
    const proposed: ScheduledWork[] = [];
    const average = (list: PlanSnapshot['people']) =>
      list.length === 0 ? 0 : list.reduce((sum, p) => sum + p.costRate, 0) / list.length;
    const orgRate = average(s.people);
    const rateFor = new Map<string, number>();
    const fallbackRate = (task: SnapshotTask) => {
      const key = `${task.skillId}|${task.minLevel}`;
      if (!rateFor.has(key)) {
        const able = s.people.filter(
          (p) =>
            task.skillId === null ||
            p.skills.some((x) => x.skillId === task.skillId && x.level >= (task.minLevel ?? 0)),
        );
        rateFor.set(key, able.length > 0 ? average(able) : orgRate);
      }
      return rateFor.get(key)!;
    };
    for (const row of proposals) {
      const task = tasks.get(row.taskId)!;
      const currentWin =
        row.currentPersonId !== null ? currentWindow(row.currentStart, row.currentEnd, today) : null;
      // the current plan as an applied plan laid it, while its stored layout still holds
      const laid =
        currentWin !== null && task.layout
          ? { daily: task.layout.daily, lateHours: row.currentLateHours }
          : {};
      current.push({
        taskId: row.taskId,
        personId: row.currentPersonId,
        window: currentWin,
        hours: row.hours,
        deadline: row.deadline,
        skillId: task.skillId,
        fallbackRate: fallbackRate(task),
        ...laid,
      });
      const win: Window | null = row.isPinned
        ? currentWin
        : row.proposedStart !== null && row.proposedEnd !== null
          ? { start: row.proposedStart, end: row.proposedEnd }
          : null;
      proposed.push({
        taskId: row.taskId,
        personId: row.proposedPersonId,
        window: win,
        hours: row.hours,
        deadline: row.deadline,
        skillId: task.skillId,
        fallbackRate: fallbackRate(task),
        ...(row.isPinned
          ? laid
          : {
              lateHours: row.proposedLateHours,
              ...(daily.has(row.taskId) ? { daily: daily.get(row.taskId)! } : {}),
            }),
      });
    }
    const currentWork = [...current, ...commitments];
    const proposedWork = [...proposed, ...commitments];
    return {
      current: planFigures(currentWork, figurePeople, today),
      proposed: planFigures(proposedWork, figurePeople, today),
      currentWork,
      proposedWork,
    };
  }
}

/** Periods of the start's day that pass before the start (0 when it starts at the top of the day). */
function periodsBeforeOnFirstDay(built: BuiltPlan, start: number): number {
  const day = built.dateAt(start);
  let t = start;
  while (t > 0 && built.dateAt(t - 1) === day) t--;
  return start - t;
}

/** How many periods of its last working day the work occupies up to `finish`. */
function periodsOnLastDay(built: BuiltPlan, finish: number): number {
  if (finish <= 0) return 0;
  const last = built.dateAt(finish - 1);
  let t = finish - 1;
  while (t > 0 && built.dateAt(t - 1) === last) t--;
  return finish - t;
}

/** How the engine lays `work` periods on a person's calendar from `start`: hours per date. */
function dailyHours(
  built: BuiltPlan,
  personId: string,
  start: number,
  finish: number,
  work: number,
): [string, number][] {
  const cal = built.calendars.get(personId);
  const out = new Map<string, number>();
  let left = work;
  for (let t = start; t < finish && left > 1e-9; t++) {
    const date = built.dateAt(t);
    const capacity = !cal
      ? 1
      : cal.daysOff.has(date)
        ? 0
        : Math.min(
            cal.capacity,
            Math.max(0, Math.round((cal.capacity - (cal.committed.get(date) ?? 0) / 8) * 1000) / 1000),
          );
    const done = Math.min(capacity, left);
    left -= done;
    if (done > 0) out.set(date, (out.get(date) ?? 0) + done * HOURS_PER_PERIOD);
  }
  return [...out.entries()];
}

/** The people of a snapshot as the plan figures see them. */
export function figurePeopleOf(snapshot: PlanSnapshot): FigurePerson[] {
  return snapshot.people.map((p) => ({
    id: p.id,
    hoursPerDay: hoursPerDayOf(p.capacityHoursPerWeek),
    daysOff: daysOffFrom(p.timeOff),
    costRate: p.costRate,
    growthSkillIds: p.growthGoals
      .filter((g) => g.targetLevel > (p.skills.find((x) => x.skillId === g.skillId)?.level ?? 0))
      .map((g) => g.skillId),
  }));
}

/** Planned work outside the scope, as it loads people in both the current plan and the proposal. */
export function commitmentsOf(snapshot: PlanSnapshot): ScheduledWork[] {
  return snapshot.commitments.map((c) => ({
    taskId: c.taskId,
    personId: c.personId,
    window: currentWindow(c.plannedStart, c.plannedEnd, snapshot.today),
    hours: c.hours,
    deadline: null,
    skillId: c.skillId,
    isCommitment: true,
    ...(c.layout ? { daily: c.layout.daily } : {}),
  }));
}

function lowerFirst(text: string): string {
  return text.length > 0 && !/^[A-Z]{2}/.test(text) && !/^“/.test(text)
    ? text[0]!.toLowerCase() + text.slice(1)
    : text;
}
