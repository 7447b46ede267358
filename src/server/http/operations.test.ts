import { afterEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connect';
import { describeBackends } from '../../test/backends';
import { inject, plainHasher } from '../../test/world';
import { inProcessRunner } from '../areas/planning/runner';
import { buildApp } from '../app';
import type { OverloadOptions } from './operations';

describeBackends('liveness, readiness and overload', (backend) => {
  let db: Db | null = null;
  let app: FastifyInstance | null = null;

  async function start(overload?: OverloadOptions): Promise<FastifyInstance> {
    db = await backend.connect();
    app = await buildApp({
      db,
      passwords: plainHasher,
      planRunner: inProcessRunner,
      ...(overload ? { overload } : {}),
    });
    return app;
  }

  afterEach(async () => {
    await app?.close();
    await db?.close().catch(() => undefined);
    app = null;
    db = null;
  });

  it('answers liveness and readiness without signing in', async () => {
    const server = await start();
    const health = await inject(server, { method: 'GET', url: '/api/health' });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: backend.name });
    const ready = await inject(server, { method: 'GET', url: '/api/ready' });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', queue: 'ok' } });
  });

  it('is not ready once its database is gone, and still alive', async () => {
    const server = await start();
    await db!.close();
    const ready = await inject(server, { method: 'GET', url: '/api/ready' });
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not-ready', checks: { database: 'failing' } });
    const health = await inject(server, { method: 'GET', url: '/api/health' });
    expect(health.status).toBe(200);
  });

  it('refuses requests at once with 503 and Retry-After while its event loop lags, and stays alive', async () => {
    const server = await start({ maxEventLoopDelayMs: 20, retryAfterSeconds: 7, sampleIntervalMs: 50 });
    // sustained overload: synchronous work on the request thread takes most of each 100 ms
    const busy = setInterval(() => {
      const until = Date.now() + 80;
      while (Date.now() < until) {
        // busy
      }
    }, 10);
    let refused: Awaited<ReturnType<typeof inject>> | null = null;
    let alive: number | null = null;
    try {
      for (let i = 0; i < 40 && refused === null; i++) {
        const res = await inject(server, { method: 'GET', url: '/api/goals' });
        if (res.status !== 401) refused = res;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // a busy process is alive: liveness answers even now
      alive = (await inject(server, { method: 'GET', url: '/api/health' })).status;
    } finally {
      clearInterval(busy);
    }
    expect(refused?.status).toBe(503);
    expect(alive).toBe(200);
    expect(refused?.headers['retry-after']).toBe('7');
    expect(refused?.body).toEqual({
      error: { code: 'overloaded', message: 'The server is overloaded; try again in 7 seconds' },
    });
    // once the lag is gone, requests are served again (here: 401, not signed in)
    await new Promise((resolve) => setTimeout(resolve, 300));
    const served = await inject(server, { method: 'GET', url: '/api/goals' });
    expect(served.status).toBe(401);
  });
});
