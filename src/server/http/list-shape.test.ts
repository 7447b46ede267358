/** Every documented GET that returns a list of `items` pages it: `{ items, total, limit, offset }`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { connect, type Db } from '../../db/connect';
import { buildApp } from '../app';
import { inject } from '../../test/world';

interface Schema {
  properties?: Record<string, unknown>;
}

describe('list endpoints', () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await connect({ memory: true });
    app = await buildApp({ db });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('page every GET response that carries items', async () => {
    const doc = (await inject(app, { method: 'GET', url: '/api/openapi.json' })).body as {
      paths: Record<
        string,
        { get?: { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> } }
      >;
    };
    const unpaged: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const schema = ops.get?.responses?.['200']?.content?.['application/json']?.schema;
      const props = schema?.properties ?? {};
      if ('items' in props && !('total' in props && 'limit' in props && 'offset' in props))
        unpaged.push(path);
    }
    expect(unpaged).toEqual([]);
  });
});
