/**
 * Liveness and readiness, for a process manager and a load balancer. Both are public, cheap and
 * documented in the OpenAPI document; neither touches the sign-in limiter.
 *
 * - `GET /api/health` (liveness): the process is up and its event loop answers. It reads nothing, so
 *   a slow or unreachable database does not get a healthy process restarted, and overload protection
 *   (overload.ts) never refuses it.
 * - `GET /api/ready` (readiness): every dependency answers — the database a trivial query, and each
 *   check added to `readinessChecks` — each within a second; otherwise 503 `unavailable` with
 *   Retry-After and which check failed. It also answers 503 while the server drains to stop, and when
 *   it is overloaded, so a load balancer sends the work elsewhere.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { errorBody } from '../../core/schemas/common';
import type { Dialect } from '../../db/connect';
import type { DB } from '../deps';
import type { App } from './types';

export interface ReadinessCheck {
  /** What is checked, as the answer names it: `database`, `planQueue`, … */
  name: string;
  /** Resolves when it can serve; rejects (or takes longer than a second) when it cannot. */
  check(): Promise<void>;
}

/** The database answers a trivial query. */
export function databaseReadiness(db: DB): ReadinessCheck {
  return {
    name: 'database',
    async check() {
      await sql`select 1`.execute(db);
    },
  };
}

const CHECK_TIMEOUT_MS = 1000;
const RETRY_AFTER_SECONDS = 5;

const readinessAnswer = z.object({
  status: z.literal('ready'),
  checks: z.array(z.object({ name: z.string(), ok: z.literal(true), ms: z.number() })),
});

async function run(check: ReadinessCheck): Promise<{ name: string; ms: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { name: check.name, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name: check.name, ms: Math.round(performance.now() - started), error: reason };
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(
  app: App,
  options: { dialect: Dialect; checks: readonly ReadinessCheck[] },
): void {
  const tags = ['system'];
  app.get(
    '/api/health',
    {
      // liveness: overload protection must never get a working process restarted
      config: { public: true, isLiveness: true },
      schema: {
        tags,
        summary: 'Liveness: the process is up (reads nothing)',
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, database: options.dialect }),
  );
  app.get(
    '/api/ready',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Readiness: the database and every other dependency answer',
        description:
          'Each check must answer within a second. 503 `unavailable` (with Retry-After and ' +
          '`details.checks`) when one does not, while the server drains to stop, or when it is overloaded.',
        response: { 200: readinessAnswer, 503: errorBody },
      },
    },
    async (request) => {
      const results = await Promise.all(options.checks.map(run));
      const failed = results.filter((r) => r.error !== undefined);
      if (failed.length > 0) {
        request.log.warn({ checks: failed }, 'not ready');
        throw new AppError(
          'unavailable',
          `Not ready: ${failed.map((r) => `${r.name} (${r.error})`).join(', ')}`,
          { retryAfterSeconds: RETRY_AFTER_SECONDS, checks: results },
        );
      }
      return {
        status: 'ready' as const,
        checks: results.map((r) => ({ name: r.name, ok: true as const, ms: r.ms })),
      };
    },
  );
}
