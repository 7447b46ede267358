/**
 * Progress roll-up: one rule from tasks up to the vision.
 *
 * 1. A task is complete (1) when its status is `done`, otherwise 0. Its weight is its estimate in hours
 *    (a task without an estimate weighs 1 hour, so it still counts; none weighs more than the largest
 *    estimate the API accepts).
 * 2. A piece of work (a project, or the tasks attached directly to a goal) progresses by the
 *    estimate-weighted share of its tasks that are done. A project with no tasks has no progress
 *    (null) unless its status is `done` (1).
 * 3. A goal (objective or key result) with a complete metric (start, target and current set, target ≠
 *    start) uses the metric: (current − start) / (target − start), clamped to [0, 1]. An `achieved`
 *    goal is 1. Any other goal takes the plain mean of what it has beneath it: its child goals and its
 *    linked work (each linked project counts once, its direct tasks count as one more item).
 * 4. A pillar is the mean of its top-level objectives; the vision is the mean of its pillars.
 * Everything that has nothing beneath it is `null` ("no signal") and is left out of its parent's mean,
 * so an empty branch neither drags progress down nor props it up.
 */

import { limits } from './limits';

export interface TaskProgressInput {
  status: 'todo' | 'doing' | 'blocked' | 'done';
  estimateHours: number | null;
}

export function taskWeight(task: TaskProgressInput): number {
  const estimate = task.estimateHours;
  // capped, so a row stored before the bounds (or edited by hand) cannot sum to Infinity
  return estimate !== null && estimate > 0 ? Math.min(estimate, limits.maxHours) : 1;
}

export function workProgress(tasks: readonly TaskProgressInput[]): number | null {
  if (tasks.length === 0) return null;
  let total = 0;
  let done = 0;
  for (const task of tasks) {
    const weight = taskWeight(task);
    total += weight;
    if (task.status === 'done') done += weight;
  }
  return done / total;
}

export function projectProgress(status: string, tasks: readonly TaskProgressInput[]): number | null {
  const progress = workProgress(tasks);
  if (progress === null && status === 'done') return 1;
  return progress;
}

export interface Metric {
  metricStart: number | null;
  metricTarget: number | null;
  metricCurrent: number | null;
}

/**
 * The metric's distance travelled and its whole distance, halved: halves of finite numbers cannot
 * overflow when subtracted (1e308 − −1e308 is Infinity, 5e307 − −5e307 is not), so stored values from
 * before the input bounds still give a finite share. Null when a value is missing or not finite.
 */
function metricSpan(m: Metric): { travelled: number; whole: number } | null {
  const { metricStart: start, metricTarget: target, metricCurrent: current } = m;
  if (start === null || target === null || current === null) return null;
  if (!Number.isFinite(start) || !Number.isFinite(target) || !Number.isFinite(current)) return null;
  return { travelled: current / 2 - start / 2, whole: target / 2 - start / 2 };
}

/** Whether the goal is measured by its metric: start, target and current set, finite, and target ≠ start. */
export function hasMetric(m: Metric): boolean {
  const span = metricSpan(m);
  return span !== null && span.whole !== 0;
}

export function metricProgress(m: Metric): number | null {
  const span = metricSpan(m);
  if (span === null || span.whole === 0) return null;
  return clamp01(span.travelled / span.whole);
}

export function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return known.reduce((a, b) => a + b, 0) / known.length;
}

/** Into [0, 1]; NaN (no progress can be told) becomes 0 rather than poisoning every mean above it. */
export function clamp01(value: number): number {
  return Number.isNaN(value) ? 0 : Math.min(1, Math.max(0, value));
}

export interface GoalNode extends Metric {
  id: string;
  parentId: string | null;
  status: 'active' | 'achieved' | 'dropped';
}

export interface RollupInput {
  goals: readonly GoalNode[];
  /** Progress of each project (from projectProgress), by project id. */
  projectProgress: ReadonlyMap<string, number | null>;
  /** Project ids linked to each goal. */
  projectsByGoal: ReadonlyMap<string, readonly string[]>;
  /** Tasks attached directly to each goal (not through a project). */
  directTasksByGoal: ReadonlyMap<string, readonly TaskProgressInput[]>;
}

/** Progress of every goal by id, computed bottom-up. Dropped goals are null and ignored by parents. */
export function rollUpGoals(input: RollupInput): Map<string, number | null> {
  const children = new Map<string, GoalNode[]>();
  for (const goal of input.goals) {
    if (goal.parentId === null) continue;
    const list = children.get(goal.parentId) ?? [];
    list.push(goal);
    children.set(goal.parentId, list);
  }
  const result = new Map<string, number | null>();
  const visiting = new Set<string>();

  const visit = (goal: GoalNode): number | null => {
    if (result.has(goal.id)) return result.get(goal.id) ?? null;
    if (visiting.has(goal.id)) return null; // a corrupted parent cycle yields no signal instead of looping
    visiting.add(goal.id);
    let progress: number | null;
    if (goal.status === 'dropped') progress = null;
    else if (goal.status === 'achieved') progress = 1;
    else if (hasMetric(goal)) progress = metricProgress(goal);
    else {
      const parts: (number | null)[] = (children.get(goal.id) ?? []).map(visit);
      for (const projectId of input.projectsByGoal.get(goal.id) ?? []) {
        parts.push(input.projectProgress.get(projectId) ?? null);
      }
      parts.push(workProgress(input.directTasksByGoal.get(goal.id) ?? []));
      progress = mean(parts);
    }
    // children of dropped/achieved/metric goals are still computed for their own display
    for (const child of children.get(goal.id) ?? []) visit(child);
    visiting.delete(goal.id);
    result.set(goal.id, progress);
    return progress;
  };

  for (const goal of input.goals) visit(goal);
  return result;
}

export interface OrgProgressInput {
  goals: readonly (GoalNode & { pillarId: string | null })[];
  projects: readonly { id: string; status: string }[];
  projectGoals: readonly { projectId: string; goalId: string }[];
  tasks: readonly (TaskProgressInput & { projectId: string | null; goalId: string | null })[];
  pillarIds: readonly string[];
}

export interface OrgProgress {
  vision: number | null;
  pillars: Map<string, number | null>;
  goals: Map<string, number | null>;
  projects: Map<string, number | null>;
}

/** The whole roll-up for one organization (rules 1–4 above). */
export function computeOrgProgress(input: OrgProgressInput): OrgProgress {
  const tasksByProject = new Map<string, TaskProgressInput[]>();
  const directTasksByGoal = new Map<string, TaskProgressInput[]>();
  for (const task of input.tasks) {
    if (task.projectId !== null) {
      const list = tasksByProject.get(task.projectId) ?? [];
      list.push(task);
      tasksByProject.set(task.projectId, list);
    } else if (task.goalId !== null) {
      const list = directTasksByGoal.get(task.goalId) ?? [];
      list.push(task);
      directTasksByGoal.set(task.goalId, list);
    }
  }
  const projects = new Map<string, number | null>();
  for (const project of input.projects) {
    if (project.status === 'cancelled') projects.set(project.id, null);
    else projects.set(project.id, projectProgress(project.status, tasksByProject.get(project.id) ?? []));
  }
  const projectsByGoal = new Map<string, string[]>();
  for (const link of input.projectGoals) {
    const list = projectsByGoal.get(link.goalId) ?? [];
    list.push(link.projectId);
    projectsByGoal.set(link.goalId, list);
  }
  const goals = rollUpGoals({
    goals: input.goals,
    projectProgress: projects,
    projectsByGoal,
    directTasksByGoal,
  });
  const pillars = new Map<string, number | null>();
  for (const pillarId of input.pillarIds) {
    const tops = input.goals.filter((g) => g.parentId === null && g.pillarId === pillarId);
    pillars.set(pillarId, mean(tops.map((g) => goals.get(g.id) ?? null)));
  }
  return { vision: mean([...pillars.values()]), pillars, goals, projects };
}
