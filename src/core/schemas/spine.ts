/** Vision → pillars → goals (objectives, key results) → check-ins. */
import { z } from 'zod';
import { progressSources } from '../progress';
import {
  abilities,
  dateInput,
  expectedVersion,
  id,
  isoDate,
  isoDateTime,
  metric,
  name,
  pageOffset,
  plainString,
  position,
  recordVersion,
  taskHours,
  text,
} from './common';
import { holidayRegionCode, holidays } from './holidays';

export const horizons = ['quarter', 'year', 'multi-year'] as const;
export const horizon = z.enum(horizons);
export const goalKinds = ['objective', 'key_result'] as const;
export const goalKind = z.enum(goalKinds);
export const goalStatuses = ['active', 'achieved', 'dropped'] as const;
export const goalStatus = z.enum(goalStatuses);
export const progressSource = z
  .enum(progressSources)
  .describe('Which figure the goal counts: its metric, or the work beneath it (core/progress.ts)');

export const organization = z.object({
  id,
  name: z.string(),
  vision: z.string(),
  visionHorizon: z.string(),
  progress: z.number().nullable(),
  holidayRegion: holidayRegionCode
    .nullable()
    .describe("Whose public holidays are everyone's days off (people may have their own); null: none"),
  holidays,
  version: recordVersion,
});
export type Organization = z.infer<typeof organization>;
export const updateOrganizationBody = z.object({
  name: name.optional(),
  vision: text.optional(),
  visionHorizon: plainString().max(100).optional(),
  holidayRegion: holidayRegionCode.nullable().optional(),
  version: expectedVersion,
});

export const pillar = z.object({
  id,
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  progress: z.number().nullable(),
  version: recordVersion,
});
export const createPillarBody = z.object({
  name,
  description: text.default(''),
  position: position.optional(),
});
export const updatePillarBody = z.object({
  name: name.optional(),
  description: text.optional(),
  position: position.optional(),
  version: expectedVersion,
});

const metricFields = {
  metricStart: metric.nullable(),
  metricTarget: metric.nullable(),
  metricCurrent: metric.nullable(),
  metricUnit: plainString().max(40).nullable(),
};

export const workSummary = z.object({
  projects: z.number().int(),
  tasks: z.number().int(),
  doneTasks: z.number().int(),
  hours: z.number().describe('Estimated hours; a task without an estimate counts as 1 h'),
  doneHours: z.number(),
});

export const goalAbilities = abilities({
  edit: "Change its fields (PATCH): goals.write, or the goal's owner",
  checkIn: "Record a check-in: goals.checkin, or the goal's owner",
  delete: 'Delete it and the goals beneath it: goals.write',
  decompose: 'Break it down into projects and tasks: projects.create',
  addTasks: 'Add tasks directly on it (in no project): goals.write',
});
export const goal = z.object({
  id,
  pillarId: id.nullable(),
  parentId: id.nullable(),
  kind: goalKind,
  title: z.string(),
  description: z.string(),
  ownerId: id.nullable(),
  horizon,
  isStretch: z.boolean(),
  status: goalStatus,
  // what is stored, not what may be sent: rows written before the bounds must still be readable
  metricStart: z.number().nullable(),
  metricTarget: z.number().nullable(),
  metricCurrent: z.number().nullable(),
  metricUnit: z.string().nullable(),
  progressSource,
  dueDate: isoDate.nullable(),
  progress: z.number().nullable().describe('The figure that counts: metricProgress or workProgress'),
  metricProgress: z.number().nullable().describe('The metric’s share; null until the metric is complete'),
  workProgress: z
    .number()
    .nullable()
    .describe('The mean of its goals beneath and its linked work; null with nothing beneath it'),
  workSummary: workSummary.describe(
    'The work linked to it and to its goals beneath (not dropped), each project once; cancelled projects left out',
  ),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: recordVersion,
  can: goalAbilities,
});
export type Goal = z.infer<typeof goal>;

export const createGoalBody = z.object({
  kind: goalKind,
  title: name,
  description: text.default(''),
  pillarId: id.nullable().optional(),
  parentId: id.nullable().optional(),
  ownerId: id.nullable().optional(),
  horizon: horizon.default('quarter'),
  isStretch: z.boolean().default(false),
  progressSource: progressSource
    .optional()
    .describe('Omitted: the metric when start and target are given (and differ), else the work'),
  dueDate: dateInput.nullable().optional(),
  metricStart: metricFields.metricStart.optional(),
  metricTarget: metricFields.metricTarget.optional(),
  metricCurrent: metricFields.metricCurrent.optional(),
  metricUnit: metricFields.metricUnit.optional(),
});
/** PATCH: every field optional and without defaults, so an omitted field stays as it is. */
export const updateGoalBody = z.object({
  kind: goalKind.optional(),
  title: name.optional(),
  description: text.optional(),
  pillarId: id.nullable().optional(),
  parentId: id.nullable().optional(),
  ownerId: id.nullable().optional(),
  horizon: horizon.optional(),
  isStretch: z.boolean().optional(),
  status: goalStatus.optional(),
  progressSource: progressSource.optional(),
  dueDate: dateInput.nullable().optional(),
  ...(Object.fromEntries(Object.entries(metricFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof metricFields]: z.ZodOptional<(typeof metricFields)[K]>;
  }),
  version: expectedVersion,
});
export const goalListQuery = z.object({
  pillarId: id.optional(),
  parentId: id.optional(),
  ownerId: id.optional(),
  kind: goalKind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: pageOffset,
});

export const checkIn = z.object({
  id,
  goalId: id,
  value: z.number().nullable(),
  confidence: z.number().min(0).max(1),
  comment: z.string(),
  date: isoDate,
  authorId: id.nullable(),
  createdAt: isoDateTime,
});
export const createCheckInBody = z.object({
  value: metric.nullable().optional(),
  confidence: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  comment: text.default(''),
  date: dateInput.optional(),
});

/** The strategy map: the whole tree with progress at every level. */
export interface StrategyNode {
  id: string;
  kind: 'pillar' | 'objective' | 'key_result' | 'project';
  title: string;
  progress: number | null;
  ownerId: string | null;
  isStretch: boolean;
  horizon: string | null;
  status: string;
  children: StrategyNode[];
}
export const strategyNode: z.ZodType<StrategyNode> = z.lazy(() =>
  z.object({
    id,
    kind: z.enum(['pillar', 'objective', 'key_result', 'project']),
    title: z.string(),
    progress: z.number().nullable(),
    ownerId: id.nullable(),
    isStretch: z.boolean(),
    horizon: z.string().nullable(),
    status: z.string(),
    children: z.array(strategyNode),
  }),
);
export const strategyMap = z.object({
  organization: organization,
  pillars: z.array(strategyNode),
  unaligned: z.array(strategyNode).describe('Objectives without a pillar'),
});

export const projectSummary = z.object({
  id,
  name: z.string(),
  status: z.string(),
  deadline: z.string().nullable(),
  progress: z.number().nullable(),
});
export const taskSummary = z.object({
  id,
  title: z.string(),
  status: z.string(),
  assigneeId: id.nullable(),
  deadline: z.string().nullable(),
  estimateHours: z.number().nullable(),
});
export const goalDetail = goal.extend({
  pillar: z.object({ id, name: z.string() }).nullable(),
  ancestors: z
    .array(z.object({ id, title: z.string(), kind: goalKind }))
    .describe('From the top-level objective down to the parent'),
  children: z.array(goal),
  projects: z.array(projectSummary),
  tasks: z.array(taskSummary).describe('Tasks attached directly to this goal'),
  checkIns: z.array(checkIn),
});
export type GoalDetail = z.infer<typeof goalDetail>;

/** Decompose a goal into projects and their tasks in one request (one transaction). */
export const decomposeBody = z.object({
  projects: z
    .array(
      z.object({
        name,
        deadline: dateInput.nullable().optional(),
        managerId: id.nullable().optional(),
        tasks: z
          .array(
            z.object({
              title: name,
              estimateHours: taskHours.nullable().optional(),
              skillId: id.nullable().optional(),
              deadline: dateInput.nullable().optional(),
              assigneeId: id.nullable().optional(),
            }),
          )
          .max(200)
          .default([]),
      }),
    )
    .max(50)
    .default([]),
  tasks: z
    .array(z.object({ title: name, estimateHours: taskHours.nullable().optional() }))
    .max(200)
    .default([])
    .describe('Tasks attached directly to the goal'),
});
