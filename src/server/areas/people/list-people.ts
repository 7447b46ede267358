import type { Actor } from '../../../core/actor';
import type { Page } from '../../../core/schemas/common';
import type { Person } from '../../../core/schemas/people';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { presentPeople } from './present-person';
import * as repo from './repo';

export interface ListPeopleInput extends repo.PersonFilters {
  limit: number;
  offset: number;
}

/** A page of the organization's people, by name. Everyone may read profiles. */
export async function listPeople(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: ListPeopleInput,
): Promise<Page<Person>> {
  const { limit, offset, ...filters } = input;
  const [rows, total] = await Promise.all([
    repo.listPeopleRows(deps.db, actor.orgId, filters, { limit, offset }),
    repo.countPeople(deps.db, actor.orgId, filters),
  ]);
  return { items: await presentPeople(deps.db, actor, rows, today(deps.clock)), total, limit, offset };
}
