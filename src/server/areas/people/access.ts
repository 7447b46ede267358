/**
 * Who may change a profile: people.write (owner, leader) may change anyone; a person's manager may
 * change their direct reports; everyone may change their own profile except the fields below. Who
 * sees a profile's cost and bill rates: see canSeeRates.
 */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';
import type { PersonRow } from './repo';

export type ProfileAccess = 'full' | 'self' | 'none';

/**
 * Fields a person may not change on their own profile: reporting line, team, money and capacity (whose
 * public holidays are their days off is capacity too: the planner books their time by it).
 */
export const managedFields = [
  'managerId',
  'teamId',
  'capacityHoursPerWeek',
  'costRate',
  'billRate',
  'holidayRegion',
] as const;

export function profileAccess(actor: Actor, person: Pick<PersonRow, 'id' | 'manager_id'>): ProfileAccess {
  if (can(actor.role, 'people.write')) return 'full';
  if (actor.personId !== null && person.manager_id === actor.personId) return 'full';
  if (actor.personId !== null && person.id === actor.personId) return 'self';
  return 'none';
}

/**
 * Cost and bill rates are pay and price, not profile facts: they are shown to the roles that read
 * budgets (planning.view: a budget is rates × hours, so hiding them there would hide nothing), to
 * the person themself and to whoever may edit the profile (their manager sets them). Everyone else
 * reads null.
 */
export function canSeeRates(actor: Actor, person: Pick<PersonRow, 'id' | 'manager_id'>): boolean {
  return can(actor.role, 'planning.view') || profileAccess(actor, person) !== 'none';
}
