/**
 * Who may change a profile: people.write (owner, leader) may change anyone; a person's manager may
 * change their direct reports; everyone may change their own profile except the fields below.
 */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';
import type { PersonRow } from './repo';

export type ProfileAccess = 'full' | 'self' | 'none';

/** Fields a person may not change on their own profile: reporting line, team, money and capacity. */
export const managedFields = ['managerId', 'teamId', 'capacityHoursPerWeek', 'costRate', 'billRate'] as const;

export function profileAccess(actor: Actor, person: Pick<PersonRow, 'id' | 'manager_id'>): ProfileAccess {
  if (can(actor.role, 'people.write')) return 'full';
  if (actor.personId !== null && person.manager_id === actor.personId) return 'full';
  if (actor.personId !== null && person.id === actor.personId) return 'self';
  return 'none';
}
