import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { describeBackends } from '../../test/backends';
import { inject, makeWorld, plainHasher, type World } from '../../test/world';
import { buildApp } from '../app';

describeBackends('health, readiness and overload', (backend) => {
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });
  const world = async (): Promise<World> => {
    const made = await makeWorld(backend);
    closing.push(() => made.close());
    return made;
  };

  it('answers liveness without reading the database, and readiness only while the database answers', async () => {
    const { app, db } = await world();
    const ready = await inject(app, { method: 'GET', url: '/api/ready' });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'planQueue', ok: true },
      ],
    });

    await db.db.destroy(); // the database goes away under the running app
    const health = await inject(app, { method: 'GET', url: '/api/health' });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: backend.name });
    const notReady = await inject(app, { method: 'GET', url: '/api/ready' });
    expect(notReady.status).toBe(503);
    expect(notReady.headers['retry-after']).toBe('5');
    expect(notReady.body).toMatchObject({
      error: { code: 'unavailable', message: expect.stringMatching(/^Not ready: database/) as string },
    });
  });

  it('names the check that fails or takes longer than a second', async () => {
    const base = await world();
    const app = await buildApp({
      db: base.db,
      passwords: plainHasher,
      readinessChecks: [
        { name: 'search', check: () => new Promise(() => {}) },
        { name: 'mail', check: async () => Promise.reject(new Error('connection refused')) },
      ],
    });
    closing.push(() => app.close());
    const started = Date.now();
    const res = await inject(app, { method: 'GET', url: '/api/ready' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      error: {
        code: 'unavailable',
        message: 'Not ready: search (no answer within 1000 ms), mail (connection refused)',
        details: {
          checks: [
            { name: 'database' },
            { name: 'planQueue' },
            { name: 'search', error: 'no answer within 1000 ms' },
            { name: 'mail', error: 'connection refused' },
          ],
        },
      },
    });
  });

  it('answers 503 unavailable at once with Retry-After when overloaded, but still answers liveness', async () => {
    const base = await world();
    // any heap is "too much": the first sample puts the process under pressure
    const app = await buildApp({
      db: base.db,
      passwords: plainHasher,
      overload: { maxHeapUsedBytes: 1, sampleIntervalMs: 100, retryAfterSeconds: 3 },
    });
    closing.push(() => app.close());
    await sleep(250);
    for (const url of ['/api/tasks', '/api/ready', '/api/auth/me']) {
      const res = await inject(app, {
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${base.a.as.owner.token}` },
      });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('3');
      expect(res.headers['x-request-id']).toBeTruthy();
      expect(res.body).toEqual({
        error: {
          code: 'unavailable',
          message: 'Tandem is short of memory: try again in a few seconds',
          details: { retryAfterSeconds: 3 },
        },
      });
    }
    expect((await inject(app, { method: 'GET', url: '/api/health' })).status).toBe(200);
  });

  it('refuses requests while the event loop falls behind, and serves them again once it catches up', async () => {
    const base = await world();
    const app = await buildApp({
      db: base.db,
      passwords: plainHasher,
      overload: { maxEventLoopDelayMs: 100, sampleIntervalMs: 500 },
    });
    closing.push(() => app.close());
    const get = () =>
      inject(app, {
        method: 'GET',
        url: '/api/tasks',
        headers: { authorization: `Bearer ${base.a.as.owner.token}` },
      });
    expect((await get()).status).toBe(200);
    const until = Date.now() + 700; // holds the event loop for longer than a sample
    while (Date.now() < until);
    await sleep(5); // the overdue sample runs
    const refused = await get();
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: { code: 'unavailable' } });
    await sleep(1200); // two calm samples
    expect((await get()).status).toBe(200);
  });
});
