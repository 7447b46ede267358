/**
 * Hot queries built and compiled by Kysely once, then run with new values. Kysely builds a query's
 * operation tree and compiles it to SQL on every call: for a page of tasks that cost a third as much
 * as SQLite running it. `preparedQuery(build)` calls `build` once per database and per `shape` with
 * stand-ins for the values, keeps the compiled SQL, and on every call puts the values in the stand-ins'
 * places among its parameters. Values stay bound parameters, as Kysely would have bound them.
 *
 * The rules for `build`: what changes the SQL (which filters apply, a flag) comes from `shape`, which
 * is a plain JSON value and part of the cache key; `values` only ever go where Kysely binds a value
 * (`where(col, '=', v)`, `limit(v)`, `sql` template values), never into control flow, and never as a
 * list for `in` (the number of placeholders would change).
 */
import type { CompiledQuery, Kysely } from 'kysely';

const KEY = Symbol('prepared query value');
interface StandIn {
  [KEY]: string;
}
const isStandIn = (value: unknown): value is StandIn =>
  typeof value === 'object' && value !== null && KEY in value;

interface Prepared<R> {
  query: CompiledQuery<R>;
  /** For each parameter, the name of the value that goes there, or null: a constant of the query. */
  slots: (string | null)[];
}

export function preparedQuery<DB, S, V extends object, R>(
  build: (db: Kysely<DB>, shape: S, values: V) => { compile(): CompiledQuery<R> },
): (db: Kysely<DB>, shape: S, values: V) => Promise<R[]> {
  const compiled = new WeakMap<Kysely<DB>, Map<string, Prepared<R>>>();
  return async (db, shape, values) => {
    let byShape = compiled.get(db);
    if (!byShape) compiled.set(db, (byShape = new Map<string, Prepared<R>>()));
    const key = JSON.stringify(shape) ?? '';
    let prepared = byShape.get(key);
    if (!prepared) {
      const standIns = Object.fromEntries(Object.keys(values).map((name) => [name, { [KEY]: name }]));
      const query = build(db, shape, standIns as V).compile();
      prepared = { query, slots: query.parameters.map((p) => (isStandIn(p) ? p[KEY] : null)) };
      byShape.set(key, prepared);
    }
    const { query, slots } = prepared;
    const parameters = slots.map((name, i) => {
      if (name === null) return query.parameters[i];
      const value = (values as Record<string, unknown>)[name];
      if (value === undefined)
        throw new Error(`preparedQuery: the query binds "${name}", which is undefined`);
      return value;
    });
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
