import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strategyNode } from '../../core/schemas/spine';
import { isoDate } from '../../core/schemas/common';
import { registerErrorHandler } from './errors';
import { forSerializing, responseSerializerCompiler } from './serializer';

const item = z.object({
  id: z.string(),
  count: z.number().int(),
  ratio: z.number().nullable(),
  due: isoDate.nullable(),
  kind: z.enum(['a', 'b']),
  ok: z.literal(true),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  note: z.string().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});
const good = {
  id: 'x1',
  count: 3,
  ratio: null,
  due: '2026-03-02',
  kind: 'a',
  ok: true,
  owner: { id: 'p', name: 'Ana "Quote" \u2028 Silva' },
  tags: ['one', 'two'],
  extra: { nested: { deep: [1, null, 'x'] } },
};

async function appWith(check: boolean, answer: () => unknown) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ check }));
  registerErrorHandler(app);
  app.get('/item', { schema: { response: { 200: item } } }, async () => answer() as z.infer<typeof item>);
  app.get('/tree', { schema: { response: { 200: z.object({ root: strategyNode }) } } }, async () => ({
    root: answer() as z.infer<typeof strategyNode>,
  }));
  await app.ready();
  return app;
}

describe('response serializer', () => {
  const apps: Awaited<ReturnType<typeof appWith>>[] = [];
  afterAll(async () => Promise.all(apps.map((app) => app.close())));
  const call = async (check: boolean, url: string, answer: () => unknown) => {
    const app = await appWith(check, answer);
    apps.push(app);
    return app.inject({ method: 'GET', url });
  };

  it("writes exactly what JSON.stringify writes of zod's answer, with and without the check", async () => {
    for (const check of [false, true]) {
      const res = await call(check, '/item', () => good);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(JSON.stringify(item.parse(good)));
    }
  });

  it('leaves out every field the schema does not declare, however deep', async () => {
    for (const check of [false, true]) {
      const res = await call(check, '/item', () => ({
        ...good,
        passwordHash: 'secret',
        owner: { ...good.owner, email: 'private@example.com' },
      }));
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/secret|private/);
      expect(JSON.parse(res.body)).toEqual(item.parse(good));
    }
  });

  it('answers 500 in the one error shape when a required field is missing', async () => {
    for (const check of [false, true]) {
      const { id: _id, ...missing } = good;
      const res = await call(check, '/item', () => missing);
      expect(res.statusCode).toBe(500);
      expect(JSON.parse(res.body)).toEqual({
        error: { code: 'internal', message: 'Something went wrong on our side' },
      });
    }
  });

  it('checks values against the schema when asked to (tests, --dev)', async () => {
    const res = await call(true, '/item', () => ({ ...good, kind: 'c', due: '2026-02-30' }));
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'internal' } });
  });

  it('serializes recursive schemas (the strategy map)', async () => {
    const leaf = {
      id: 'k',
      kind: 'key_result',
      title: 'KR',
      progress: 0.5,
      ownerId: null,
      isStretch: false,
      horizon: null,
      status: 'active',
      children: [],
    };
    const root = { ...leaf, id: 'o', kind: 'objective', children: [leaf, { ...leaf, id: 'k2' }] };
    for (const check of [false, true]) {
      const res = await call(check, '/tree', () => root);
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ root });
    }
  });

  it('turns nullable unions into type lists and drops keywords that only validate', () => {
    expect(
      forSerializing({
        anyOf: [{ type: 'string', pattern: '^x$', minLength: 1 }, { type: 'null' }],
      }),
    ).toEqual({ type: ['string', 'null'] });
    const union = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    expect(forSerializing(union)).toEqual(union);
  });
});
