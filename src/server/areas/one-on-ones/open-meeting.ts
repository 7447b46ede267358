import type { DB } from '../../deps';
import { newId } from '../../providers/ids';
import { prefillAgenda } from '../../../core/one-on-one-agenda';
import { loadContext } from './load-context';
import * as repo from './repo';

/** Sets up the pair's next 1:1 on `date`, its agenda pre-filled from the report's current context. */
export async function openMeeting(
  db: DB,
  pair: Pick<repo.PairRow, 'id' | 'org_id' | 'report_id'>,
  date: string,
  today: string,
  now: string,
): Promise<string> {
  const id = newId();
  await repo.insertMeeting(db, {
    id,
    org_id: pair.org_id,
    pair_id: pair.id,
    date,
    status: 'upcoming',
    held_at: null,
    created_at: now,
    version: 1,
  });
  const context = await loadContext(db, pair.org_id, pair.report_id, today);
  await repo.insertAgendaItems(
    db,
    // a millisecond apart, so the agenda keeps the rule's order (late work first)
    prefillAgenda(context).map((text, i) => ({
      id: newId(),
      org_id: pair.org_id,
      pair_id: pair.id,
      meeting_id: id,
      author_id: null,
      source: 'context',
      text,
      is_discussed: 0,
      created_at: new Date(Date.parse(now) + i).toISOString(),
      version: 1,
    })),
  );
  return id;
}
