/**
 * Runs a test suite against both database backends: `describeBackends('goals API', (backend) => …)`.
 * SQLite is an in-memory database per suite; PostgreSQL is a fresh database per suite on the server
 * started by postgres-global-setup.ts. Each suite gets a `connect()` that migrates its database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { connect, type Db } from '../db/connect';

export interface Backend {
  name: 'sqlite' | 'postgres';
  connect(): Promise<Db>;
}

/** A new, empty database on the test server; its URL. */
export async function createPostgresDatabase(baseUrl: string): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function describeBackends(title: string, suite: (backend: Backend) => void): void {
  describe(`${title} [sqlite]`, () => {
    suite({ name: 'sqlite', connect: () => connect({ memory: true }) });
  });
  describePostgres(title, suite);
}

/** A suite for what only PostgreSQL has (several processes on one database, its job queue). */
export function describePostgres(title: string, suite: (backend: Backend) => void): void {
  const postgresUrl = inject('postgresUrl');
  // Skipped only when TANDEM_TEST_PG=off was set on purpose (see postgres-global-setup.ts).
  describe.skipIf(!postgresUrl)(`${title} [postgres]`, () => {
    suite({
      name: 'postgres',
      connect: async () => connect({ databaseUrl: await createPostgresDatabase(postgresUrl!), poolSize: 4 }),
    });
  });
}
