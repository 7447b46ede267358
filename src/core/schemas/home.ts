/** The role-aware home: one payload, sections filled by role (leader: vision/goals; manager: projects and deadlines; everyone: my work). */
import { z } from 'zod';
import { id, isoDate } from './common';
import { role } from './auth';
import { taskAbilities } from './work';

const goalGlance = z.object({
  id,
  title: z.string(),
  kind: z.string(),
  progress: z.number().nullable(),
  isStretch: z.boolean(),
  horizon: z.string(),
  ownerName: z.string().nullable(),
  lastConfidence: z.number().nullable(),
});
const projectGlance = z.object({
  id,
  name: z.string(),
  status: z.string(),
  deadline: z.string().nullable(),
  progress: z.number().nullable(),
  lateCount: z.number().int(),
  openCount: z.number().int(),
  managerName: z.string().nullable(),
});
const taskGlance = z.object({
  id,
  title: z.string(),
  status: z.string(),
  deadline: z.string().nullable(),
  projectId: id.nullable(),
  projectName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  isLate: z.boolean(),
  can: taskAbilities.pick({ changeStatus: true }),
});

export const home = z.object({
  role,
  today: z.string(),
  leader: z
    .object({
      vision: z.string(),
      visionHorizon: z.string(),
      visionProgress: z.number().nullable(),
      pillars: z.array(
        z.object({ id, name: z.string(), progress: z.number().nullable(), objectiveCount: z.number().int() }),
      ),
      objectives: z.array(goalGlance),
      goalsWithoutWork: z
        .array(goalGlance)
        .describe('Active key results with no project or task: too long-term'),
      peopleCount: z.number().int(),
    })
    .nullable(),
  manager: z
    .object({
      projects: z.array(projectGlance),
      upcomingDeadlines: z.array(taskGlance).describe('Open tasks due in the next 14 days'),
      overdue: z.array(taskGlance),
      unassignedCount: z.number().int(),
    })
    .nullable(),
  member: z.object({
    myTasks: z.array(taskGlance),
    doneThisWeek: z.number().int(),
    week: z
      .object({
        weekStart: isoDate,
        plannedHours: z.number().describe('The schedule’s hours this week from today on (the workload cell)'),
        capacityHours: z.number().describe('Capacity this week from today on, days off removed'),
        tasks: z.array(
          taskGlance.extend({
            hours: z.number().describe('Hours the schedule puts in this week'),
            start: isoDate,
            finish: isoDate,
          }),
        ),
      })
      .describe('What the schedule has you do this week, in the order it has you start'),
  }),
});
export type Home = z.infer<typeof home>;
