import type { TeamRow } from './repo';

export const presentTeam = (row: TeamRow) => ({
  id: row.id,
  name: row.name,
  leadId: row.lead_id,
  // COUNT(*) arrives as a string from PostgreSQL
  memberCount: Number(row.member_count ?? 0),
  version: Number(row.version),
});
