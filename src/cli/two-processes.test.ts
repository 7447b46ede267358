/**
 * Two `tandem serve` processes on one PostgreSQL database, as an operator runs them behind a load
 * balancer: a plan started through one is applied through the other; a cancel made through either
 * reaches a run wherever it runs or waits; a change made through one reaches an event stream open on
 * the other within a second; failed sign-ins spread over both are limited as if one
 * process had seen them all; and a run whose process is killed ends within 30 s while the rest (the
 * other process, `tandem plan`) goes on planning.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PlanRun } from '../core/schemas/planning';
import { createPostgresDatabase } from '../test/backends';
import { openEventStream } from '../test/event-stream';
import { freePort } from '../test/free-port';
import { killAll, tandem, tempDir, type Run } from '../test/processes';

afterAll(killAll);

const postgresUrl = inject('postgresUrl');

interface Server {
  run: Run;
  port: number;
}

/** One JSON request to a server; `token` signs it in. */
async function call<T = unknown>(
  server: Server,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

const isLive = (run: PlanRun) => run.status === 'queued' || run.status === 'running';

// Skipped only when TANDEM_TEST_PG=off was set on purpose (see src/test/postgres-global-setup.ts).
describe.skipIf(!postgresUrl)('two server processes on one PostgreSQL database', () => {
  let databaseUrl: string;
  let env: NodeJS.ProcessEnv;
  let servers: [Server, Server];
  let token: string;
  const [a, b] = [() => servers[0], () => servers[1]];

  /** Which server runs the run (plan_runs.runner names the process), and the other one. */
  async function runnerOf(id: string): Promise<{ running: Server; other: Server }> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ runner: string | null }>(
        'SELECT runner FROM plan_runs WHERE id = $1',
        [id],
      );
      const runner = rows[0]?.runner ?? '';
      const index = servers.findIndex((s) => runner.includes(` pid ${s.run.child.pid} `));
      if (index < 0) throw new Error(`run ${id} is not run by either server (runner: ${runner})`);
      return { running: servers[index]!, other: servers[1 - index]! };
    } finally {
      await client.end();
    }
  }

  async function get(server: Server, id: string): Promise<PlanRun> {
    const res = await call<PlanRun>(server, 'GET', `/api/plan-runs/${id}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function until(server: Server, id: string, done: (run: PlanRun) => boolean, ms: number) {
    const deadline = Date.now() + ms;
    for (;;) {
      const run = await get(server, id);
      if (done(run)) return run;
      if (Date.now() > deadline) throw new Error(`run ${id} still ${run.status} after ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function startPlan(server: Server, body: Record<string, unknown>): Promise<string> {
    const res = await call<PlanRun>(server, 'POST', '/api/plan-runs', { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body.id;
  }

  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase(postgresUrl!);
    env = { DATABASE_URL: databaseUrl, TANDEM_PLAN_WORKERS: '1' };
    // an organization with over 1,000 open tasks: its whole plan searches to its time limit
    const demo = tandem(['demo', '--people', '60', '--tasks', '1800', '--seed', '2'], tempDir(), env);
    expect(await demo.exited(120_000), demo.stderr()).toBe(0);
    const [, email, password] = /\(owner\): (\S+) (\S+)/.exec(demo.stdout())!;
    const ports = [await freePort(), await freePort()];
    servers = ports.map((port) => ({
      port,
      run: tandem(['serve', '--no-demo', '--port', String(port)], tempDir(), env),
    })) as [Server, Server];
    await Promise.all(servers.map((s) => s.run.waitFor(/Tandem is listening on/, 60_000)));

    const login = await fetch(`http://127.0.0.1:${a().port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await fetch(`http://127.0.0.1:${a().port}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'two processes' }),
    });
    expect(created.status).toBe(201);
    token = ((await created.json()) as { token: string }).token;
  }, 240_000);

  it('applies through one process a plan started through the other', async () => {
    const projects = await call<{ items: { id: string }[] }>(a(), 'GET', '/api/projects?limit=5', { token });
    const id = await startPlan(a(), { projectIds: [projects.body.items[0]!.id], timeLimitMs: 1000 });
    const run = await until(b(), id, (r) => !isLive(r), 30_000);
    expect(run.status).toBe('done');
    const applied = await call<{ applied: number }>(b(), 'POST', `/api/plan-runs/${id}/apply`, {
      token,
      body: {},
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect((await get(a(), id)).appliedAt).not.toBeNull();
  }, 60_000);

  it('brings a change made through one process to an event stream open on the other within 1 s', async () => {
    const stream = await openEventStream(`http://127.0.0.1:${b().port}`, {
      authorization: `Bearer ${token}`,
    });
    try {
      expect(stream.status).toBe(200);
      const projects = await call<{ items: { id: string }[] }>(a(), 'GET', '/api/projects?limit=1', {
        token,
      });
      const projectId = projects.body.items[0]!.id;
      const from = stream.mark();
      const created = await call<{ id: string }>(a(), 'POST', '/api/tasks', {
        token,
        body: { projectId, title: 'Seen across processes', estimateHours: 2 },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // timed from the write's answer: the change is committed and announced by then
      const event = await stream.waitFor((e) => e.kind === 'task' && e.id === created.body.id, 1000, from);
      expect(event.projectId).toBe(projectId);
    } finally {
      stream.close();
    }
  }, 60_000);

  it('cancels through either process a run queued or running on the other', async () => {
    // one run each process can take (TANDEM_PLAN_WORKERS=1 on two cores), so the third waits
    const ids = [
      await startPlan(a(), { timeLimitMs: 60_000 }),
      await startPlan(a(), { timeLimitMs: 60_000 }),
    ];
    for (const id of ids) await until(b(), id, (r) => r.status === 'running', 20_000);
    const waiting = await startPlan(a(), { timeLimitMs: 60_000 });
    expect((await get(b(), waiting)).status).toBe('queued');
    const cancelled = await call<PlanRun>(b(), 'POST', `/api/plan-runs/${waiting}/cancel`, {
      token,
      body: {},
    });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);

    for (const id of ids) {
      const { other } = await runnerOf(id);
      const asked = Date.now();
      expect((await call(other, 'POST', `/api/plan-runs/${id}/cancel`, { token, body: {} })).status).toBe(
        200,
      );
      const run = await until(other, id, (r) => !isLive(r), 15_000);
      expect(run.status).toBe('cancelled');
      expect(Date.now() - asked).toBeLessThan(10_000);
    }
  }, 90_000);

  it('limits failed sign-ins spread over both processes as one process would', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await call(servers[i % 2]!, 'POST', '/api/auth/login', {
        body: { email: 'nobody@two-processes.test', password: `wrong ${i}` },
      });
      statuses.push(res.status);
    }
    // five failures are free, the sixth makes the next try wait: neither process saw more than four
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  }, 60_000);

  it('ends within 30 s a run whose process was killed; the other process and the command line still plan', async () => {
    const projects = await call<{ items: { id: string }[] }>(b(), 'GET', '/api/projects?limit=5', { token });
    const id = await startPlan(a(), { timeLimitMs: 60_000 });
    await until(b(), id, (r) => r.status === 'running' && r.progress.schedules > 0, 20_000);
    const { running, other } = await runnerOf(id);
    running.run.child.kill('SIGKILL');
    const killed = Date.now();
    // meanwhile `tandem plan` plans on the same database (taken by its own worker or the survivor's)
    const cli = tandem(['plan', '--project', projects.body.items[1]!.id, '--time-ms', '500'], tempDir(), env);
    const run = await until(other, id, (r) => !isLive(r), 30_000);
    expect(Date.now() - killed).toBeLessThan(30_000);
    expect(run.status).toBe('failed');
    expect(run.message).toBe('The server running this plan stopped; start it again.');
    const next = await startPlan(other, { timeLimitMs: 1000 });
    expect((await until(other, next, (r) => !isLive(r), 30_000)).status).toBe('done');
    // the command exits once it is done: the queue it started lets go of its timers and connections
    expect(await cli.exited(60_000), cli.stderr()).toBe(0);
    expect(cli.stdout()).toMatch(/^Planned .+: \d+ open tasks in [\d.]+ s/m);
    expect(cli.stderr()).toBe('');
    // nothing to report on the way (the queue's warnings would be pino lines of level 40 or 50), and
    // a graceful stop closes the queue and the database
    expect(other.run.stderr()).toBe('');
    expect(other.run.stdout()).not.toMatch(/"level":[456]0/);
    other.run.child.kill('SIGTERM');
    expect(await other.run.exited(15_000)).toBe(0);
  }, 120_000);
});
