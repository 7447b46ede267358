/**
 * docs/deploy.md's example, run: two `tandem serve` processes on one PostgreSQL database behind nginx
 * configured with the page's own nginx block. Sign in, write and read through the proxy, see the
 * write from both processes and on an event stream opened through the proxy, then stop one process
 * and keep working through the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openEventStream } from '../test/event-stream';
import { freePort } from '../test/free-port';
import { emptyDatabase } from '../test/postgres-database';
import { killAll, root, tandem, tempDir } from '../test/processes';

const postgresUrl = inject('postgresUrl');
let nginx: ChildProcess | null = null;

afterAll(() => {
  nginx?.kill('SIGKILL');
  killAll();
});

/** The page's nginx block, with the example's ports replaced by the test's. */
export function nginxBlock(page: string, ports: { a: number; b: number; proxy: number }): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(page)?.[1];
  if (!block) throw new Error('docs/deploy.md has no nginx block');
  for (const expected of ['127.0.0.1:3001', '127.0.0.1:3002', 'listen 8080;'])
    if (!block.includes(expected)) throw new Error(`the nginx block no longer has ${expected}`);
  return block
    .replaceAll('127.0.0.1:3001', `127.0.0.1:${ports.a}`)
    .replaceAll('127.0.0.1:3002', `127.0.0.1:${ports.b}`)
    .replace('listen 8080;', `listen 127.0.0.1:${ports.proxy};`);
}

function startNginx(block: string): ChildProcess {
  const prefix = tempDir();
  const conf = path.join(prefix, 'nginx.conf');
  // single process as the test's user (no worker user to switch to), logs to stderr, files in prefix
  fs.writeFileSync(
    conf,
    `daemon off;\nmaster_process off;\npid ${prefix}/nginx.pid;\nerror_log stderr warn;\n` +
      `events { worker_connections 256; }\nhttp {\n access_log off;\n` +
      ` client_body_temp_path ${prefix}/body;\n proxy_temp_path ${prefix}/proxy;\n${block}\n}\n`,
  );
  const binary = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const child = spawn(binary, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`nginx: ${chunk.toString()}`));
  return child;
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} within ${ms} ms`);
}

describe.skipIf(!postgresUrl)('docs/deploy.md: two processes behind nginx', () => {
  it('serves through the proxy and keeps serving when one process stops', async () => {
    const page = fs.readFileSync(path.join(root, 'docs/deploy.md'), 'utf8');
    const database = await emptyDatabase(postgresUrl!);
    const [a, b, proxy] = await Promise.all([freePort(), freePort(), freePort()]);
    const env = { DATABASE_URL: database.url, TANDEM_TRUST_PROXY: '127.0.0.1' };
    const processA = tandem(['serve', '--port', String(a)], tempDir(), env);
    const processB = tandem(['serve', '--port', String(b)], tempDir(), env);
    await Promise.all([processA, processB].map((run) => run.waitFor(/Tandem is listening on/, 90_000)));
    const [, email, password] = /demo sign-in \(owner\): (\S+) (\S+)/.exec(processA.stdout())!;

    nginx = startNginx(nginxBlock(page, { a, b, proxy }));
    const base = `http://127.0.0.1:${proxy}`;
    await until(async () => (await fetch(`${base}/api/ready`)).ok, 10_000, 'nginx did not answer');

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    // live updates pass the proxy unbuffered: the stream sees the write below as it happens
    const stream = await openEventStream(base, { cookie });
    expect(stream.status).toBe(200);
    const projects = (await (await fetch(`${base}/api/projects?limit=1`, { headers })).json()) as {
      items: { id: string }[];
    };
    const created = await fetch(`${base}/api/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        projectId: projects.items[0]!.id,
        title: 'Through the proxy',
        estimateHours: 3,
      }),
    });
    expect(created.status).toBe(201);
    const task = (await created.json()) as { id: string };
    await stream.waitFor((e) => e.kind === 'task' && e.id === task.id, 2000);
    stream.close();

    // the session and the task are in the database: each process, asked directly, knows both
    for (const port of [a, b]) {
      const direct = await fetch(`http://127.0.0.1:${port}/api/tasks/${task.id}`, { headers });
      expect(direct.status).toBe(200);
      expect(((await direct.json()) as { title: string }).title).toBe('Through the proxy');
    }

    processA.child.kill('SIGTERM');
    expect(await processA.exited(20_000)).toBe(0);
    for (let i = 0; i < 4; i++) {
      const read = await fetch(`${base}/api/tasks/${task.id}`, { headers });
      expect(read.status).toBe(200);
    }
    const edited = await fetch(`${base}/api/tasks/${task.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ title: 'Still served' }),
    });
    expect(edited.status).toBe(200);
  }, 180_000);
});
