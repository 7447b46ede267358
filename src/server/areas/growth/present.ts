import type { MilestoneRow } from './repo';

export const presentMilestone = (row: MilestoneRow) => ({
  id: row.id,
  skillId: row.skill_id,
  title: row.title,
  dueDate: row.due_date,
  isDone: row.done_at !== null,
  doneAt: row.done_at,
  createdAt: row.created_at,
  version: Number(row.version),
});
