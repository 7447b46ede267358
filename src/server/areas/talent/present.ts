import { nineBoxLabel } from '../../../core/people-side';
import type { TalentReview } from '../../../core/schemas/people-side';
import type { TalentRow } from './repo';

export const presentReview = (row: TalentRow): TalentReview => ({
  id: row.id,
  personId: row.person_id,
  reviewerId: row.reviewer_id,
  performance: Number(row.performance),
  potential: Number(row.potential),
  box: nineBoxLabel(Number(row.performance), Number(row.potential)),
  note: row.note,
  createdAt: row.created_at,
});
