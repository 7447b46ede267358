/** A person's own pulse check-in for the running week: only they ever see their answers. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden } from '../../../core/errors';
import { addDaysIso, weekOf } from '../../../core/people-side';
import type { myPulse, putPulseBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { findPersonRow } from '../people/repo';
import * as repo from './repo';

const present = (row: repo.OwnAnswerRow) => ({
  period: row.period,
  energy: Number(row.energy),
  workload: Number(row.workload),
  comment: row.comment,
  updatedAt: row.updated_at,
});

export async function getMyPulse(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<z.infer<typeof myPulse>> {
  const period = weekOf(today(deps.clock));
  if (actor.personId === null) return { period, closesOn: addDaysIso(period, 6), current: null, recent: [] };
  const rows = await repo.listOwnAnswers(deps.db, actor.orgId, actor.personId, 13);
  const current = rows.find((r) => r.period === period);
  return {
    period,
    closesOn: addDaysIso(period, 6),
    current: current ? present(current) : null,
    recent: rows.filter((r) => r.period !== period).map(present),
  };
}

/** Answer (or change the answer) for the running week; closed weeks never change. */
export async function answerPulse(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: z.output<typeof putPulseBody>,
): Promise<z.infer<typeof myPulse>> {
  if (actor.personId === null) throw forbidden('Link your account to a profile to answer the pulse');
  const person = await findPersonRow(deps.db, actor.orgId, actor.personId);
  if (!person) throw forbidden('Link your account to a profile to answer the pulse');
  const period = weekOf(today(deps.clock));
  const now = isoNow(deps.clock);
  const existing = await repo.findOwnAnswer(deps.db, actor.orgId, actor.personId, period);
  if (existing)
    await repo.updateOwnAnswer(deps.db, actor.orgId, actor.personId, period, {
      energy: input.energy,
      workload: input.workload,
      comment: input.comment,
      team_id: person.team_id,
      updated_at: now,
    });
  else
    await repo.insertAnswer(deps.db, {
      id: newId(),
      orgId: actor.orgId,
      personId: actor.personId,
      teamId: person.team_id,
      period,
      energy: input.energy,
      workload: input.workload,
      comment: input.comment,
      now,
    });
  return getMyPulse(deps, actor);
}
