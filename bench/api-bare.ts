/**
 * The bare-Fastify baseline of bench/api.ts: reads one project's task rows once from the same database
 * (no auth, no validation, no presenter) and answers them as a page on every GET /api/tasks with
 * Fastify's default JSON serialization. Prints `listening URL` when ready.
 *
 *   BENCH_DB=sqlite:/path/tandem.sqlite | postgres://…  BENCH_ORG=…  BENCH_PROJECT=…  BENCH_LIMIT=50
 */
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

const source = process.env.BENCH_DB ?? '';
const orgId = process.env.BENCH_ORG ?? '';
const projectId = process.env.BENCH_PROJECT ?? '';
const limit = Number(process.env.BENCH_LIMIT ?? '50');

const sql =
  'SELECT * FROM tasks WHERE org_id = $1 AND project_id = $2 ORDER BY position, created_at, id LIMIT $3';

async function readRows(): Promise<unknown[]> {
  if (source.startsWith('sqlite:')) {
    const database = new SQLite(source.slice('sqlite:'.length), { readonly: true });
    try {
      return database.prepare(sql.replace(/\$\d/g, '?')).all(orgId, projectId, limit);
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: source });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql, [orgId, projectId, limit])).rows;
  } finally {
    await client.end();
  }
}

const rows = await readRows();
const app = Fastify();
app.get('/api/tasks', async () => ({ items: rows, total: rows.length, limit, offset: 0 }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${url}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
