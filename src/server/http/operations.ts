/**
 * What an operator's load balancer and orchestrator ask of a process: liveness (`GET /api/health`:
 * the process answers; no database access, so a slow database never gets a live process restarted),
 * readiness (`GET /api/ready`: the database and the plan queue answer; 503 while either does not, so
 * the balancer sends requests elsewhere), and fast 503s with Retry-After when the process is
 * overloaded (its event loop lags), instead of requests that queue up and time out.
 */
import underPressure from '@fastify/under-pressure';
import { z } from 'zod';
import type { Deps } from '../deps';
import type { App } from './types';

export interface OverloadOptions {
  /** Refuse requests while the event loop lags by more than this (ms); 0 turns the check off. */
  maxEventLoopDelayMs: number;
  /** What Retry-After says (seconds). */
  retryAfterSeconds: number;
  /** How often the lag is measured (ms). */
  sampleIntervalMs: number;
}

export const defaultOverload: OverloadOptions = {
  maxEventLoopDelayMs: 1000,
  retryAfterSeconds: 5,
  sampleIntervalMs: 1000,
};

const check = z.enum(['ok', 'failing']);
const readiness = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.object({ database: check, queue: check }),
});

/** Within this long a check that has not answered counts as failing. */
const CHECK_TIMEOUT_MS = 2000;

async function passes(probe: () => Promise<unknown>): Promise<'ok' | 'failing'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch {
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

export async function registerOperations(
  app: App,
  deps: Pick<Deps, 'db' | 'dialect' | 'planQueue'>,
  overload: OverloadOptions,
): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: overload.maxEventLoopDelayMs,
    retryAfter: overload.retryAfterSeconds,
    sampleInterval: overload.sampleIntervalMs,
    pressureHandler: (_request, reply) => {
      void reply
        .status(503)
        .header('retry-after', String(overload.retryAfterSeconds))
        .send({
          error: {
            code: 'overloaded',
            message: `The server is overloaded; try again in ${overload.retryAfterSeconds} seconds`,
          },
        });
    },
  });

  app.get(
    '/api/health',
    {
      // liveness is answered even under pressure: a busy process is alive, not to be restarted
      config: { public: true, pressureHandler: () => undefined },
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers (no database access)',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: deps.dialect }),
  );

  app.get(
    '/api/ready',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database and the plan queue answer (503 while one does not)',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const [database, queue] = await Promise.all([
        passes(() => deps.db.selectFrom('meta').select('key').limit(1).execute()),
        passes(() => deps.planQueue.ready()),
      ]);
      const ready = database === 'ok' && queue === 'ok';
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not-ready', checks: { database, queue } });
    },
  );
}
