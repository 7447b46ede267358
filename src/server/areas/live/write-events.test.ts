/**
 * Every write route of the API says what it announces (or why nothing): a write route added later
 * without a line in write-events.ts fails here, so no screen silently goes stale. The operations come
 * from the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../../db/connect';
import { buildApp } from '../../app';
import { announcements } from './write-events';

describe('write announcements', () => {
  let db: Db;
  let app: FastifyInstance;
  let writes: string[];
  beforeAll(async () => {
    db = await connect({ memory: true });
    app = await buildApp({ db });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      ['post', 'put', 'patch', 'delete']
        .filter((m) => ops[m])
        .map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('has a line for every write route of the API', () => {
    expect(writes.length).toBeGreaterThan(60);
    expect(writes.filter((w) => !(w in announcements))).toEqual([]);
  });

  it('names only routes that exist', () => {
    expect(Object.keys(announcements).filter((key) => !writes.includes(key))).toEqual([]);
  });

  it('gives a reason for every write that announces nothing', () => {
    for (const [key, entry] of Object.entries(announcements))
      if ('quiet' in entry) expect(entry.quiet.length, key).toBeGreaterThan(20);
  });
});
