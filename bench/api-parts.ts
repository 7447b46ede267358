/**
 * Where a request of bench/api.ts spends its time, measured part by part in one process (no network,
 * no concurrency): authentication, the list use case (queries and presenter), the response
 * serializer, and the whole request through `app.inject`. Each part runs `--iterations` times after
 * a warm-up, in five rounds; the figures are microseconds of CPU time per call in the cheapest round.
 *
 *   npx tsx bench/api-parts.ts [--rows 50] [--iterations 2000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { page } from '../src/core/schemas/common';
import { task } from '../src/core/schemas/work';
import { connect } from '../src/db/connect';
import { buildApp } from '../src/server/app';
import { authenticate } from '../src/server/areas/auth/authenticate';
import { listTasks } from '../src/server/areas/tasks/list-tasks';
import { responseSerializerCompiler } from '../src/server/http/serializer';
import { systemClock } from '../src/server/providers/clock';
import { seed } from './api-seed';
import { numberArg, parseArgs } from './common';

const args = parseArgs(process.argv.slice(2), ['rows', 'iterations']);
const rows = numberArg(args, 'rows') ?? 50;
const iterations = numberArg(args, 'iterations') ?? 2000;

/**
 * CPU time of this process per call (not wall time, which other work on a shared machine stretches),
 * in the cheapest of five rounds.
 */
async function time(label: string, fn: () => unknown): Promise<void> {
  for (let i = 0; i < Math.min(500, iterations); i++) await fn();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < iterations / 5; i++) await fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, ((used.user + used.system) * 5) / iterations);
  }
  console.log(`${label.padEnd(34)} ${best.toFixed(0).padStart(6)} µs`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-parts-'));
try {
  const seeded = await seed(() => connect({ dataDir: dir }), { rows, auth: 'token' });
  const token = seeded.headers.authorization!.slice('Bearer '.length);
  const db = await connect({ dataDir: dir });
  const app = await buildApp({ db, logLevel: 'warn', checkResponses: false });
  try {
    const deps = { db: db.db, clock: systemClock };
    const auth = await authenticate(deps, { kind: 'bearer', token });
    if (!auth) throw new Error('the token does not authenticate');
    const query = { projectId: seeded.projectId, limit: rows, offset: 0 };
    const answer = await listTasks(deps, auth.actor, query);
    const route = { schema: page(task), method: 'GET', url: '/api/tasks', httpStatus: '200' };
    const zodSerialize = serializerCompiler(route) as (data: unknown) => string;
    const serialize = responseSerializerCompiler({ check: false })(route) as (data: unknown) => string;
    const url = `/api/tasks?projectId=${seeded.projectId}&limit=${rows}`;
    await time('authenticate (API token)', () => authenticate(deps, { kind: 'bearer', token }));
    await time(`listTasks use case (${rows} rows)`, () => listTasks(deps, auth.actor, query));
    await time('response serializer (compiled)', () => serialize(answer));
    await time('zod check + JSON.stringify', () => zodSerialize(answer));
    await time('JSON.stringify alone', () => JSON.stringify(answer));
    await time('whole request (app.inject)', () =>
      app.inject({ method: 'GET', url, headers: seeded.headers }),
    );
  } finally {
    await app.close();
    await db.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
