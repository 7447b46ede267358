/** People (profiles), skills, teams, clients, time off. */
import { z } from 'zod';
import {
  dateInput,
  expectedVersion,
  hours,
  id,
  isoDate,
  isoDateTime,
  money,
  name,
  pageOffset,
  plainString,
  recordVersion,
  skillLevel,
} from './common';
import { role } from './auth';
import { holidayRegionCode, holidays } from './holidays';

export const skill = z.object({ id, name: z.string() });
export const createSkillBody = z.object({ name });

export const personSkill = z.object({ skillId: id, level: skillLevel });
export const growthGoal = z.object({ skillId: id, targetLevel: skillLevel });
export const tag = plainString().trim().min(1).max(80);

export const timeOff = z.object({
  id,
  personId: id,
  startDate: isoDate,
  endDate: isoDate,
  reason: z.string(),
});
export const createTimeOffBody = z
  .object({ startDate: dateInput, endDate: dateInput, reason: plainString().max(200).default('') })
  .refine((t) => t.endDate >= t.startDate, { message: 'must not be before startDate', path: ['endDate'] });

export const person = z.object({
  id,
  name: z.string(),
  email: z.string().nullable(),
  title: z.string(),
  managerId: id.nullable(),
  teamId: id.nullable(),
  capacityHoursPerWeek: z.number(),
  costRate: z
    .number()
    .nullable()
    .describe(
      'Per hour; null unless the caller may see it: planning.view roles, the person, and their manager',
    ),
  billRate: z.number().nullable().describe('Per hour; visible to the same people as costRate'),
  skills: z.array(personSkill),
  passions: z.array(z.string()),
  values: z.array(z.string()),
  growthGoals: z.array(growthGoal),
  timeOff: z.array(timeOff),
  holidayRegion: holidayRegionCode
    .nullable()
    .describe("The person's own holiday region; null: the organization's"),
  holidays: holidays.describe(
    'The public holidays that are their days off: of their own region, else of the organization',
  ),
  role: role.nullable().describe('Sign-in role, when this person has an account'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: recordVersion,
});
export type Person = z.infer<typeof person>;

export const createPersonBody = z.object({
  name,
  email: z.email().max(254).nullable().optional(),
  title: plainString().max(120).default(''),
  managerId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  capacityHoursPerWeek: hours.max(80, 'must be at most 80').default(40),
  costRate: money.default(0),
  billRate: money.default(0),
  skills: z.array(personSkill).max(50).default([]),
  passions: z.array(tag).max(20).default([]),
  values: z.array(tag).max(20).default([]),
  growthGoals: z.array(growthGoal).max(20).default([]),
  holidayRegion: holidayRegionCode.nullable().default(null),
});
export const updatePersonBody = z.object({
  name: name.optional(),
  email: z.email().max(254).nullable().optional(),
  title: plainString().max(120).optional(),
  managerId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  capacityHoursPerWeek: hours.max(80, 'must be at most 80').optional(),
  costRate: money.optional(),
  billRate: money.optional(),
  skills: z.array(personSkill).max(50).optional(),
  passions: z.array(tag).max(20).optional(),
  values: z.array(tag).max(20).optional(),
  growthGoals: z.array(growthGoal).max(20).optional(),
  holidayRegion: holidayRegionCode.nullable().optional(),
  version: expectedVersion,
});
export const personListQuery = z.object({
  teamId: id.optional(),
  managerId: id.optional(),
  skillId: id.optional(),
  q: plainString().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: pageOffset,
});

export const team = z.object({
  id,
  name: z.string(),
  leadId: id.nullable(),
  memberCount: z.number().int(),
  version: recordVersion,
});
export const createTeamBody = z.object({ name, leadId: id.nullable().optional() });
export const updateTeamBody = createTeamBody.partial().extend({ version: expectedVersion });

export const client = z.object({
  id,
  name: z.string(),
  ownerId: id.nullable(),
  projectCount: z.number().int(),
  version: recordVersion,
});
export const createClientBody = z.object({ name, ownerId: id.nullable().optional() });
export const updateClientBody = createClientBody.partial().extend({ version: expectedVersion });
export const timeOffParams = z.object({ id, timeOffId: id });
