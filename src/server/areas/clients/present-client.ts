import type { ClientRow } from './repo';

export const presentClient = (row: ClientRow) => ({
  id: row.id,
  name: row.name,
  ownerId: row.owner_id,
  // COUNT(*) arrives as a string from PostgreSQL
  projectCount: Number(row.project_count ?? 0),
  version: Number(row.version),
});
