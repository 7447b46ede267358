/**
 * What each change of a proposal buys (pure): a task that leaves its person does so to meet its own
 * deadline, to free its person for work due sooner, to fix its person's overload, or because its
 * person cannot do it in this plan; a task that keeps its person moves earlier or later. Each changed
 * row gets the reason as its first sentence (with names and dates) and a few words on its headline,
 * and the run gets the counts and the trade in words (core/plan-trade.ts).
 */
import type { WeekLoad } from '../../../core/plan-figures';
import {
  noChanges,
  sayWorkingTime,
  type ChangeCounts,
  type ChangeReason,
  type LateSwing,
} from '../../../core/plan-trade';
import { currentWindow } from '../../../core/workload';
import { datesBetween, sayDate, weekStart } from '../../../core/workdays';
import type { ActivityPlan, Reason } from '../../../engine/index';
import { HOURS_PER_PERIOD, type BuiltPlan } from './build-input';
import type { ProposalRow } from './explain-plan';
import type { PlanSnapshot } from './snapshot';

/** The parts of a proposal row this module reads and writes. */
export type ChangeRow = Pick<
  ProposalRow,
  | 'taskId'
  | 'currentPersonId'
  | 'currentStart'
  | 'currentEnd'
  | 'proposedPersonId'
  | 'proposedStart'
  | 'proposedEnd'
  | 'currentLateHours'
  | 'proposedLateHours'
  | 'isChanged'
  | 'isPinned'
  | 'unplaceable'
  | 'headline'
  | 'reasons'
  | 'changeReason'
>;

export interface ChangesSummary {
  counts: ChangeCounts;
  /** Placed tasks with a person in the current plan. */
  withPerson: number;
  swing: LateSwing;
}

type LeftCurrent = Extract<Reason, { kind: 'left-current-person' }>;

export function explainChanges(input: {
  snapshot: PlanSnapshot;
  built: BuiltPlan;
  plans: ReadonlyMap<string, ActivityPlan>;
  rows: ChangeRow[];
  /** The current plan's hours per person and week (overload is hours beyond capacity). */
  currentLoads: ReadonlyMap<string, ReadonlyMap<string, WeekLoad>>;
}): ChangesSummary {
  const { snapshot, built, plans, rows, currentLoads } = input;
  const today = snapshot.today;
  const say = (date: string) => sayDate(date, today);
  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  const tasks = new Map(snapshot.tasks.map((t) => [t.id, t]));
  const skills = new Map(snapshot.skills.map((s) => [s.id, s.name]));
  const nameOf = (id: string) => people.get(id)?.name ?? 'someone who left';
  const firstName = (id: string) => nameOf(id).split(' ')[0]!;
  const deadlineOf = (taskId: string) => built.deadlines.get(taskId) ?? null;
  const counts = noChanges();
  const swing: LateSwing = { newlyLate: 0, newlyLateHours: 0, noLongerLate: 0, noLongerLateHours: 0 };
  let withPerson = 0;
  // who does what when in the proposal, to name the work a person's time goes to
  const proposedBy = new Map<string, ChangeRow[]>();
  for (const row of rows)
    if (row.proposedPersonId !== null && row.unplaceable === null)
      proposedBy.set(row.proposedPersonId, [...(proposedBy.get(row.proposedPersonId) ?? []), row]);

  for (const row of rows) {
    if (row.unplaceable !== null) continue;
    if (row.currentPersonId !== null) withPerson++;
    if (row.currentLateHours === 0 && row.proposedLateHours > 0) {
      swing.newlyLate++;
      swing.newlyLateHours += row.proposedLateHours;
    } else if (row.currentLateHours > 0 && row.proposedLateHours === 0) {
      swing.noLongerLate++;
      swing.noLongerLateHours += row.currentLateHours;
    }
    if (!row.isChanged || row.isPinned) continue;
    const plan = plans.get(row.taskId);
    const task = tasks.get(row.taskId);
    if (!plan || !task) continue;
    const from = row.currentPersonId;
    const to = row.proposedPersonId;
    let reason: ChangeReason;
    let sentence: string | null = null;
    let short: string | null = null;
    if (from === null) reason = 'new';
    else if (from !== to) {
      const left = plan.why.find((r): r is LeftCurrent => r.kind === 'left-current-person');
      const cannot = whyCannot(from, left, task.skillId, task.minLevel);
      const dl = deadlineOf(row.taskId);
      const lateWith = dl && left?.couldFinish != null ? Math.max(0, left.couldFinish - dl.period) : null;
      const lateNow = dl ? Math.max(0, plan.finish - dl.period) : 0;
      const overloaded = overloadedWeek(from, row);
      if (cannot !== null) {
        reason = 'unavailable';
        sentence = `Leaves ${nameOf(from)}, who ${cannot}.`;
        short = `${firstName(from)} cannot do it`;
      } else if (lateWith !== null && lateWith > lateNow) {
        reason = 'deadline';
        const finishWith = say(built.dateAt(Math.max(0, left!.couldFinish! - 1)));
        const finishNow = say(built.dateAt(Math.max(0, plan.finish - 1)));
        const ontime = lateNow > 0 ? `${sayWorkingTime(lateNow * HOURS_PER_PERIOD)} late` : 'on time';
        sentence =
          `To meet its deadline: ${nameOf(from)} could finish it only on ${finishWith}, ` +
          `${sayWorkingTime(lateWith * HOURS_PER_PERIOD)} late; ${nameOf(to!)} finishes it on ${finishNow}, ${ontime}.`;
        short = `from ${firstName(from)}, to meet its deadline`;
      } else if (overloaded !== null) {
        reason = 'overload';
        sentence =
          `To fix overload: ${nameOf(from)} has ${Math.round(overloaded.load.hours)} h planned in the week of ` +
          `${say(overloaded.week)} against ${Math.round(overloaded.load.capacity)} h.`;
        short = `from ${firstName(from)}, who is overloaded`;
      } else {
        reason = 'room';
        const instead = dueSooner(from, row);
        sentence = instead
          ? `Leaves ${nameOf(from)}, whose time goes to “${tasks.get(instead.taskId)?.title ?? 'other work'}”, due sooner.`
          : `Leaves ${nameOf(from)}, whose time goes to work due sooner.`;
        short = `from ${firstName(from)}, who has work due sooner`;
      }
    } else {
      const was = currentWindow(row.currentStart, row.currentEnd, today);
      const earlier =
        was !== null && row.proposedStart !== null && row.proposedEnd !== null
          ? row.proposedStart < was.start || (row.proposedStart === was.start && row.proposedEnd < was.end)
          : false;
      reason = earlier ? 'earlier' : 'later';
      if (was !== null && row.proposedStart !== null) {
        const moved = `${say(was.start)} → ${say(row.proposedStart)}`;
        if (earlier) sentence = `Starts earlier than planned (${moved}): ${nameOf(to)} is free sooner.`;
        else {
          const busy = plan.why.find((r) => r.kind === 'person-busy');
          const wait = plan.why.find((r) => r.kind === 'waited-for-predecessor');
          const first =
            busy?.kind === 'person-busy'
              ? `${nameOf(to)} does “${tasks.get(busy.with)?.title ?? 'other work'}” first`
              : wait?.kind === 'waited-for-predecessor'
                ? `it waits for “${tasks.get(wait.predecessor)?.title ?? 'other work'}”`
                : 'work due sooner goes first';
          sentence = `Starts later than planned (${moved}): ${first}.`;
        }
      }
    }
    counts[reason]++;
    row.changeReason = reason;
    if (sentence !== null) row.reasons = [sentence, ...row.reasons];
    if (short !== null) row.headline = `${row.headline} (${short})`;
  }
  return { counts, withPerson, swing };

  /** Why the person cannot do the task in this plan, or null when they can. */
  function whyCannot(
    personId: string,
    left: LeftCurrent | undefined,
    skillId: string | null,
    minLevel: number | null,
  ): string | null {
    const person = people.get(personId);
    if (!person) return 'is no longer in the organization';
    const cal = built.calendars.get(personId);
    if (!cal || cal.capacity <= 0) return 'has no working hours in their profile';
    if (left?.reason === 'unqualified') {
      const skill = skillId === null ? 'the skill' : (skills.get(skillId) ?? 'the skill');
      return `does not have ${skill}${minLevel ? ` at level ${minLevel}` : ''}`;
    }
    if (left && left.couldFinish === null) return 'has no working time left for it';
    return null;
  }

  /** A week of the task's current dates in which its person is overloaded now, if any. */
  function overloadedWeek(personId: string, row: ChangeRow): { week: string; load: WeekLoad } | null {
    const window = currentWindow(row.currentStart, row.currentEnd, today);
    const weeks = currentLoads.get(personId);
    if (!window || !weeks) return null;
    for (const date of datesBetween(window.start, window.end)) {
      const week = weekStart(date);
      const load = weeks.get(week);
      if (load && load.hours > load.capacity + 0.05) return { week, load };
    }
    return null;
  }

  /** The task with the earliest deadline that the person does, in the proposal, when the row was planned. */
  function dueSooner(personId: string, row: ChangeRow): ChangeRow | null {
    const window = currentWindow(row.currentStart, row.currentEnd, today);
    const own = deadlineOf(row.taskId)?.date ?? '9999-12-31';
    let best: ChangeRow | null = null;
    for (const other of proposedBy.get(personId) ?? []) {
      if (other.proposedStart === null || other.proposedEnd === null) continue;
      if (window && (other.proposedEnd < window.start || other.proposedStart > window.end)) continue;
      const due = deadlineOf(other.taskId)?.date;
      if (due === undefined || due > own) continue;
      if (!best || due < (deadlineOf(best.taskId)?.date ?? '9999-12-31')) best = other;
    }
    return best;
  }
}
