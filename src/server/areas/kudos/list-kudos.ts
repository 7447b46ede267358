import type { Actor } from '../../../core/actor';
import type { Page } from '../../../core/schemas/common';
import type { Kudos } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { presentKudos } from './present';
import * as repo from './repo';

/** The organization's kudos feed, newest first; everyone in the organization reads it. */
export async function listKudos(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: repo.KudosFilters & { limit: number; offset: number },
): Promise<Page<Kudos>> {
  const { limit, offset, ...filters } = input;
  const [rows, total] = await Promise.all([
    repo.listKudosRows(deps.db, actor.orgId, filters, { limit, offset }),
    repo.countKudos(deps.db, actor.orgId, filters),
  ]);
  return { items: rows.map(presentKudos), total, limit, offset };
}
