import type { Kudos } from '../../../core/schemas/people-side';
import type { KudosRow, ValueRow } from './repo';

export const presentKudos = (row: KudosRow): Kudos => ({
  id: row.id,
  fromId: row.from_id,
  toId: row.to_id,
  message: row.message,
  valueId: row.value_id,
  helpedOthers: Number(row.helped_others) === 1,
  createdAt: row.created_at,
});

export const presentValue = (row: ValueRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  position: Number(row.position),
  kudosCount: Number(row.kudos_count ?? 0),
  version: Number(row.version),
});
