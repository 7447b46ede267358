import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../test/backends';
import type { Db } from './connect';
import { preparedQuery } from './prepared';
import type { Database } from './schema';
import type { Kysely } from 'kysely';

describeBackends('prepared queries', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.connect();
    await db.db
      .insertInto('meta')
      .values(['a', 'b', 'c', "it's'; drop table meta; --"].map((key, i) => ({ key, value: String(i) })))
      .execute();
  });
  afterAll(async () => db.close());

  let builds = 0;
  const find = preparedQuery(
    (
      k: Kysely<Database>,
      shape: { byValue: boolean },
      values: { key: string; value?: string; limit: number },
    ) => {
      builds++;
      let query = k.selectFrom('meta').select(['key', 'value']).where('key', '>=', values.key);
      if (shape.byValue) query = query.where('value', '=', values.value!);
      return query.orderBy('key').limit(values.limit);
    },
  );

  it('runs the query compiled once per shape with each call’s values', async () => {
    builds = 0;
    expect(await find(db.db, { byValue: false }, { key: 'b', limit: 10 })).toEqual([
      { key: 'b', value: '1' },
      { key: 'c', value: '2' },
      { key: "it's'; drop table meta; --", value: '3' },
    ]);
    expect(await find(db.db, { byValue: false }, { key: 'c', limit: 1 })).toEqual([{ key: 'c', value: '2' }]);
    expect(await find(db.db, { byValue: true }, { key: 'a', value: '1', limit: 10 })).toEqual([
      { key: 'b', value: '1' },
    ]);
    expect(await find(db.db, { byValue: true }, { key: 'a', value: '0', limit: 10 })).toEqual([
      { key: 'a', value: '0' },
    ]);
    expect(builds).toBe(2);
  });

  it('keeps values bound as parameters', async () => {
    const key = "it's'; drop table meta; --";
    expect(await find(db.db, { byValue: true }, { key, value: '3', limit: 10 })).toEqual([
      { key, value: '3' },
    ]);
    expect(await db.db.selectFrom('meta').select('key').execute()).toHaveLength(4);
  });

  it('runs inside a transaction on its connection', async () => {
    await db.db.transaction().execute(async (trx) => {
      await trx.insertInto('meta').values({ key: 'd', value: '4' }).execute();
      expect(await find(trx, { byValue: true }, { key: 'a', value: '4', limit: 10 })).toEqual([
        { key: 'd', value: '4' },
      ]);
    });
  });

  it('refuses to run when a value the query binds is missing', async () => {
    await expect(find(db.db, { byValue: true }, { key: 'a', limit: 10 })).rejects.toThrow(/binds "value"/);
  });
});
