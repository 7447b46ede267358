import { afterAll, beforeAll, expect, it } from 'vitest';
import { describe } from 'vitest';
import { connect, type Db } from '../../db/connect';
import { buildApp } from '../app';
import { inject } from '../../test/world';
import type { FastifyInstance } from 'fastify';

describe('API documentation', () => {
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

  it('serves an OpenAPI 3 document with request and response schemas for the routes', async () => {
    const res = await inject(app, { method: 'GET', url: '/api/openapi.json' });
    const doc = res.body as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/goals']!.post!.requestBody).toBeDefined();
    expect(doc.paths['/api/goals']!.post!.responses!['201']).toBeDefined();
  });

  it('pages every GET response that carries a list of items: { items, total, limit, offset }', async () => {
    const doc = (await inject(app, { method: 'GET', url: '/api/openapi.json' })).body as {
      paths: Record<
        string,
        {
          get?: {
            responses?: Record<
              string,
              { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
            >;
          };
        }
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

  it('serves browsable docs without signing in', async () => {
    const page = await inject(app, { method: 'GET', url: '/api/docs/' });
    expect(page.status).toBe(200);
    expect(String(page.body)).toMatch(/swagger/i);
  });
});
