/**
 * better-sqlite3 for Kysely, made cheaper in two ways that change nothing Kysely sees:
 *
 * - Prepared statements are kept: Kysely's SQLite driver prepares every query anew, and preparing a
 *   statement costs as much as running a small one. The key is the SQL text (values are
 *   parameters), so the app's queries make a small set; lists of ids (`in (?, ?, …)`) make one text
 *   per length, so the least recently used statements go past `size`. A schema change (create,
 *   alter, drop: the migrations, which run through Kysely) empties the cache.
 * - Rows are read as arrays and made into objects in JavaScript: better-sqlite3 builds each row
 *   object property by property from C++, which took 40 % of reading a page of 50 tasks; assigning
 *   the same names in the same order from JavaScript costs half as much.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

interface Kept {
  statement: SQLite.Statement;
  forKysely: SqliteStatement;
}

export function withStatementCache(database: SQLite.Database, size = 1000): SqliteDatabase {
  const cache = new Map<string, Kept>();
  return {
    close: () => database.close(),
    prepare(sql) {
      // a statement reads columns as they were when it was prepared: a schema change drops them all
      if (/^\s*(create|alter|drop)\b/i.test(sql)) {
        cache.clear();
        return database.prepare(sql);
      }
      let kept = cache.get(sql);
      cache.delete(sql);
      // a statement still being iterated (a streamed query) cannot run again until it finishes
      if (!kept || kept.statement.busy) {
        const statement = database.prepare(sql);
        kept = { statement, forKysely: forKysely(statement) };
      }
      cache.set(sql, kept);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return kept.forKysely;
    },
  };
}

/** The statement, reading rows as arrays made into objects as better-sqlite3 would make them. */
function forKysely(statement: SQLite.Statement): SqliteStatement {
  if (!statement.reader) return statement;
  const names = statement.columns().map((column) => column.name);
  // assigned, "__proto__" would set the prototype rather than a property
  if (names.includes('__proto__')) return statement;
  // every row gets its properties in the same order, so V8 gives all one shape; a later column of the
  // same name wins, as in better-sqlite3's own objects
  const toObject = (row: unknown[]) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) object[names[i]!] = row[i];
    return object;
  };
  const rows = statement.raw(true);
  return {
    reader: true,
    all: (parameters) => (rows.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => rows.run(parameters),
    *iterate(parameters) {
      for (const row of rows.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(row);
    },
  };
}
