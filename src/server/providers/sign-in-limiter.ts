/**
 * Sign-in throttling that slows guessing without locking out the innocent. Only failed sign-ins
 * count (an office of 50 people behind one address signs in freely), and a failure slows the next
 * try by backoff rather than a fixed lock-out:
 *
 * - per account and address: 5 failures are free, then each next try waits 1, 2, 4 … s (at most
 *   15 min). Someone guessing a colleague's password from their own machine slows only themselves.
 * - per address: 30 failures in 15 minutes, then that address waits for the window to end: one
 *   machine cannot walk through many accounts.
 * - per account from anywhere: 100 failures in an hour are free, then backoff up to 5 min. This is the
 *   only limit one person can put on another's account, and it takes a hundred tries from more
 *   addresses than the per-address limit lets one machine make.
 *
 * A success clears the account's counts. The counters are rate-limiter-flexible limiters, and where
 * they live follows the database (`signInLimiterFor`): in memory for the single SQLite process; on
 * PostgreSQL in the table sign_in_limits (migration 0013), so every process serving the database counts
 * the same failures and a guesser gains nothing by spreading tries over them.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';

export interface SignInAttempt {
  /** The client address (behind a proxy: as `trustProxy` lets Fastify read it). */
  ip: string;
  /** The email tried, lower-cased. */
  account: string;
}

export interface SignInLimiter {
  /** Seconds to wait before this attempt may be checked; 0 when it may go ahead now. */
  waitSeconds(attempt: SignInAttempt): Promise<number>;
  failed(attempt: SignInAttempt): Promise<void>;
  succeeded(attempt: SignInAttempt): Promise<void>;
}

export const signInRules = {
  pairFreeFailures: 5,
  pairMaxWaitSeconds: 15 * 60,
  ipFailures: 30,
  ipWindowSeconds: 15 * 60,
  accountFreeFailures: 100,
  accountMaxWaitSeconds: 5 * 60,
  /** How long failures are remembered for the backoff counts. */
  memorySeconds: 60 * 60,
} as const;

/** Seconds to wait after the `failures`-th failure: nothing while free, then 1, 2, 4 … up to `max`. */
export function backoffSeconds(failures: number, free: number, max: number): number {
  if (failures <= free) return 0;
  return Math.min(max, 2 ** Math.min(30, failures - free - 1));
}

/** Makes one named limiter with `points` per `durationSeconds`; the store decides where counts live. */
export type SignInStores = (name: string, points: number, durationSeconds: number) => RateLimiterAbstract;

export const memoryStores: SignInStores = (name, points, durationSeconds) =>
  new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });

/**
 * Counters in PostgreSQL's sign_in_limits table, shared by every process. The library's queries go
 * through the app's own connection pool (a `pool`-shaped adapter over Kysely), and the table comes from
 * a migration (`tableCreated`), so nothing is created at run time. Keys carry the limiter's name as a
 * prefix, so the five limiters share the table; one of them deletes rows expired for an hour, every
 * five minutes (the library's timer, which does not keep a process alive).
 */
export function postgresStores(db: Kysely<Database>): SignInStores {
  const client = {
    async query(query: { text: string; values?: unknown[] }) {
      const result = await db.executeQuery(CompiledQuery.raw(query.text, query.values ?? []));
      return {
        rows: result.rows,
        rowCount: result.numAffectedRows === undefined ? result.rows.length : Number(result.numAffectedRows),
      };
    },
  };
  let isFirst = true;
  return (name, points, durationSeconds) => {
    const clearExpiredByTimeout = isFirst;
    isFirst = false;
    return new RateLimiterPostgres({
      storeClient: client,
      storeType: 'pool',
      tableName: 'sign_in_limits',
      tableCreated: true,
      clearExpiredByTimeout,
      keyPrefix: name,
      points,
      duration: durationSeconds,
    });
  };
}

/** The limiter for a database: shared through PostgreSQL, in memory for SQLite's single process. */
export function signInLimiterFor(db: Pick<Db, 'db' | 'dialect'>): SignInLimiter {
  return signInLimiter(db.dialect === 'postgres' ? postgresStores(db.db) : memoryStores);
}

export function signInLimiter(stores: SignInStores = memoryStores): SignInLimiter {
  const r = signInRules;
  const pairFailures = stores('signin-pair', Number.MAX_SAFE_INTEGER, r.memorySeconds);
  const pairWait = stores('signin-pair-wait', 1, r.pairMaxWaitSeconds);
  const accountFailures = stores('signin-account', Number.MAX_SAFE_INTEGER, r.memorySeconds);
  const accountWait = stores('signin-account-wait', 1, r.accountMaxWaitSeconds);
  const ipFailures = stores('signin-ip', r.ipFailures, r.ipWindowSeconds);
  const pairKey = (a: SignInAttempt) => `${a.account}|${a.ip}`;

  /** Seconds left on a key that is over its limit (blocked, or out of points), else 0. */
  async function secondsLeft(limiter: RateLimiterAbstract, key: string): Promise<number> {
    const res = await limiter.get(key);
    if (!res || res.msBeforeNext <= 0 || res.consumedPoints < limiter.points) return 0;
    return Math.ceil(res.msBeforeNext / 1000);
  }

  return {
    async waitSeconds(attempt) {
      const waits = await Promise.all([
        secondsLeft(pairWait, pairKey(attempt)),
        secondsLeft(accountWait, attempt.account),
        secondsLeft(ipFailures, attempt.ip),
      ]);
      return Math.max(...waits);
    },
    async failed(attempt) {
      const [pair, account] = await Promise.all([
        pairFailures.penalty(pairKey(attempt)),
        accountFailures.penalty(attempt.account),
        ipFailures.penalty(attempt.ip),
      ]);
      const pairSeconds = backoffSeconds(pair.consumedPoints, r.pairFreeFailures, r.pairMaxWaitSeconds);
      const accountSeconds = backoffSeconds(
        account.consumedPoints,
        r.accountFreeFailures,
        r.accountMaxWaitSeconds,
      );
      if (pairSeconds > 0) await pairWait.block(pairKey(attempt), pairSeconds);
      if (accountSeconds > 0) await accountWait.block(attempt.account, accountSeconds);
    },
    async succeeded(attempt) {
      await Promise.all([
        pairFailures.delete(pairKey(attempt)),
        pairWait.delete(pairKey(attempt)),
        accountFailures.delete(attempt.account),
        accountWait.delete(attempt.account),
      ]);
    },
  };
}
