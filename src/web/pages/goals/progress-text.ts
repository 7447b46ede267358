/**
 * The words beside a goal's progress: which of its two figures counts (its metric or the work beneath
 * it), what each figure stands at, and when it is due. The figures themselves come from the server
 * (core/progress.ts); this module only says them, so every screen says them the same way.
 */
import type { Goal } from '../../api/client';
import { fmtDate, fmtNumber, plural } from '../../lib/format';

export type GoalFigures = Pick<
  Goal,
  | 'kind'
  | 'status'
  | 'progressSource'
  | 'metricStart'
  | 'metricTarget'
  | 'metricCurrent'
  | 'metricUnit'
  | 'metricProgress'
  | 'workSummary'
>;

const withUnit = (value: number | null, unit: string | null) =>
  `${fmtNumber(value)}${unit ? ` ${unit}` : ''}`;

/** "0 of 3 packages", or "41 NPS, from 30 toward 50"; null when the metric cannot be measured yet. */
export function metricText(goal: GoalFigures): string | null {
  if (goal.metricProgress === null) return null;
  const { metricStart: start, metricTarget: target, metricCurrent: current, metricUnit: unit } = goal;
  if (start === 0) return `${fmtNumber(current)} of ${withUnit(target, unit)}`;
  return `${withUnit(current, unit)}, from ${fmtNumber(start)} toward ${fmtNumber(target)}`;
}

/** What a metric still lacks before it can be measured, in words. */
export function missingMetricText(goal: GoalFigures): string {
  if (goal.metricTarget === null) return 'no target yet';
  if (goal.metricStart === null) return 'no start yet';
  if (goal.metricCurrent === null) return 'no current value yet';
  return 'a target equal to its start';
}

/** "12 of 80 h done"; null without linked work. */
export function hoursText(summary: Goal['workSummary']): string | null {
  if (summary.hours === 0) return null;
  return `${fmtNumber(summary.doneHours)} of ${fmtNumber(summary.hours)} h done`;
}

/** "1 project · 4 tasks (2 done) · 12 of 80 h done", or null when no work is linked. */
export function workLine(summary: Goal['workSummary']): string | null {
  if (summary.projects === 0 && summary.tasks === 0 && summary.hours === 0) return null;
  const parts = [
    plural(summary.projects, 'project'),
    `${plural(summary.tasks, 'task')} (${summary.doneTasks} done)`,
  ];
  const hours = hoursText(summary);
  if (hours) parts.push(hours);
  return parts.join(' · ');
}

/** The name of the figure made of what is beneath a goal. */
export function workFigureName(goal: Pick<Goal, 'kind'>): string {
  return goal.kind === 'key_result' ? 'Linked work' : 'Key results and work';
}

/** What is beneath an objective, when the caller knows it. */
export interface Beneath {
  keyResults: number;
  hasOwnWork: boolean;
}

/** One sentence saying which figure the goal's progress counts, and where that figure stands. */
export function countsSentence(goal: GoalFigures, beneath?: Beneath): string {
  if (goal.status === 'achieved') return 'Achieved: counts as done (100%).';
  if (goal.status === 'dropped') return 'Dropped: counts for nothing, and is left out of what is above it.';
  if (goal.progressSource === 'metric') {
    const metric = metricText(goal);
    return metric
      ? `Counts the metric: ${metric}.`
      : `Counts the metric, which has ${missingMetricText(goal)}: no progress until it does.`;
  }
  if (goal.kind === 'key_result') {
    const hours = hoursText(goal.workSummary);
    return hours ? `Counts the linked work: ${hours}.` : 'Counts the linked work: none is linked yet.';
  }
  if (!beneath) return 'Counts the mean of its key results and of any work linked to it directly.';
  if (beneath.keyResults === 0 && !beneath.hasOwnWork)
    return 'Counts the mean of its key results and linked work: it has none yet.';
  const parts = [
    ...(beneath.keyResults > 0 ? [`its ${plural(beneath.keyResults, 'key result')}`] : []),
    ...(beneath.hasOwnWork ? ['the work linked to it directly'] : []),
  ];
  return `Counts the mean of ${parts.join(' and ')}.`;
}

/** One line for the form: what each choice means. */
export const progressSourceHelp: Record<Goal['progressSource'], string> = {
  metric: 'Progress is where the number stands between its start and its target; check-ins move it.',
  work: 'Progress is the share of the hours of the linked projects and tasks that is done.',
};

export interface DueText {
  text: string;
  isOverdue: boolean;
}

/** "Due 30 Jun 2026", "Due today", "Overdue since 30 Jun 2026" (only while the goal is active). */
export function dueText(dueDate: string | null, today: string, status: Goal['status']): DueText | null {
  if (dueDate === null) return null;
  if (status === 'active' && dueDate < today)
    return { text: `Overdue since ${fmtDate(dueDate)}`, isOverdue: true };
  if (dueDate === today) return { text: 'Due today', isOverdue: false };
  return { text: `Due ${fmtDate(dueDate)}`, isOverdue: false };
}
