/**
 * The fuzz suite. For EVERY operation of the OpenAPI document — so routes added
 * later are covered without anyone remembering — the owner of organization A sends malformed requests
 * aimed at a small fixture's real ids (src/test/fuzz-cases.ts says which, src/test/fuzz-fixture.ts
 * makes the fixture). The rules:
 *
 * - no answer is 500 or above;
 * - every error has the one shape `{ error: { code, message, details? } }`, its code is one of
 *   core/errors.ts and its status the one the code maps to; a 400 for a field at fault names it in
 *   `details.issues[].field`; a malformed request is never accepted;
 * - nothing is stored by a request that failed: a fingerprint of every table (row count and a hash of
 *   the contents) is the same before and after each operation's failing requests (requests that may
 *   succeed are checked one by one);
 * - afterwards every read still answers below 500 (what the fuzz stored at the edges of the bounds
 *   does not break a view), and the organization's main pages answer 200.
 *
 * It also checks the document itself: every number, string and array an operation accepts is bounded.
 * Deterministic: the cases are derived from the schemas, nothing is drawn at random.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorCodes, type ErrorCode } from '../../core/errors';
import { describeBackends } from '../../test/backends';
import { changedTables, fingerprinter, type Fingerprint } from '../../test/fingerprint';
import { casesFor, realUrl, type FuzzCase } from '../../test/fuzz-cases';
import { METHODS, unboundedInputs, type Operation, type Paths } from '../../test/openapi-document';
import { makeFuzzFixture, type FuzzFixture } from '../../test/fuzz-fixture';
import { inject, makeWorld, type Response, type World } from '../../test/world';
import { inProcessRunner } from '../areas/planning/runner';
import { statusByCode } from './errors';

const PAGES = ['/api/strategy', '/api/goals', '/api/home', '/api/people', '/api/projects'];

interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    details?: { issues?: { field?: unknown; reason?: unknown }[] };
  };
}

/** What is wrong with an error answer's shape, or null. */
function errorShapeProblem(res: Response): string | null {
  const body = res.body as ErrorBody | null;
  if (!body || typeof body !== 'object' || Object.keys(body).join() !== 'error' || !body.error)
    return 'is not { error: { … } }';
  const { code, message, details } = body.error;
  if (typeof code !== 'string' || !(errorCodes as readonly string[]).includes(code))
    return `has code ${String(code)}, not one of core/errors.ts`;
  if (typeof message !== 'string') return 'has no message';
  if (statusByCode[code as ErrorCode] !== res.status)
    return `answers ${res.status} for ${code}, which maps to ${statusByCode[code as ErrorCode]}`;
  if (code === 'validation_failed') {
    const issues = details?.issues;
    if (!Array.isArray(issues) || issues.length === 0) return 'is a validation_failed without issues';
    if (issues.some((i) => typeof i.field !== 'string' || typeof i.reason !== 'string'))
      return 'has an issue without field or reason';
  }
  return null;
}

/** What is wrong with the answer to one fuzz case, or null. */
function problemOf(c: FuzzCase, res: Response): string | null {
  const text = (typeof res.body === 'string' ? res.body : JSON.stringify(res.body)).slice(0, 240);
  if (res.status >= 500) return `answered ${res.status}: ${text}`;
  if (res.status >= 400) {
    const shape = errorShapeProblem(res);
    if (shape) return `${shape}: ${text}`;
  }
  if (c.expect.kind === 'fail' && res.status < 400) return `was accepted (${res.status})`;
  if (c.expect.kind === 'field') {
    const { field } = c.expect;
    const issues = (res.body as ErrorBody | null)?.error?.details?.issues ?? [];
    const names = issues.some((i) => i.field === field || String(i.field).startsWith(`${field}.`));
    if (res.status !== 400 || !names)
      return `should answer 400 naming ${field}; answered ${res.status}: ${text}`;
  }
  return null;
}

describeBackends('fuzz: malformed requests to every operation', (backend) => {
  let world: World;
  let fixture: FuzzFixture;
  let paths: Paths;
  let fingerprint: () => Promise<Fingerprint>;
  beforeAll(async () => {
    // plan runs on the calling thread: a worker thread per fuzzed run would cost seconds each
    world = await makeWorld(backend, { planRunner: inProcessRunner });
    fixture = await makeFuzzFixture(world);
    paths = ((await world.anonymous.get('/api/openapi.json')).body as { paths: Paths }).paths;
    fingerprint = await fingerprinter(world.db);
  }, 120_000);
  afterAll(async () => world.close());

  const send = (c: FuzzCase) =>
    inject(world.app, {
      method: c.method,
      url: c.url,
      headers: {
        ...fixture.headers,
        ...(c.payload === undefined ? {} : { 'content-type': c.contentType ?? 'application/json' }),
      },
      ...(c.payload === undefined ? {} : { payload: c.payload }),
    });

  const operations = () => {
    const all: { key: string; path: string; method: (typeof METHODS)[number]; op: Operation }[] = [];
    for (const [path, ops] of Object.entries(paths))
      for (const method of METHODS) {
        const op = ops[method];
        if (op) all.push({ key: `${method.toUpperCase()} ${path}`, path, method, op });
      }
    return all;
  };

  it('bounds every number, string and array that any operation accepts', () => {
    expect(unboundedInputs(paths)).toEqual([]);
  });

  it('answers every malformed request below 500, in the one error shape, naming the field, and stores nothing for it', async () => {
    const problems: string[] = [];
    // reads first, on the fixture as made; deletions last, as they remove what the others aim at
    const rank = (m: string) => (m === 'get' ? 0 : m === 'delete' ? 2 : 1);
    const ordered = operations().sort((a, b) => rank(a.method) - rank(b.method));
    let total = 0;
    let after = await fingerprint();
    for (const { key, path, method, op } of ordered) {
      const cases = casesFor(path, method, op, fixture);
      total += cases.length;
      // reads store nothing whatever they answer; malformed writes store nothing because they fail
      const batch = cases.filter((c) => c.method === 'GET' || c.expect.kind !== 'any');
      const oneByOne = cases.filter((c) => !batch.includes(c));
      let before = after;
      let accepted = false;
      for (const c of batch) {
        const res = await send(c);
        const problem = problemOf(c, res);
        if (problem) problems.push(`${c.label} ${problem}`);
        if (res.status < 400 && c.method !== 'GET') accepted = true;
      }
      after = await fingerprint();
      // an accepted malformed write is a problem above already; what it stored proves nothing more
      const changed = changedTables(before, after);
      if (!accepted && changed.length > 0)
        problems.push(`${key}: failed requests stored ${changed.join(', ')}`);
      for (const c of oneByOne) {
        before = after;
        const res = await send(c);
        const problem = problemOf(c, res);
        if (problem) problems.push(`${c.label} ${problem}`);
        if (res.status < 400) await fixture.settle();
        after = await fingerprint();
        const stored = changedTables(before, after);
        if (res.status >= 400 && stored.length > 0)
          problems.push(`${c.label} failed (${res.status}) but stored ${stored.join(', ')}`);
      }
      // an operation may end the suite's own session (sign-out): sign in again for the next one
      const me = await inject(world.app, { method: 'GET', url: '/api/auth/me', headers: fixture.headers });
      if (me.status !== 200) {
        await fixture.signIn();
        after = await fingerprint();
      }
    }
    expect(total).toBeGreaterThan(2500);
    expect(problems.slice(0, 60), `${problems.length} problems`).toEqual([]);
  }, 300_000);

  it('answers every read below 500 after the fuzz stored values at the edges of the bounds', async () => {
    const problems: string[] = [];
    for (const { key, path, method } of operations()) {
      if (method !== 'get') continue;
      const res = await send({
        label: key,
        method: 'GET',
        url: realUrl(path, fixture),
        expect: { kind: 'any' },
      });
      const problem =
        res.status >= 500 ? `answered ${res.status}` : res.status >= 400 ? errorShapeProblem(res) : null;
      if (problem) problems.push(`${key} ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('leaves the main pages working for everyone afterwards', async () => {
    // the owner by the suite's session: the sweep revoked the owner's API tokens (DELETE /api/tokens)
    const owner = (url: string) => inject(world.app, { method: 'GET', url, headers: fixture.headers });
    const readers = [
      { who: 'owner', get: owner },
      ...(['leader', 'manager', 'member'] as const).map((role) => ({
        who: role,
        get: (url: string) => world.a.as[role].get(url),
      })),
    ];
    for (const { who, get } of readers)
      for (const page of PAGES) {
        const res = await get(page);
        expect({ who, page, status: res.status }).toEqual({ who, page, status: 200 });
      }
  });
});
