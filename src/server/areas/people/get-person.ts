import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { Person } from '../../../core/schemas/people';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { presentPerson } from './present-person';
import * as repo from './repo';

export async function getPerson(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<Person> {
  const row = await repo.findPersonRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Person');
  return presentPerson(deps.db, actor, row, today(deps.clock));
}
