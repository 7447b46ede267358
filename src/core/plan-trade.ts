/**
 * What a proposed plan changes and what the changes buy, in words: for the whole run ("2 more tasks
 * late by 1 working day each so that 40 h less are late overall"; "12 tasks change person: 9 to meet
 * deadlines, 3 to fix overload") and for a group of rows (a project, a person). Pure formatting over
 * counts the planner computes (server/areas/planning/explain-changes.ts classifies each row).
 */
import type { PlanFigures } from './plan-figures';

/**
 * What a changed row buys. A change of person: 'deadline' (with its current person the task itself
 * would be later), 'room' (its current person's time goes to work due sooner), 'overload' (its current
 * person is overloaded when it is planned now), 'unavailable' (its current person cannot do it in
 * this plan: no working hours, not the skill, away). Same person, new dates: 'earlier', 'later'. A
 * task without a person that gets one: 'new'.
 */
export const changeReasons = [
  'deadline',
  'room',
  'overload',
  'unavailable',
  'earlier',
  'later',
  'new',
] as const;
export type ChangeReason = (typeof changeReasons)[number];

export type ChangeCounts = Record<ChangeReason, number>;

export function noChanges(): ChangeCounts {
  return { deadline: 0, room: 0, overload: 0, unavailable: 0, earlier: 0, later: 0, new: 0 };
}

/** Reasons that come with a change of person (the others keep the person). */
export const personReasons: readonly ChangeReason[] = ['deadline', 'room', 'overload', 'unavailable'];

export function personChanges(counts: ChangeCounts): number {
  return personReasons.reduce((sum, r) => sum + counts[r], 0);
}

/** Tasks late in one plan and not the other (each plan's hours late for them). */
export interface LateSwing {
  newlyLate: number;
  newlyLateHours: number;
  noLongerLate: number;
  noLongerLateHours: number;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const hours = (h: number) => `${Math.round(h).toLocaleString('en')} h`;

/** "5 h", "3 working days", "3 working days and 1 h" (at least 1 h). */
export function sayWorkingTime(h: number): string {
  const total = Math.max(1, Math.round(h));
  const days = Math.floor(total / 8);
  const rest = total - 8 * days;
  if (days === 0) return `${rest} h`;
  const dayText = `${days} working ${days === 1 ? 'day' : 'days'}`;
  return rest > 0 ? `${dayText} and ${rest} h` : dayText;
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "9 to meet their deadlines, 2 to free their person for work due sooner and 3 to fix overload". */
function whyPersonChanges(counts: ChangeCounts): string {
  const parts: string[] = [];
  if (counts.deadline > 0) parts.push(`${counts.deadline.toLocaleString('en')} to meet their deadlines`);
  if (counts.room > 0)
    parts.push(`${counts.room.toLocaleString('en')} to free their person for work due sooner`);
  if (counts.overload > 0) parts.push(`${counts.overload.toLocaleString('en')} to fix overload`);
  if (counts.unavailable > 0)
    parts.push(`${counts.unavailable.toLocaleString('en')} because their person cannot do them`);
  return list(parts);
}

/** The lateness trade of a proposal against the current plan, in one sentence. */
export function sayLatenessTrade(current: PlanFigures, proposed: PlanFigures, swing: LateSwing): string {
  const moreTasks = proposed.lateTasks - current.lateTasks;
  const moreHours = Math.round(proposed.latenessHours - current.latenessHours);
  if (moreHours < 0) {
    const less = `${hours(-moreHours)} less ${moreTasks > 0 ? 'are late' : 'lateness'} overall`;
    if (moreTasks > 0) {
      const each =
        swing.newlyLate === 1
          ? `, by ${sayWorkingTime(swing.newlyLateHours)},`
          : swing.newlyLate > 1
            ? ` by ${sayWorkingTime(swing.newlyLateHours / swing.newlyLate)} each`
            : '';
      return `${plural(moreTasks, 'more task')} late${each} so that ${less}.`;
    }
    if (moreTasks < 0) return `${plural(-moreTasks, 'fewer task')} late and ${less}.`;
    return `As many tasks late, and ${less}.`;
  }
  if (moreHours > 0) {
    const tasks = moreTasks > 0 ? ` and ${plural(moreTasks, 'more late task')}` : '';
    const why =
      current.overloadHours > proposed.overloadHours
        ? `: the current plan overloads people by ${hours(current.overloadHours)}, and without overload the work cannot all be done by its deadlines`
        : '';
    return `${hours(moreHours)} more lateness than the current plan${tasks}${why}.`;
  }
  if (moreTasks !== 0)
    return `${plural(Math.abs(moreTasks), moreTasks > 0 ? 'more task' : 'fewer task')} late, with as many hours late overall.`;
  return current.lateTasks > 0
    ? 'As many tasks late as in the current plan, by as many hours.'
    : 'Nothing is late, as in the current plan.';
}

/**
 * The run's trade in a few sentences: lateness, overload, and what the changes buy. `withPerson`:
 * placed tasks that have a person in the current plan.
 */
export function sayTrade(input: {
  current: PlanFigures;
  proposed: PlanFigures;
  swing: LateSwing;
  changes: ChangeCounts;
  withPerson: number;
}): string[] {
  const { current, proposed, changes, withPerson } = input;
  const out = [sayLatenessTrade(current, proposed, input.swing)];
  if (current.overloadHours > 0 || proposed.overloadHours > 0)
    out.push(
      proposed.overloadHours < current.overloadHours
        ? `Overload goes from ${hours(current.overloadHours)} to ${hours(proposed.overloadHours)}.`
        : `Overload: ${hours(proposed.overloadHours)}.`,
    );
  const moved = personChanges(changes);
  if (moved > 0) {
    const share =
      withPerson > 0 ? ` (${Math.round((100 * moved) / withPerson)} % of those with a person)` : '';
    out.push(`${plural(moved, 'task')} change person${share}: ${whyPersonChanges(changes)}.`);
  } else if (withPerson > 0) out.push('Every task keeps its person.');
  const dated = changes.earlier + changes.later;
  if (dated > 0) {
    const parts = [
      changes.earlier > 0 ? `${changes.earlier.toLocaleString('en')} earlier` : '',
      changes.later > 0
        ? `${changes.later.toLocaleString('en')} later, to make room for work due sooner`
        : '',
    ].filter((p) => p !== '');
    out.push(`${plural(dated, 'task keeps', 'tasks keep')} their person and move: ${list(parts)}.`);
  }
  if (changes.new > 0)
    out.push(`${plural(changes.new, 'task')} without a person ${changes.new === 1 ? 'gets' : 'get'} one.`);
  return out;
}

/** A group of rows (a project, a person) as the planner shows it collapsed. */
export interface GroupTrade {
  changes: ChangeCounts;
  /** Hours late of the group's tasks in the current plan and in the proposal. */
  lateHoursBefore: number;
  lateHoursAfter: number;
  /** For a person: tasks that come to them and that leave them. */
  arriving?: number;
  leaving?: number;
  /** For a person: their overload in the current plan and in the proposal. */
  overloadBefore?: number;
  overloadAfter?: number;
}

/** "3 change person (2 to meet their deadlines and 1 to fix overload) · 2 move · 40 h late → 12 h". */
export function sayGroupTrade(group: GroupTrade): string {
  const parts: string[] = [];
  const moved = personChanges(group.changes);
  if (group.arriving !== undefined || group.leaving !== undefined) {
    if ((group.arriving ?? 0) > 0) parts.push(`${plural(group.arriving!, 'task')} to them`);
    if ((group.leaving ?? 0) > 0) {
      const why = whyPersonChanges(group.changes);
      parts.push(`${plural(group.leaving!, 'task')} to others${why ? ` (${why})` : ''}`);
    }
  } else if (moved > 0)
    parts.push(`${plural(moved, 'change', 'change')} person (${whyPersonChanges(group.changes)})`);
  const dated = group.changes.earlier + group.changes.later;
  if (dated > 0) parts.push(`${plural(dated, 'task moves', 'tasks move')}`);
  if (group.changes.new > 0) parts.push(`${plural(group.changes.new, 'new assignment')}`);
  const before = Math.round(group.lateHoursBefore);
  const after = Math.round(group.lateHoursAfter);
  if (before !== after) parts.push(`late ${hours(before)} → ${hours(after)}`);
  else if (after > 0) parts.push(`late ${hours(after)}, as now`);
  const ob = group.overloadBefore ?? 0;
  const oa = group.overloadAfter ?? 0;
  if (ob > 0 || oa > 0)
    parts.push(ob !== oa ? `overload ${hours(ob)} → ${hours(oa)}` : `overload ${hours(oa)}`);
  return parts.length > 0 ? parts.join(' · ') : 'No change';
}
