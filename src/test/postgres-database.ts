/**
 * A fresh, empty database on the embedded PostgreSQL server the test run started (see
 * postgres-global-setup.ts), for tests that start real server processes on it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface EmptyDatabase {
  url: string;
  query(sql: string): Promise<unknown[]>;
}

export async function emptyDatabase(baseUrl: string, prefix = 't'): Promise<EmptyDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async query(sql) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql)).rows as unknown[];
      } finally {
        await client.end();
      }
    },
  };
}
