/** Projects, tasks, dependencies and logged time. */
import { z } from 'zod';
import {
  abilities,
  dateInput,
  expectedVersion,
  hours,
  id,
  isoDate,
  isoDateTime,
  money,
  name,
  pageOffset,
  recordVersion,
  skillLevel,
  taskHours,
  text,
} from './common';

export const projectStatuses = ['planned', 'active', 'on_hold', 'done', 'cancelled'] as const;
export const projectStatus = z.enum(projectStatuses);
export const taskStatuses = ['todo', 'doing', 'blocked', 'done'] as const;
export const taskStatus = z.enum(taskStatuses);

export const projectAbilities = abilities({
  edit: 'Change its fields (PATCH): projects.write.any, or its manager',
  delete: 'Delete it with its tasks: projects.write.any, or its manager',
  addTasks: 'Create tasks in it, and move tasks into it: tasks.write.any, or its manager',
  plan: 'Run the planner on it and apply the plan: plans.any, or plans.create for its manager',
});
export const project = z.object({
  id,
  name: z.string(),
  description: z.string(),
  clientId: id.nullable(),
  managerId: id.nullable(),
  startDate: isoDate.nullable(),
  deadline: isoDate.nullable(),
  budgetHours: z.number().nullable(),
  budgetMoney: z.number().nullable(),
  status: projectStatus,
  goalIds: z.array(id),
  progress: z.number().nullable(),
  taskCount: z.number().int(),
  doneCount: z.number().int(),
  lateCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: recordVersion,
  can: projectAbilities,
});
export type Project = z.infer<typeof project>;
export const createProjectBody = z.object({
  name,
  description: text.default(''),
  clientId: id.nullable().optional(),
  managerId: id.nullable().optional(),
  startDate: dateInput.nullable().optional(),
  deadline: dateInput.nullable().optional(),
  budgetHours: hours.nullable().optional(),
  budgetMoney: money.nullable().optional(),
  status: projectStatus.default('planned'),
  goalIds: z.array(id).max(50).default([]),
});
/** PATCH: every field optional and without defaults (`.partial()` would keep the create defaults in zod 4 and reset them). */
export const updateProjectBody = z.object({
  name: name.optional(),
  description: text.optional(),
  clientId: id.nullable().optional(),
  managerId: id.nullable().optional(),
  startDate: dateInput.nullable().optional(),
  deadline: dateInput.nullable().optional(),
  budgetHours: hours.nullable().optional(),
  budgetMoney: money.nullable().optional(),
  status: projectStatus.optional(),
  goalIds: z.array(id).max(50).optional(),
  version: expectedVersion,
});
export const projectListQuery = z.object({
  status: projectStatus.optional(),
  managerId: id.optional(),
  clientId: id.optional(),
  goalId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: pageOffset,
});

export const taskAbilities = abilities({
  edit: "Change any field (PATCH): tasks.write.any, its project's manager, or goals.write for a task on a goal",
  changeStatus: 'Change only its status: whoever may edit it, and its assignee',
  logTime:
    'Log your own time on it (POST without personId): its assignee, its project’s manager, ' +
    'tasks.write.any; an account without a person profile logs only for others',
  logTimeForOthers:
    "Log anyone's time on it, and remove anyone's entries: tasks.write.any, its project's manager",
  delete: 'Delete it: the same people as edit',
});
export const task = z.object({
  id,
  projectId: id.nullable(),
  goalId: id.nullable(),
  title: z.string(),
  description: z.string(),
  estimateHours: z.number().nullable(),
  skillId: id.nullable(),
  minLevel: z.number().int().nullable(),
  deadline: isoDate.nullable(),
  assigneeId: id.nullable(),
  status: taskStatus,
  plannedStart: isoDate.nullable(),
  plannedEnd: isoDate.nullable(),
  pinned: z.boolean().describe('The planner keeps its person and dates'),
  dependsOn: z.array(id),
  loggedHours: z.number(),
  isLate: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: recordVersion,
  can: taskAbilities,
});
export type Task = z.infer<typeof task>;
export const createTaskBody = z
  .object({
    title: name,
    description: text.default(''),
    projectId: id.nullable().optional(),
    goalId: id.nullable().optional(),
    estimateHours: taskHours.nullable().optional(),
    skillId: id.nullable().optional(),
    minLevel: skillLevel.nullable().optional(),
    deadline: dateInput.nullable().optional(),
    assigneeId: id.nullable().optional(),
    status: taskStatus.default('todo'),
    plannedStart: dateInput.nullable().optional(),
    plannedEnd: dateInput.nullable().optional(),
    pinned: z.boolean().default(false),
    dependsOn: z.array(id).max(100).default([]),
  })
  .refine((t) => Boolean(t.projectId) || Boolean(t.goalId), {
    message: 'a task belongs to a project or directly to a goal: give projectId or goalId',
    path: ['projectId'],
  });
export const updateTaskBody = z.object({
  title: name.optional(),
  description: text.optional(),
  projectId: id.nullable().optional(),
  goalId: id.nullable().optional(),
  estimateHours: taskHours.nullable().optional(),
  skillId: id.nullable().optional(),
  minLevel: skillLevel.nullable().optional(),
  deadline: dateInput.nullable().optional(),
  assigneeId: id.nullable().optional(),
  status: taskStatus.optional(),
  plannedStart: dateInput.nullable().optional(),
  plannedEnd: dateInput.nullable().optional(),
  pinned: z.boolean().optional(),
  dependsOn: z.array(id).max(100).optional(),
  version: expectedVersion,
});
export const taskListQuery = z.object({
  projectId: id.optional(),
  goalId: id.optional(),
  assigneeId: id.optional(),
  status: taskStatus.optional(),
  isLate: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: pageOffset,
});

export const timeEntry = z.object({
  id,
  taskId: id,
  personId: id,
  date: isoDate,
  hours: z.number(),
  note: z.string(),
  createdAt: isoDateTime,
  can: abilities({
    delete: "Remove it: its person, the task's project manager, tasks.write.any",
  }),
});
export const createTimeEntryBody = z.object({
  personId: id.optional().describe('Defaults to the signed-in person'),
  date: dateInput.optional(),
  hours: z.number().finite().gt(0, 'must be more than 0').max(24, 'must be at most 24 per entry'),
  note: text.default(''),
});
