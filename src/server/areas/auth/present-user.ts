import type { Role } from '../../../core/roles';

/** What leaves the server of a sign-in account: never its password hash. */
export const presentUser = (row: {
  id: string;
  email: string;
  role: string;
  person_id: string | null;
  created_at: string;
  name: string | null;
}) => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  personId: row.person_id,
  name: row.name ?? row.email,
  createdAt: row.created_at,
});
