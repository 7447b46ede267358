/**
 * What use cases may need. Routes pass each use case only the pieces it uses; tests build their own.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect';
import type { Database } from '../db/schema';
import type { PlanQueue } from './areas/planning/plan-queue';
import type { Clock } from './providers/clock';
import type { EventBus } from './providers/events';
import type { PasswordHasher } from './providers/passwords';
import type { SignInLimiter } from './providers/sign-in-limiter';

export type DB = Kysely<Database>;

export interface Deps {
  db: DB;
  dialect: Dialect;
  clock: Clock;
  passwords: PasswordHasher;
  signInLimiter: SignInLimiter;
  /** Where plan runs wait and run (areas/planning/compose.ts chooses it for the database). */
  planQueue: PlanQueue;
  /** Where writes announce what they changed, for the open event streams (GET /api/events). */
  events: EventBus;
}
