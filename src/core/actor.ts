import type { Role } from './roles';

/** Who is acting: resolved once per request (session or API token) and passed to every use case. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  /** The person profile of this account (null for an account without a profile). */
  personId: string | null;
}
