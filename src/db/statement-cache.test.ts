import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('SQLite statement cache', () => {
  it('prepares a query once and runs it again with other values', () => {
    const raw = new SQLite(':memory:');
    const cached = withStatementCache(raw);
    raw.exec('create table t (n integer)');
    const insert = cached.prepare('insert into t (n) values (?)');
    insert.run([1]);
    expect(cached.prepare('insert into t (n) values (?)')).toBe(insert);
    cached.prepare('insert into t (n) values (?)').run([2]);
    expect(cached.prepare('select n from t order by n').all([])).toEqual([{ n: 1 }, { n: 2 }]);
    raw.close();
  });

  it('gives a statement that is still being iterated a fresh copy', () => {
    const raw = new SQLite(':memory:');
    const cached = withStatementCache(raw);
    raw.exec('create table t (n integer); insert into t values (1), (2)');
    const sql = 'select n from t order by n';
    const outer = cached.prepare(sql).iterate([]);
    const seen: unknown[] = [];
    for (const row of outer) seen.push(row, cached.prepare(sql).all([]));
    expect(seen).toEqual([{ n: 1 }, [{ n: 1 }, { n: 2 }], { n: 2 }, [{ n: 1 }, { n: 2 }]]);
    raw.close();
  });

  it('reads rows as better-sqlite3 would: every column, later names winning', () => {
    const raw = new SQLite(':memory:');
    const cached = withStatementCache(raw);
    raw.exec(
      "create table t (n integer, s text, r real, b blob); insert into t values (1, 'a', 1.5, x'01'), (null, null, null, null)",
    );
    for (const sql of [
      'select * from t',
      'select n, s, n as s, r from t',
      'select n as "__proto__", s as "constructor", s as "a b" from t',
      "select count(*) as c, 'x' as n from t",
    ])
      expect(cached.prepare(sql).all([])).toEqual(raw.prepare(sql).all());
    raw.close();
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const raw = new SQLite(':memory:');
    const cached = withStatementCache(raw, 2);
    const a = cached.prepare('select 1');
    cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a);
    cached.prepare('select 3'); // drops "select 2", used longest ago
    expect(cached.prepare('select 1')).toBe(a);
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 2')).toBe(b);
    raw.close();
  });

  it('sees the schema as migrations change it', async () => {
    const raw = new SQLite(':memory:');
    const db = new Kysely<{ t: { n: number; m?: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(raw) }),
    });
    await db.schema.createTable('t').addColumn('n', 'integer').execute();
    await db.insertInto('t').values({ n: 1 }).execute();
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ n: 1 }]);
    await db.schema.alterTable('t').addColumn('m', 'integer').execute();
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ n: 1, m: null }]);
    await db.destroy();
  });
});
