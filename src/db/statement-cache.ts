/**
 * better-sqlite3 for Kysely with its prepared statements kept: Kysely's SQLite driver prepares every
 * query anew, and preparing a statement costs as much as running a small one. The key is the SQL
 * text (values are parameters), so the app's queries make a small set; lists of ids (`in (?, ?, …)`)
 * make one text per length, so the least recently used statements go past `size`.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export function withStatementCache(database: SQLite.Database, size = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const kept = cache.get(sql);
      cache.delete(sql);
      // a statement still being iterated (a streamed query) cannot run again until it finishes
      const statement = kept && !kept.busy ? kept : database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
