/**
 * Progress roll-up: one rule from tasks up to the vision.
 *
 * 1. A task is complete (1) when its status is `done`, otherwise 0. Its weight is its estimate in hours
 *    (a task without an estimate weighs 1 hour, so it still counts; none weighs more than the largest
 *    estimate the API accepts).
 * 2. A project progresses by the estimate-weighted share of its tasks that are done. A project with no
 *    tasks has no progress (null) unless its status is `done` (1). A cancelled project has none.
 * 3. A goal's linked work is the tasks of its linked projects (not cancelled) and the tasks attached
 *    directly to it, pooled: its progress is the share of their hours that is done, so "12 of 80 h done"
 *    reads 15 % whether the hours sit in one project or three. A linked project that is done without
 *    tasks counts as one done hour.
 * 4. Every goal shows two figures and counts one of them, the one its `progressSource` names:
 *    - the metric: (current − start) / (target − start), clamped to [0, 1]; null until the metric is
 *      complete (start, target and current set, target ≠ start);
 *    - the work: the plain mean of what is beneath it, i.e. its child goals' progress and its linked
 *      work as one more item. A key result has no child goals, so this is its linked work; an
 *      objective is the mean of its key results (and of any work linked to it directly).
 *    An `achieved` goal counts 1 and a `dropped` goal counts nothing (null), whatever its figures.
 * 5. A pillar is the mean of its top-level objectives; the vision is the mean of its pillars.
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

export const progressSources = ['metric', 'work'] as const;
/** Which of a goal's two figures its progress counts (rule 4). */
export type ProgressSource = (typeof progressSources)[number];

export interface GoalNode extends Metric {
  id: string;
  parentId: string | null;
  status: 'active' | 'achieved' | 'dropped';
  progressSource: ProgressSource;
}

/** A goal's two figures and the one it counts (rule 4). */
export interface GoalFigures {
  /** What the goal counts: what its parent, pillar and every screen show. */
  progress: number | null;
  /** The metric's share, null until the metric is complete. */
  metric: number | null;
  /** The mean of what is beneath it: child goals and linked work; null with nothing beneath it. */
  work: number | null;
}

export interface RollupInput {
  goals: readonly GoalNode[];
  /** Each goal's linked work, pooled (rule 3): its linked projects' tasks and its own tasks. */
  linkedWork: ReadonlyMap<string, readonly TaskProgressInput[]>;
}

const noFigures: GoalFigures = { progress: null, metric: null, work: null };

/** The figures of every goal by id, computed bottom-up (rule 4). */
export function rollUpGoals(input: RollupInput): Map<string, GoalFigures> {
  const children = new Map<string, GoalNode[]>();
  for (const goal of input.goals) {
    if (goal.parentId === null) continue;
    const list = children.get(goal.parentId) ?? [];
    list.push(goal);
    children.set(goal.parentId, list);
  }
  const result = new Map<string, GoalFigures>();
  const visiting = new Set<string>();

  const visit = (goal: GoalNode): GoalFigures => {
    const known = result.get(goal.id);
    if (known) return known;
    if (visiting.has(goal.id)) return noFigures; // a corrupted parent cycle yields no signal instead of looping
    visiting.add(goal.id);
    const beneath = (children.get(goal.id) ?? []).map((child) => visit(child).progress);
    beneath.push(workProgress(input.linkedWork.get(goal.id) ?? []));
    const metric = metricProgress(goal);
    const work = mean(beneath);
    const progress =
      goal.status === 'dropped'
        ? null
        : goal.status === 'achieved'
          ? 1
          : goal.progressSource === 'metric'
            ? metric
            : work;
    const figures = { progress, metric, work };
    visiting.delete(goal.id);
    result.set(goal.id, figures);
    return figures;
  };

  for (const goal of input.goals) visit(goal);
  return result;
}

/** The work that counts toward a goal, counted for people: projects, tasks and hours (rule 3). */
export interface WorkSummary {
  projects: number;
  tasks: number;
  doneTasks: number;
  /** Task weights (rule 1): estimates, and 1 h for a task without one. */
  hours: number;
  doneHours: number;
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
  /** What each goal counts (GoalFigures.progress). */
  goals: Map<string, number | null>;
  figures: Map<string, GoalFigures>;
  /**
   * The work linked to each goal and to the goals beneath it that count (not dropped), each project
   * once: what an objective's page counts as "the work behind it".
   */
  work: Map<string, WorkSummary>;
  projects: Map<string, number | null>;
}

/** The whole roll-up for one organization (rules 1–5 above). */
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
  const counting = new Map<string, { status: string }>();
  for (const project of input.projects) {
    if (project.status === 'cancelled') projects.set(project.id, null);
    else {
      projects.set(project.id, projectProgress(project.status, tasksByProject.get(project.id) ?? []));
      counting.set(project.id, project);
    }
  }
  const projectsByGoal = new Map<string, string[]>();
  for (const link of input.projectGoals) {
    if (!counting.has(link.projectId)) continue;
    const list = projectsByGoal.get(link.goalId) ?? [];
    list.push(link.projectId);
    projectsByGoal.set(link.goalId, list);
  }

  /** The pooled work of some goals (rule 3), each project once, with its counts. */
  const pool = (goalIds: Iterable<string>) => {
    const projectIds = new Set<string>();
    const items: TaskProgressInput[] = [];
    let tasks = 0;
    let doneTasks = 0;
    const add = (list: readonly TaskProgressInput[]) => {
      items.push(...list);
      tasks += list.length;
      doneTasks += list.filter((t) => t.status === 'done').length;
    };
    for (const goalId of goalIds) {
      for (const projectId of projectsByGoal.get(goalId) ?? []) {
        if (projectIds.has(projectId)) continue;
        projectIds.add(projectId);
        const list = tasksByProject.get(projectId) ?? [];
        // a finished project without tasks is finished work, as its own progress (1) says
        if (list.length === 0 && counting.get(projectId)?.status === 'done')
          items.push({ status: 'done', estimateHours: null });
        add(list);
      }
      add(directTasksByGoal.get(goalId) ?? []);
    }
    return { projects: projectIds.size, tasks, doneTasks, items };
  };

  const linkedWork = new Map<string, TaskProgressInput[]>();
  for (const goal of input.goals) linkedWork.set(goal.id, pool([goal.id]).items);
  const figures = rollUpGoals({ goals: input.goals, linkedWork });
  const goals = new Map([...figures].map(([id, f]) => [id, f.progress]));

  const childrenOf = new Map<string, (typeof input.goals)[number][]>();
  for (const goal of input.goals)
    if (goal.parentId !== null)
      childrenOf.set(goal.parentId, [...(childrenOf.get(goal.parentId) ?? []), goal]);
  const work = new Map<string, WorkSummary>();
  for (const goal of input.goals) {
    const tree = new Set([goal.id]);
    const stack = [goal.id];
    while (stack.length > 0) {
      for (const child of childrenOf.get(stack.pop()!) ?? []) {
        if (child.status === 'dropped' || tree.has(child.id)) continue;
        tree.add(child.id);
        stack.push(child.id);
      }
    }
    const pooled = pool(tree);
    let hours = 0;
    let doneHours = 0;
    for (const item of pooled.items) {
      hours += taskWeight(item);
      if (item.status === 'done') doneHours += taskWeight(item);
    }
    work.set(goal.id, {
      projects: pooled.projects,
      tasks: pooled.tasks,
      doneTasks: pooled.doneTasks,
      hours,
      doneHours,
    });
  }

  const pillars = new Map<string, number | null>();
  for (const pillarId of input.pillarIds) {
    const tops = input.goals.filter((g) => g.parentId === null && g.pillarId === pillarId);
    pillars.set(pillarId, mean(tops.map((g) => goals.get(g.id) ?? null)));
  }
  return { vision: mean([...pillars.values()]), pillars, goals, figures, work, projects };
}
