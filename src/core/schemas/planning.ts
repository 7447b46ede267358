/** Planning: plan runs and their proposals, workload, deadline forecasts and budgets. */
import { z } from 'zod';
import { changeReasons } from '../plan-trade';
import { dateInput, id, isoDate, isoDateTime, page, pageOffset, pageQuery, plainString } from './common';

export const planRunStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const planRunStatus = z.enum(planRunStatuses);

export const planFigures = z.object({
  plannedTasks: z.number().int(),
  unplannedTasks: z
    .number()
    .int()
    .describe('Open tasks without a person or dates (current) or that cannot be placed (proposal)'),
  lateTasks: z.number().int(),
  latenessHours: z.number().describe('Working days after the deadline × 8 h, summed over late tasks'),
  overloadHours: z.number().describe('Hours planned beyond capacity, per person and week, summed'),
  growthAssignments: z.number().int().describe('Tasks given to someone who wants to grow that skill'),
  cost: z
    .number()
    .describe(
      'Remaining hours × the assignee’s cost rate (unassigned work: the average rate of those who could do it)',
    ),
  hours: z.number(),
});
export type PlanFiguresView = z.infer<typeof planFigures>;

export const planIssue = z.object({ message: z.string(), taskIds: z.array(id) });

export const changeReason = z
  .enum(changeReasons)
  .describe(
    'What a change buys. A new person: deadline (the task itself would be later with its person), room (its person’s time goes to work due sooner), overload (its person is overloaded now), unavailable (its person cannot do it). The same person: earlier, later. A task without a person: new',
  );

const count = z.number().int();
export const planChanges = z
  .object({
    deadline: count,
    room: count,
    overload: count,
    unavailable: count,
    earlier: count,
    later: count,
    new: count,
  })
  .describe('Changed tasks by what the change buys (see changeReason)');

export const planRun = z.object({
  id,
  status: planRunStatus,
  engineStatus: z
    .string()
    .nullable()
    .describe('The engine’s own status: optimal, feasible, timedout, cancelled …'),
  scope: z.object({
    projectIds: z.array(id).nullable().describe('null: the whole organization'),
    projectNames: z.array(z.string()),
  }),
  keepAssignees: z.boolean(),
  timeLimitMs: z.number().int(),
  createdAt: isoDateTime,
  createdByName: z.string().nullable(),
  startDate: isoDate.describe('The first working day of the plan'),
  progress: z.object({
    schedules: z.number().int(),
    elapsedMs: z.number().int(),
    fraction: z.number().describe('0–1: elapsed time against the time limit'),
    bestLatenessHours: z.number().nullable(),
  }),
  figures: z
    .object({
      current: planFigures,
      proposed: planFigures,
      changes: planChanges.optional(),
      withPerson: z.number().int().optional().describe('Placed tasks that have a person in the current plan'),
      trade: z
        .array(z.string())
        .optional()
        .describe('What the changes buy, in words: lateness, overload, changes of person and dates'),
    })
    .nullable(),
  taskCount: z.number().int(),
  changedCount: z.number().int(),
  unplaceableCount: z.number().int(),
  issues: z.array(planIssue),
  message: z.string().nullable(),
  finishedAt: isoDateTime.nullable(),
  appliedAt: isoDateTime.nullable(),
  appliedCount: z.number().int(),
});
export type PlanRun = z.infer<typeof planRun>;

const slot = z.object({
  personId: id.nullable(),
  personName: z.string().nullable(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
});

export const planProposal = z.object({
  taskId: id,
  title: z.string(),
  projectId: id.nullable(),
  projectName: z.string().nullable(),
  hours: z.number(),
  deadline: isoDate.nullable(),
  current: slot,
  proposed: slot.nullable().describe('null: the task cannot be placed (see unplaceable)'),
  currentLateHours: z.number().describe('Working hours after the deadline in the current plan (8 a day)'),
  proposedLateHours: z.number(),
  changesPerson: z.boolean(),
  changesDates: z.boolean(),
  isChanged: z.boolean(),
  isPinned: z.boolean(),
  isInProgress: z.boolean(),
  isGrowth: z.boolean(),
  changeReason: changeReason.nullable(),
  headline: z.string().describe('One plain-language sentence: who and why'),
  reasons: z.array(z.string()),
  unplaceable: z.string().nullable(),
  appliedAt: isoDateTime.nullable(),
});
export type PlanProposal = z.infer<typeof planProposal>;

export const createPlanRunBody = z.object({
  projectIds: z
    .array(id)
    .min(1, 'choose at least one project, or leave projectIds out to plan the whole organization')
    .max(200)
    .optional()
    .describe('Projects to plan; leave out to plan the whole organization’s open work'),
  timeLimitMs: z
    .number()
    .int()
    .min(500, 'must be at least 500 ms')
    .max(60_000, 'must be at most 60000 ms (one minute)')
    .optional()
    .describe(
      'Time the engine may search (default: from 2 s for a project up to 8 s for a large organization)',
    ),
  keepAssignees: z
    .boolean()
    .default(false)
    .describe('Keep every current assignee; only plan dates and fill gaps'),
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
});

export const planRunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: pageOffset,
});

const groupFilter = {
  projectId: id
    .optional()
    .describe('Only the tasks of this project (`none`: the tasks on no project, on a goal)'),
  personId: id
    .optional()
    .describe('Only the tasks this person has now or is proposed to have (`none`: the tasks nobody has now)'),
};

/** Which rows of a proposal to list, as the planner's review tabs name them. */
export const proposalShows = ['changes', 'person', 'late', 'unplaceable', 'all'] as const;

export const proposalListQuery = z.object({
  show: z
    .enum(proposalShows)
    .optional()
    .describe(
      'Which rows: `changes` (person or dates change), `person` (given to someone new), `late` (late as ' +
        'proposed), `unplaceable`, `all` (the default)',
    ),
  changedOnly: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only tasks whose person or dates change, and tasks that cannot be placed'),
  q: plainString()
    .trim()
    .max(200)
    .optional()
    .describe('Only rows whose task, project or person (now or proposed) contains this, ignoring case'),
  ...groupFilter,
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: pageOffset,
});

export const proposalCounts = z
  .object({
    changes: z.number().int(),
    person: z.number().int(),
    late: z.number().int(),
    unplaceable: z.number().int(),
    all: z.number().int(),
    pending: z.number().int().describe('Changes not applied yet'),
  })
  .describe(
    'Rows of the project or person asked for (else of the whole run) per `show`, whatever `show` and `q` are',
  );

export const proposalPage = page(planProposal).extend({ counts: proposalCounts });

export const applyPlanBody = z.object({
  taskIds: z
    .array(id)
    .min(1, 'choose at least one task, or leave taskIds out to apply every change')
    .max(50_000)
    .optional()
    .describe('Rows to apply; leave out to apply every change of the plan (or of the group named)'),
  ...groupFilter,
});

export const planGroupsQuery = z.object({
  by: z.enum(['project', 'person']).default('project'),
});

export const planGroup = z.object({
  key: id
    .nullable()
    .describe('The project or person id; null: tasks on no project, or (by person) without a person'),
  name: z.string(),
  tasks: z.number().int().describe('Tasks in the group (by person: now theirs or proposed to them)'),
  changes: z.number().int().describe('Rows that change (person or dates)'),
  pending: z.number().int().describe('Changes not applied yet'),
  unplaceable: z.number().int(),
  arriving: z.number().int().describe('By person: tasks that come to them from someone else or nobody'),
  leaving: z.number().int().describe('By person: tasks that go from them to someone else'),
  reasons: planChanges,
  lateTasksBefore: z.number().int(),
  lateTasksAfter: z.number().int(),
  lateHoursBefore: z.number(),
  lateHoursAfter: z.number(),
  overloadBefore: z.number().describe('By person: their overload in the current plan (h)'),
  overloadAfter: z.number(),
  summary: z.string().describe('What the group’s changes buy, in words'),
});
export type PlanGroup = z.infer<typeof planGroup>;

export const planGroups = z.object({
  by: z.enum(['project', 'person']),
  groups: z.array(planGroup),
});
export type PlanGroups = z.infer<typeof planGroups>;
export const applyPlanResult = z.object({ applied: z.number().int(), run: planRun });

// ---------------------------------------------------------------- workload

export const workloadQuery = z.object({
  from: dateInput.optional().describe('Any day of the first week (default: this week)'),
  weeks: z.coerce.number().int().min(1).max(26).default(8),
  teamId: id.optional(),
});

export const workload = z.object({
  weeks: z.array(isoDate).describe('Monday of each week'),
  people: z.array(
    z.object({
      personId: id,
      name: z.string(),
      teamId: id.nullable(),
      capacityHoursPerWeek: z.number(),
      capacity: z.array(z.number()).describe('Hours each week: capacity minus time off'),
      planned: z.array(z.number()),
      timeOffDays: z.array(z.number().int()),
      taskCount: z.array(z.number().int()),
    }),
  ),
  skills: z.array(
    z.object({
      skillId: id,
      name: z.string(),
      demand: z.array(z.number()).describe('Planned hours of tasks needing the skill'),
      supply: z.array(z.number()).describe('Capacity of the people who have the skill'),
      unscheduledHours: z.number().describe('Open work needing the skill that has no dates yet'),
    }),
  ),
  unscheduled: z.object({ tasks: z.number().int(), hours: z.number() }),
});
export type Workload = z.infer<typeof workload>;

// ---------------------------------------------------------------- forecasts

export const forecastDriver = z.object({
  taskId: id,
  title: z.string(),
  projectId: id.nullable(),
  projectName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  share: z.number().describe('Share of the bad outcomes in which this task was on the critical chain'),
  plannedEnd: isoDate.nullable(),
});

export const projectForecast = z.object({
  projectId: id,
  projectName: z.string(),
  deadline: isoDate.nullable(),
  probability: z
    .number()
    .nullable()
    .describe('Chance to finish by the deadline (null without deadline or open work)'),
  p50: isoDate.nullable(),
  p80: isoDate.nullable(),
  p95: isoDate.nullable(),
  planEnd: isoDate
    .nullable()
    .describe('When the schedule has the last task end (null when none of its open tasks has dates)'),
  againstPlan: z
    .array(z.string())
    .describe('Why the likely finish (p50) differs from the plan’s end, in words; empty when they agree'),
  openTasks: z.number().int(),
  unplannedTasks: z.number().int(),
  runs: z.number().int(),
  basis: z.object({
    kind: z.enum(['person', 'organization', 'none']),
    samples: z.number().int(),
    medianRatio: z.number().nullable(),
    text: z.string(),
  }),
  drivers: z.array(forecastDriver),
  taskDeadlines: z.array(
    z.object({
      taskId: id,
      title: z.string(),
      deadline: isoDate,
      probability: z.number(),
      assigneeName: z.string().nullable(),
    }),
  ),
  curve: z
    .array(z.object({ date: isoDate, probability: z.number() }))
    .describe('Chance to be done by each date'),
});
export type ProjectForecast = z.infer<typeof projectForecast>;

export const forecastListQuery = pageQuery.extend({
  scope: z
    .enum(['mine', 'all'])
    .default('mine')
    .describe('mine: projects you manage; all: every active project'),
});
export const forecastSummary = projectForecast.omit({ taskDeadlines: true, curve: true });

// ---------------------------------------------------------------- budgets

const money3 = z.object({ hours: z.number(), cost: z.number(), bill: z.number() });

export const projectBudget = z.object({
  projectId: id,
  projectName: z.string(),
  budgetHours: z.number().nullable(),
  budgetMoney: z.number().nullable(),
  logged: money3,
  remaining: money3,
  atCompletion: money3.describe('Logged + remaining estimates'),
  adjustedAtCompletion: money3
    .extend({ ratio: z.number() })
    .describe('Logged + remaining × the historical actual/estimate ratio'),
  pace: z.object({
    hoursPerWeek: z.number(),
    costPerWeek: z.number(),
    weeks: z.number().int().describe('Weeks the pace is measured over'),
  }),
  burn: z.number().nullable().describe('Logged cost (or hours) against the budget, 0–1+'),
  runOut: z.object({
    date: isoDate.nullable(),
    basis: z.enum(['money', 'hours']).nullable(),
    isExhausted: z.boolean(),
    text: z.string(),
  }),
  series: z.array(
    z.object({
      week: isoDate,
      loggedHours: z.number().nullable(),
      loggedCost: z.number().nullable(),
      plannedHours: z.number().nullable(),
      plannedCost: z.number().nullable(),
    }),
  ),
});
export type ProjectBudget = z.infer<typeof projectBudget>;
export const budgetSummary = projectBudget.omit({ series: true });
