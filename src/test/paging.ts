/**
 * The paging contract every list endpoint shares (`{ items, total, limit, offset }`, limit/offset in
 * the querystring): call it from an area's test after creating more rows than `limit`.
 */
import { expect } from 'vitest';
import type { Client } from './world';

interface PageBody {
  items: { id: string }[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Checks that `path` pages: the total counts every row, a small page holds `limit` rows in the order
 * of the whole list, the next offset starts where that page ended without overlap, and a limit out of
 * range (0, 100000) answers 400 naming `querystring.limit`. Returns the whole list for further checks.
 * `key` names the field that identifies an item (`id` unless the items are keyed by another id, such
 * as `projectId` or `personId`).
 */
export async function expectPaging(
  client: Pick<Client, 'get'>,
  path: string,
  options: { includes: readonly string[]; limit?: number; key?: string },
): Promise<PageBody> {
  const limit = options.limit ?? 2;
  const key = options.key ?? 'id';
  const idsOf = (body: PageBody) =>
    body.items.map((item) => (item as Record<string, unknown>)[key] as string);
  const join = path.includes('?') ? '&' : '?';
  const whole = await client.get<PageBody>(`${path}${join}limit=500`);
  expect(whole.status).toBe(200);
  expect(whole.body.items).toHaveLength(whole.body.total);
  expect(whole.body.total).toBeGreaterThan(2 * limit);
  const ids = idsOf(whole.body);
  for (const id of options.includes) expect(ids).toContain(id);

  const first = await client.get<PageBody>(`${path}${join}limit=${limit}`);
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ total: whole.body.total, limit, offset: 0 });
  expect(first.body.items).toHaveLength(limit);
  const firstIds = idsOf(first.body);
  expect(firstIds).toEqual(ids.slice(0, limit));

  const next = await client.get<PageBody>(`${path}${join}limit=${limit}&offset=${limit}`);
  expect(next.status).toBe(200);
  expect(next.body).toMatchObject({ total: whole.body.total, limit, offset: limit });
  expect(next.body.items).toHaveLength(limit);
  const nextIds = idsOf(next.body);
  expect(nextIds).toEqual(ids.slice(limit, 2 * limit));
  expect(nextIds.filter((id) => firstIds.includes(id))).toEqual([]);

  for (const bad of ['0', '100000']) {
    const res = await client.get(`${path}${join}limit=${bad}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ field: 'querystring.limit' }] } },
    });
  }
  return whole.body;
}
