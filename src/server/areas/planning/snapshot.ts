/**
 * What the planner reads from the database, as plain data (it crosses into the worker thread by
 * structured clone): the open tasks in scope, everyone's profile, and the other planned work that
 * already takes people's time. `load-snapshot.ts` fills it; `build-input.ts` turns it into the
 * engine's input; `fingerprintOf` says whether the data a plan was made from has changed since.
 */
import { createHash } from 'node:crypto';
import type { TaskLayout } from '../../../core/workload';

export interface SnapshotPerson {
  id: string;
  name: string;
  capacityHoursPerWeek: number;
  costRate: number;
  billRate: number;
  skills: { skillId: string; level: number }[];
  growthGoals: { skillId: string; targetLevel: number }[];
  passions: string[];
  timeOff: { startDate: string; endDate: string }[];
  /** Has a growth plan (mentor, milestones) around their growth goals: those weigh more. */
  hasGrowthPlan?: boolean;
  /** Content hash of everything above (for the fingerprint). */
  hash: string;
}

export interface SnapshotTask {
  id: string;
  title: string;
  projectId: string | null;
  estimateHours: number | null;
  loggedHours: number;
  skillId: string | null;
  minLevel: number | null;
  /** The task's own deadline. */
  deadline: string | null;
  assigneeId: string | null;
  status: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  pinned: boolean;
  dependsOn: string[];
  hash: string;
  /** How the applied plan lays its hours on days, while that still describes the task (not hashed). */
  layout?: TaskLayout;
}

export interface SnapshotProject {
  id: string;
  name: string;
  startDate: string | null;
  deadline: string | null;
  managerId: string | null;
}

/** Open work outside the scope that is assigned and dated: it takes its person's time. */
export interface SnapshotCommitment {
  taskId: string;
  title: string;
  personId: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  hours: number;
  skillId: string | null;
  /** How the applied plan lays its hours on days, while that still describes the task. */
  layout?: TaskLayout;
}

/** An open task outside the scope that a task in scope waits for. */
export interface SnapshotOutsideTask {
  id: string;
  title: string;
  plannedEnd: string | null;
}

export interface PlanSnapshot {
  /** The organization's today (the clock's date). */
  today: string;
  /** The first working day on or after today: period 0 of the plan. */
  startDate: string;
  /** null: the whole organization. */
  scopeProjectIds: string[] | null;
  skills: { id: string; name: string }[];
  people: SnapshotPerson[];
  /** Every project a task in scope (or a commitment) belongs to. */
  projects: SnapshotProject[];
  tasks: SnapshotTask[];
  commitments: SnapshotCommitment[];
  outsideTasks: SnapshotOutsideTask[];
}

export function hashOf(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

/** The hours still to do on an open task: the estimate less the time logged (8 h when there is no estimate). */
export function remainingHours(task: { estimateHours: number | null; loggedHours: number }): number {
  if (task.estimateHours === null) return 8;
  return Math.max(1, Math.round((task.estimateHours - task.loggedHours) * 10) / 10);
}

/**
 * Changes whenever a task in scope or anyone's profile (capacity, rates, skills, growth goals,
 * passions, time off) changes, a task enters or leaves the scope, or the day changes. Time logged on
 * tasks and changes outside the scope do not count: they do not make the plan's proposals overwrite
 * anyone's edits.
 */
export function fingerprintOf(
  snapshot: Pick<PlanSnapshot, 'today' | 'scopeProjectIds' | 'tasks' | 'people'>,
): string {
  const tasks = snapshot.tasks.map((t) => `${t.id}:${t.hash}`).sort();
  const people = snapshot.people.map((p) => `${p.id}:${p.hash}`).sort();
  return hashOf([snapshot.today, snapshot.scopeProjectIds, tasks, people]);
}
