/** What leaves the server of an API token: never its hash. */
export const presentToken = (row: {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});
