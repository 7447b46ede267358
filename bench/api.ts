/**
 * API throughput: one project's task list, authenticated, through Tandem against a bare Fastify that
 * serves the same rows, on the same machine in the same run, so the ratio says what Tandem's layers
 * (auth, validation, queries, presenters, serialization) cost whatever the machine.
 *
 *   npm run bench:api -- [--duration 10] [--warmup 3] [--connections 50] [--rows 50]
 *                        [--auth token|session] [--postgres]
 *
 * A fresh database gets the organization of bench/api-seed.ts with one project of `--rows` tasks. Then `tandem serve` runs as a process of its own (SQLite: one; with
 * `--postgres`, a second pass on an embedded PostgreSQL server with two processes, the load spread
 * round-robin over both) and the bare server (bench/api-bare.ts) as many. autocannon (in this process)
 * warms each up, then loads it with `--connections` clients for `--duration` seconds of
 * `GET /api/tasks?projectId=…&limit=ROWS` as the owner, with an API token (default) or a session
 * cookie. Progress goes to stderr; stdout gets one line per backend:
 *
 *   api: backend=sqlite rows=50 bare_rps=… tandem_rps=… ratio=… p99_ms=… bare_p99_ms=… auth=token c=50 s=10
 *   api: backend=postgres processes=2 rows=50 …
 *
 * BENCH_NODE_OPTIONS is passed to the Tandem processes (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`:
 * they stop with SIGTERM, so the profile is written).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { connect } from '../src/db/connect';
import { startEmbeddedPostgres } from '../src/test/embedded-postgres';
import { seed, type Seeded } from './api-seed';
import { numberArg, parseArgs } from './common';

const argv = process.argv.slice(2);
const withPostgres = argv.includes('--postgres');
const args = parseArgs(
  argv.filter((a) => a !== '--postgres'),
  ['duration', 'warmup', 'connections', 'rows', 'auth'],
);
const duration = numberArg(args, 'duration') ?? 10;
const warmup = numberArg(args, 'warmup') ?? 3;
const connections = numberArg(args, 'connections') ?? 50;
const rowCount = numberArg(args, 'rows') ?? 50;
const auth = args.auth ?? 'token';
if (auth !== 'token' && auth !== 'session') throw new Error(`--auth is token or session, not ${auth}`);
const seedOptions = { rows: rowCount, auth } as const;
if (rowCount < 1 || rowCount > 500) throw new Error('--rows is 1–500 (the list page size)');

const root = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
const log = (line: string) => process.stderr.write(`${line}\n`);
/** The list every load asks for (set once the project exists). */
let listPath = '';

interface Server {
  url: string;
  pid: number;
}

/** Starts a node process and resolves with the URL it prints once it listens. */
function startProcess(
  label: string,
  nodeArgs: string[],
  env: NodeJS.ProcessEnv,
  pattern: RegExp,
): Promise<Server> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, pid: child.pid! });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited ${code}:\n${out}`));
    });
  });
}

function startTandem(env: NodeJS.ProcessEnv): Promise<Server> {
  const nodeOptions = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  return startProcess(
    'tandem serve',
    [...nodeOptions, '--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--no-demo'],
    { PORT: '', HOST: '', TANDEM_DATA_DIR: '', DATABASE_URL: '', ...env },
    /listening on (http:\/\/\S+)/,
  );
}

function startBare(db: string, seeded: Seeded): Promise<Server> {
  return startProcess(
    'bare fastify',
    ['--import', 'tsx', 'bench/api-bare.ts'],
    { BENCH_DB: db, BENCH_ORG: seeded.orgId, BENCH_PROJECT: seeded.projectId, BENCH_LIMIT: String(rowCount) },
    /listening (http:\/\/\S+)/,
  );
}

async function stopAll(): Promise<void> {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

interface Load {
  rps: number;
  p99: number;
  /** CPU time of the server processes per answer, µs (Linux; NaN elsewhere): what other load cannot stretch. */
  cpuUs: number;
}

/** User + system CPU time of a process so far, in seconds (/proc; NaN where there is none). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) "; clock ticks of 1/100 s
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Checks one answer, warms up, then measures: successful answers per second and p99 latency. */
async function load(label: string, servers: Server[], headers: Record<string, string>): Promise<Load> {
  const urls = servers.map((server) => `${server.url}${listPath}`);
  for (const url of urls) {
    const response = await fetch(url, { headers });
    const body = (await response.json()) as { items?: unknown[] };
    if (response.status !== 200 || body.items?.length !== rowCount)
      throw new Error(`${label} ${url} answered ${response.status} with ${body.items?.length} items`);
  }
  if (warmup > 0) await autocannon({ url: urls, connections, duration: warmup, headers });
  const cpuBefore = servers.map((server) => cpuSeconds(server.pid));
  const result: Result = await autocannon({ url: urls, connections, duration, headers });
  const cpu = servers.reduce((sum, server, i) => sum + cpuSeconds(server.pid) - cpuBefore[i]!, 0);
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) log(`${label}: ${failed} failed (${JSON.stringify(result.statusCodeStats)})`);
  const rps = (result.requests.total - result.non2xx) / result.duration;
  const cpuUs = (cpu * 1e6) / result.requests.total;
  log(
    `${label}: ${rps.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${cpuUs.toFixed(0)} µs CPU per answer`,
  );
  return { rps, p99: result.latency.p99, cpuUs };
}

function report(fields: Record<string, string | number>, bare: Load, tandem: Load): void {
  const line = {
    ...fields,
    rows: rowCount,
    bare_rps: Math.round(bare.rps),
    tandem_rps: Math.round(tandem.rps),
    ratio: (tandem.rps / bare.rps).toFixed(2),
    p99_ms: tandem.p99,
    bare_p99_ms: bare.p99,
    tandem_cpu_us: Math.round(tandem.cpuUs),
    bare_cpu_us: Math.round(bare.cpuUs),
    auth,
    c: connections,
    s: duration,
  };
  console.log(
    `api: ${Object.entries(line)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}

async function runSqlite(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-api-'));
  try {
    log('sqlite: seeding…');
    const seeded = await seed(() => connect({ dataDir: dir }), seedOptions);
    listPath = `/api/tasks?projectId=${seeded.projectId}&limit=${rowCount}`;
    const bare = await startBare(`sqlite:${path.join(dir, 'tandem.sqlite')}`, seeded);
    const tandem = await startTandem({ TANDEM_DATA_DIR: dir });
    const bareLoad = await load('sqlite bare', [bare], seeded.headers);
    const tandemLoad = await load('sqlite tandem', [tandem], seeded.headers);
    report({ backend: 'sqlite' }, bareLoad, tandemLoad);
  } finally {
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(): Promise<void> {
  log('postgres: starting an embedded server…');
  const server = await startEmbeddedPostgres();
  try {
    const name = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const databaseUrl = Object.assign(new URL(server.url), { pathname: `/${name}` }).toString();
    log('postgres: seeding…');
    const seeded = await seed(() => connect({ databaseUrl }), seedOptions);
    listPath = `/api/tasks?projectId=${seeded.projectId}&limit=${rowCount}`;
    const bare = await Promise.all([startBare(databaseUrl, seeded), startBare(databaseUrl, seeded)]);
    const tandem = await Promise.all([
      startTandem({ DATABASE_URL: databaseUrl }),
      startTandem({ DATABASE_URL: databaseUrl }),
    ]);
    const bareLoad = await load('postgres bare ×2', bare, seeded.headers);
    const tandemLoad = await load('postgres tandem ×2', tandem, seeded.headers);
    report({ backend: 'postgres', processes: 2 }, bareLoad, tandemLoad);
  } finally {
    await stopAll();
    await server.stop();
  }
}

try {
  await runSqlite();
  if (withPostgres) await runPostgres();
} catch (error) {
  await stopAll();
  throw error;
}
