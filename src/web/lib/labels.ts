/** Names shown for the API's enums. The `satisfies` clauses keep them in step with the schemas. */
import type { Goal, Me, ProjectStatus, TaskStatus } from '../api/client';

export const taskStatuses = ['todo', 'doing', 'blocked', 'done'] as const satisfies readonly TaskStatus[];
export const taskStatusLabel: Record<TaskStatus, string> = {
  todo: 'To do',
  doing: 'Doing',
  blocked: 'Blocked',
  done: 'Done',
};

export const projectStatuses = [
  'planned',
  'active',
  'on_hold',
  'done',
  'cancelled',
] as const satisfies readonly ProjectStatus[];
export const projectStatusLabel: Record<ProjectStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  on_hold: 'On hold',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const horizons = ['quarter', 'year', 'multi-year'] as const satisfies readonly Goal['horizon'][];
export const horizonLabel: Record<Goal['horizon'], string> = {
  quarter: 'Quarter',
  year: 'Year',
  'multi-year': 'Multi-year',
};

export const goalStatuses = ['active', 'achieved', 'dropped'] as const satisfies readonly Goal['status'][];
export const goalStatusLabel: Record<Goal['status'], string> = {
  active: 'Active',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

export const kindLabel: Record<string, string> = {
  pillar: 'Pillar',
  objective: 'Objective',
  key_result: 'Key result',
  project: 'Project',
};

export const roleOptions = ['owner', 'leader', 'manager', 'member'] as const satisfies readonly Me['role'][];
export const roleLabel: Record<Me['role'], string> = {
  owner: 'Owner',
  leader: 'Leader',
  manager: 'Manager',
  member: 'Member',
};

export function isTaskStatus(value: string): value is TaskStatus {
  return (taskStatuses as readonly string[]).includes(value);
}
export function isProjectStatus(value: string): value is ProjectStatus {
  return (projectStatuses as readonly string[]).includes(value);
}
export function labelOf(map: Record<string, string>, value: string): string {
  return map[value] ?? value.replace(/_/g, ' ');
}
