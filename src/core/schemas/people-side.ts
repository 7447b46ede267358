/**
 * The leader's side: organization values and kudos, 1:1s, growth plans, talent review, pulse,
 * skills self-assessment and 360. Who may read each record is in src/core/people-permissions.ts.
 */
import { z } from 'zod';
import { assessmentSkills, cadences, type AssessmentSkill } from '../people-side';
import {
  dateInput,
  expectedVersion,
  id,
  isoDate,
  isoDateTime,
  page,
  pageQuery,
  plainString,
  recordVersion,
} from './common';
import { growthGoal } from './people';

const shortText = (max: number) => plainString().trim().min(1, 'must not be empty').max(max);
const count = z.number().int();

// ------------------------------------------------------------------------------------------ values

export const orgValue = z.object({
  id,
  name: z.string(),
  description: z.string(),
  position: count,
  kudosCount: count.describe('Kudos tied to this value'),
  version: recordVersion,
});
export const createOrgValueBody = z.object({
  name: shortText(60),
  description: plainString().max(500).default(''),
});
export const updateOrgValueBody = z.object({
  name: shortText(60).optional(),
  description: plainString().max(500).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  version: expectedVersion,
});

// ------------------------------------------------------------------------------------------ kudos

export const kudos = z.object({
  id,
  fromId: id,
  toId: id,
  message: z.string(),
  valueId: id.nullable(),
  helpedOthers: z.boolean().describe('Given for helping the giver or others'),
  createdAt: isoDateTime,
});
export const createKudosBody = z.object({
  toId: id,
  message: shortText(1000),
  valueId: id.nullable().optional(),
  helpedOthers: z.boolean().default(false),
});
export const kudosListQuery = pageQuery.extend({
  personId: id.optional().describe('Only kudos this person received'),
  fromId: id.optional().describe('Only kudos this person gave'),
  valueId: id.optional(),
});
export const recognition = z.object({
  personId: id,
  received: count,
  givers: count.describe('How many different people gave them kudos'),
  given: count,
  helpedOthers: count,
  byValue: z.array(z.object({ valueId: id, name: z.string(), count })),
  recent: z.array(kudos),
});

// ------------------------------------------------------------------------------------------ 1:1s

export const oneOnOneKind = z.enum(['manager', 'mentor']);
export const cadence = z.enum(cadences);
export const meetingStatus = z.enum(['upcoming', 'held']);

export const oneOnOne = z.object({
  id,
  kind: oneOnOneKind,
  managerId: id.describe('The manager (or mentor) who holds the 1:1'),
  reportId: id.describe('The report (or mentee)'),
  myRole: z.enum(['manager', 'report']),
  cadence,
  cadenceDays: count,
  isActive: z.boolean(),
  lastHeldOn: isoDate.nullable(),
  nextMeeting: z.object({ id, date: isoDate }).nullable(),
  dueBy: isoDate.describe('The date by which the next 1:1 keeps the cadence'),
  daysOverdue: count.describe('Days past dueBy without a 1:1 (0 when on cadence)'),
  openActionItems: count,
  createdAt: isoDateTime,
  version: recordVersion,
});
export const createOneOnOneBody = z.object({
  reportId: id,
  kind: oneOnOneKind.default('manager'),
  cadence: cadence.default('fortnightly'),
  firstDate: dateInput.optional(),
});
export const updateOneOnOneBody = z.object({
  cadence: cadence.optional(),
  isActive: z.boolean().optional(),
  version: expectedVersion,
});
export const oneOnOneListQuery = pageQuery.extend({
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const meetingSummary = z.object({
  id,
  date: isoDate,
  status: meetingStatus,
  heldAt: isoDateTime.nullable(),
  agendaCount: count,
  sharedNoteCount: count,
  version: recordVersion,
});
export const agendaItem = z.object({
  id,
  meetingId: id,
  authorId: id.nullable(),
  source: z.enum(['person', 'context']).describe('context: pre-filled by Tandem when the meeting was set up'),
  text: z.string(),
  isDiscussed: z.boolean(),
  createdAt: isoDateTime,
  version: recordVersion,
});
export const actionItem = z.object({
  id,
  meetingId: id.nullable(),
  ownerId: id.nullable(),
  text: z.string(),
  dueDate: isoDate.nullable(),
  isDone: z.boolean(),
  doneAt: isoDateTime.nullable(),
  createdBy: id.nullable(),
  createdAt: isoDateTime,
  version: recordVersion,
});
export const noteVisibility = z.enum(['shared', 'private']);
export const oneOnOneNote = z.object({
  id,
  meetingId: id,
  authorId: id,
  visibility: noteVisibility.describe('shared: both participants read it; private: only its author, ever'),
  body: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: recordVersion,
});

const contextTask = z.object({
  id,
  title: z.string(),
  status: z.string(),
  deadline: isoDate.nullable(),
  projectId: id.nullable(),
  projectName: z.string().nullable(),
  daysLate: count,
});
export const oneOnOneContext = z.object({
  personId: id,
  lateTasks: z.array(contextTask),
  blockedTasks: z.array(contextTask),
  workload: z.object({
    weekStart: isoDate,
    plannedHours: z
      .number()
      .describe('Hours the schedule puts in this week, from today on (the workload heatmap’s cell)'),
    capacityHours: z
      .number()
      .describe('Capacity this week from today on, days off removed (the workload heatmap’s capacity)'),
    loggedHours: z.number(),
    timeOffDays: count,
  }),
  growthGoals: z.array(z.object({ skillId: id, skillName: z.string(), level: count, targetLevel: count })),
  recentKudos: z.array(
    z.object({
      id,
      fromId: id,
      message: z.string(),
      valueName: z.string().nullable(),
      createdAt: isoDateTime,
    }),
  ),
});
export const oneOnOneDetail = oneOnOne.extend({
  meetings: z.array(meetingSummary),
  actionItems: z.array(actionItem).describe('Open ones, and those done in the last 30 days'),
  context: oneOnOneContext,
});
export const meetingDetail = z.object({
  meeting: meetingSummary,
  agenda: z.array(agendaItem),
  sharedNotes: z.array(oneOnOneNote),
  privateNotes: z.array(oneOnOneNote).describe('Only the caller’s own personal notes'),
});

export const createMeetingBody = z.object({ date: dateInput });
export const updateMeetingBody = z.object({
  date: dateInput.optional(),
  status: z.literal('held').optional().describe('Mark held: undiscussed agenda items move to the next 1:1'),
  version: expectedVersion,
});
export const createAgendaItemBody = z.object({ text: shortText(500) });
export const updateAgendaItemBody = z.object({
  text: shortText(500).optional(),
  isDiscussed: z.boolean().optional(),
  version: expectedVersion,
});
export const createNoteBody = z.object({ body: shortText(10_000), visibility: noteVisibility });
export const updateNoteBody = z.object({ body: shortText(10_000), version: expectedVersion });
export const createActionItemBody = z.object({
  text: shortText(500),
  ownerId: id,
  dueDate: dateInput.nullable().optional(),
  meetingId: id.nullable().optional(),
});
export const updateActionItemBody = z.object({
  text: shortText(500).optional(),
  ownerId: id.optional(),
  dueDate: dateInput.nullable().optional(),
  isDone: z.boolean().optional(),
  version: expectedVersion,
});
export const meetingParams = z.object({ id, meetingId: id });
export const itemParams = z.object({ id, itemId: id });
export const noteParams = z.object({ id, noteId: id });

// ------------------------------------------------------------------------------------------ growth

export const milestone = z.object({
  id,
  skillId: id.nullable(),
  title: z.string(),
  dueDate: isoDate.nullable(),
  isDone: z.boolean(),
  doneAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  version: recordVersion,
});
export const growthPlan = z.object({
  personId: id,
  mentorId: id.nullable(),
  aspiration: z.string(),
  skills: z.array(
    z.object({
      skillId: id,
      skillName: z.string(),
      level: count.describe('Current level (0 when new to the skill)'),
      targetLevel: count,
      evidence: z.object({
        doneTasks: count,
        hoursLogged: z.number(),
        recent: z.array(z.object({ id, title: z.string(), doneOn: isoDate })),
      }),
    }),
  ),
  milestones: z.array(milestone),
  plannerPreferences: z
    .array(z.object({ skillId: id, skillName: z.string(), weight: z.number(), explanation: z.string() }))
    .describe('What the planner reads from this plan and the passions (core/preferences.ts)'),
  canEdit: z.boolean(),
  canEditMilestones: z.boolean(),
  updatedAt: isoDateTime.nullable(),
  version: recordVersion.describe(
    "The plan's version (0 while the person has no plan yet): goes up by one with every change. Send it " +
      'back as `version` in the PUT so that an edit made from an older version is refused with 409 ' +
      'edit_conflict.',
  ),
});
export const putGrowthPlanBody = z.object({
  mentorId: id.nullable().optional(),
  aspiration: plainString().max(2000).optional(),
  skills: z.array(growthGoal).max(20).optional(),
  version: expectedVersion,
});
export const createMilestoneBody = z.object({
  title: shortText(200),
  skillId: id.nullable().optional(),
  dueDate: dateInput.nullable().optional(),
});
export const updateMilestoneBody = z.object({
  title: shortText(200).optional(),
  skillId: id.nullable().optional(),
  dueDate: dateInput.nullable().optional(),
  isDone: z.boolean().optional(),
  version: expectedVersion,
});
export const milestoneParams = z.object({ id, milestoneId: id });
export const mentee = z.object({
  personId: id,
  skills: z.array(z.object({ skillId: id, targetLevel: count })),
});

// ------------------------------------------------------------------------------------------ talent

const boxScore = z.number().int().min(1).max(3);
export const talentReview = z.object({
  id,
  personId: id,
  reviewerId: id.nullable(),
  performance: boxScore,
  potential: boxScore,
  box: z.string().describe('The 9-box name, e.g. "Future leader"'),
  note: z.string(),
  createdAt: isoDateTime,
});
export const talentGrid = z.object({
  scope: z.enum(['organization', 'chain']).describe('organization: owners and leaders; chain: their reports'),
  people: z.array(
    z.object({ personId: id, current: talentReview.nullable(), previous: talentReview.nullable() }),
  ),
});
export const personTalent = z.object({ personId: id, history: z.array(talentReview) });
export const createTalentReviewBody = z.object({
  performance: boxScore,
  potential: boxScore,
  note: plainString().max(2000).default(''),
});
export const emergingSignalKind = z.enum([
  'mentoring',
  'helping_kudos',
  'mentoring_one_on_ones',
  'goals_owned',
]);
export const emergingLeader = z.object({
  personId: id,
  signals: z.array(
    z.object({
      kind: emergingSignalKind,
      count,
      summary: z.string(),
      examples: z.array(z.string()),
    }),
  ),
});
export const emergingLeaders = page(emergingLeader).extend({ rule: z.string() });

// ------------------------------------------------------------------------------------------ pulse

const scale = z.number().int().min(1).max(5);
export const pulseCheckIn = z.object({
  period: isoDate,
  energy: scale,
  workload: scale,
  comment: z.string(),
  updatedAt: isoDateTime,
});
export const myPulse = z.object({
  period: isoDate.describe('The Monday of the running week'),
  closesOn: isoDate,
  current: pulseCheckIn.nullable(),
  recent: z.array(pulseCheckIn).describe('Your own earlier answers (only you see them)'),
});
export const putPulseBody = z.object({
  energy: scale,
  workload: scale,
  comment: plainString().trim().max(500).default(''),
});
export const pulseAggregate = z.object({
  respondents: count,
  energy: z.number(),
  workload: z.number(),
  overloadedShare: z.number(),
  lowEnergyShare: z.number(),
});
export const pulseResults = z.object({
  minGroupSize: count,
  currentPeriod: isoDate,
  periods: z.array(isoDate).describe('Closed weeks, oldest first'),
  organization: z.array(z.object({ period: isoDate, result: pulseAggregate.nullable() })),
  groups: z.array(
    z.object({
      teamId: id.nullable().describe('null: "Other teams"'),
      name: z.string(),
      series: z.array(
        z.object({
          period: isoDate,
          result: pulseAggregate.nullable(),
          mergedTeamNames: z.array(z.string()),
        }),
      ),
    }),
  ),
  comments: z
    .object({ period: isoDate, items: z.array(z.string()) })
    .nullable()
    .describe('Owners and leaders: the last closed week’s comments, unattributed, alphabetical, ≥ 5 answers'),
});
export const pulseResultsQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(12) });

// ------------------------------------------------------------------------------------------ assessments

const rating = z.number().int().min(1).max(5);
export const assessmentRatings = z.object(
  Object.fromEntries(assessmentSkills.map((s) => [s, rating])) as Record<AssessmentSkill, typeof rating>,
);
const meanRatings = z.object(
  Object.fromEntries(assessmentSkills.map((s) => [s, z.number().nullable()])) as Record<
    AssessmentSkill,
    z.ZodNullable<z.ZodNumber>
  >,
);
export const balance = z.object({
  leadership: z.number().nullable(),
  management: z.number().nullable(),
  lean: z.number().nullable(),
});
export const assessmentRequest = z.object({
  id,
  reviewerId: id,
  status: z.enum(['pending', 'answered', 'declined']),
  createdAt: isoDateTime,
  answeredAt: isoDateTime.nullable(),
});
export const assessment = z.object({
  id,
  status: z.enum(['open', 'closed']),
  createdAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  self: assessmentRatings.nullable(),
  selfBalance: balance,
  requests: z.array(assessmentRequest),
  peers: z
    .object({ respondents: count, ratings: meanRatings, balance })
    .nullable()
    .describe('Means of the peers’ answers: only after closing, and only with at least 3 answers'),
  peersNote: z.string().nullable(),
});
export const myAssessments = z.object({
  minPeerAnswers: count,
  current: assessment.nullable(),
  past: z.array(assessment),
});
export const putSelfRatingsBody = z.object({ ratings: assessmentRatings });
export const createAssessmentRequestsBody = z.object({ reviewerIds: z.array(id).min(1).max(12) });
export const requestForMe = z.object({
  id,
  personId: id.describe('Who asked for your view'),
  status: z.enum(['pending', 'answered', 'declined']),
  createdAt: isoDateTime,
  answeredAt: isoDateTime.nullable(),
  isOpen: z.boolean().describe('The round is still open for answers'),
});
export const answerRequestBody = z.object({ ratings: assessmentRatings });
export const requestParams = z.object({ id, requestId: id });

export type Kudos = z.infer<typeof kudos>;
export type OneOnOne = z.infer<typeof oneOnOne>;
export type OneOnOneDetail = z.infer<typeof oneOnOneDetail>;
export type MeetingDetail = z.infer<typeof meetingDetail>;
export type GrowthPlan = z.infer<typeof growthPlan>;
export type TalentReview = z.infer<typeof talentReview>;
export type PulseResults = z.infer<typeof pulseResults>;
export type Assessment = z.infer<typeof assessment>;
