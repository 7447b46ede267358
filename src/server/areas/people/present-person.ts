/**
 * The person presenter: a profile row plus its skills, growth goals, time off, public holidays (their
 * own region's, else the organization's) and sign-in role.
 */
import type { Actor } from '../../../core/actor';
import { roles, type Role } from '../../../core/roles';
import type { Person } from '../../../core/schemas/people';
import type { DB } from '../../deps';
import { holidaysOf } from '../holidays/holidays-of';
import { findOrganizationRegion } from '../holidays/repo';
import { canSeeRates } from './access';
import * as repo from './repo';

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Presents a page of people, as `viewer` may see them, with one query per relation for all of them. */
export async function presentPeople(
  db: DB,
  viewer: Actor,
  rows: readonly repo.PersonRow[],
  today: string,
): Promise<Person[]> {
  const orgId = viewer.orgId;
  const ids = rows.map((r) => r.id);
  const [skills, growthGoals, timeOff, accounts, orgRegion] = await Promise.all([
    repo.listSkillsOf(db, orgId, ids),
    repo.listGrowthGoalsOf(db, orgId, ids),
    repo.listTimeOffOf(db, orgId, ids),
    repo.listAccountRolesOf(db, orgId, ids),
    findOrganizationRegion(db, orgId),
  ]);
  const holidaysBy = new Map<string | null, Person['holidays']>();
  const holidaysFor = (region: string | null) => {
    let found = holidaysBy.get(region);
    if (!found) holidaysBy.set(region, (found = holidaysOf(region, today)));
    return found;
  };
  const skillsBy = groupBy(skills, (s) => s.person_id);
  const goalsBy = groupBy(growthGoals, (g) => g.person_id);
  const timeOffBy = groupBy(timeOff, (t) => t.person_id);
  const roleBy = new Map<string, Role>();
  for (const account of accounts) {
    if (account.person_id && !roleBy.has(account.person_id) && isRole(account.role))
      roleBy.set(account.person_id, account.role);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    managerId: row.manager_id,
    teamId: row.team_id,
    capacityHoursPerWeek: Number(row.capacity_hours_per_week),
    ...(canSeeRates(viewer, row)
      ? { costRate: Number(row.cost_rate), billRate: Number(row.bill_rate) }
      : { costRate: null, billRate: null }),
    skills: (skillsBy.get(row.id) ?? []).map((s) => ({ skillId: s.skill_id, level: Number(s.level) })),
    passions: parseTags(row.passions),
    values: parseTags(row.person_values),
    growthGoals: (goalsBy.get(row.id) ?? []).map((g) => ({
      skillId: g.skill_id,
      targetLevel: Number(g.target_level),
    })),
    timeOff: (timeOffBy.get(row.id) ?? []).map(presentTimeOff),
    holidayRegion: row.holiday_region,
    holidays: holidaysFor(row.holiday_region ?? orgRegion),
    role: roleBy.get(row.id) ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  }));
}

export async function presentPerson(
  db: DB,
  viewer: Actor,
  row: repo.PersonRow,
  today: string,
): Promise<Person> {
  const [person] = await presentPeople(db, viewer, [row], today);
  return person!;
}

export const presentTimeOff = (row: {
  id: string;
  person_id: string;
  start_date: string;
  end_date: string;
  reason: string;
}) => ({
  id: row.id,
  personId: row.person_id,
  startDate: row.start_date,
  endDate: row.end_date,
  reason: row.reason,
});
