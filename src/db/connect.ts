/**
 * One connect() for both backends. SQLite (better-sqlite3, WAL) is the embedded default, in
 * TANDEM_DATA_DIR (default ./data); DATABASE_URL=postgres://… selects PostgreSQL for scale-out.
 * Migrations run here, so every process that connects sees the latest schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite data directory; null on PostgreSQL. */
  dataDir: string | null;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… to use PostgreSQL; otherwise SQLite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** ':memory:' SQLite for tests (no data directory, no lock). */
  memory?: boolean;
  /** Postgres pool size. */
  poolSize?: number;
}

export function resolveDataDir(dataDir?: string): string {
  return path.resolve(dataDir ?? process.env.TANDEM_DATA_DIR ?? './data');
}

export async function connect(options: ConnectOptions = {}): Promise<Db> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return connectPostgres(url, options.poolSize ?? 10);
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:…")`);
  if (options.memory) return connectSqlite(':memory:', null, null);

  const dataDir = resolveDataDir(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = acquireDataDirLock(dataDir);
  try {
    return await connectSqlite(path.join(dataDir, 'tandem.sqlite'), dataDir, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function connectSqlite(file: string, dataDir: string | null, lock: DataDirLock | null): Promise<Db> {
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  await migrateToLatest(db as Kysely<unknown>);
  return {
    db,
    dialect: 'sqlite',
    dataDir,
    async close() {
      await db.destroy();
      lock?.release();
    },
  };
}

async function connectPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db as Kysely<unknown>);
  return {
    db,
    dialect: 'postgres',
    dataDir: null,
    async close() {
      await db.destroy();
    },
  };
}
