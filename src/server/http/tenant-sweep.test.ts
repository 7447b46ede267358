/**
 * No id of another organization reaches its record, on any route. Organizations A and B each get a
 * record of every kind that has an id (src/test/sweep-fixture.ts; B's texts carry a marker). Then every
 * account of A — one per role — calls EVERY operation of the OpenAPI document (routes added later are
 * swept too) with B's ids:
 *
 * - in every path parameter (all of B's, and each one alone beside A's own ids): the answer is 404 in
 *   the error shape, exactly as for an id that exists nowhere — never 200, never 403;
 * - in every id field of the body (nested objects and arrays included) and of the query, the rest of
 *   the request valid with A's own ids: 400 naming that field, or 404, or — where the request is refused
 *   for a reason that has nothing to do with the id (a role that may not, a 1:1 that is not theirs) —
 *   that same refusal; in every case exactly the answer an id that exists nowhere gets, so nothing
 *   tells an id of B from a made-up one. A list filtered by B's id is simply empty;
 *
 * and no answer is ever ≥ 500 or contains any of B's ids or B's marker. Reads with A's own ids are
 * searched for B too. Afterwards every row of B is as it was (a hash of each table's rows of B), and
 * B's accounts, listening on the live event stream all along, heard of nothing the sweep did.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roles, type Role } from '../../core/roles';
import { describeBackends } from '../../test/backends';
import { openEventStream, type EventStream } from '../../test/event-stream';
import { changedTables, fingerprinter, type Fingerprint } from '../../test/fingerprint';
import {
  bodyWith,
  idFieldsOf,
  isIdField,
  issueField,
  kindsOfField,
  kindsOfParam,
  loadOperations,
  sampleOf,
  type IdFor,
  type Operation,
} from '../../test/openapi-sweep';
import { seedOrganization, type SeededOrganization } from '../../test/sweep-fixture';
import { inject, makeWorld, type Response, type World } from '../../test/world';

/** Would end the sweep's own sign-in or need a fresh server, not reach a record of another organization. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/setup', 'POST /api/auth/login']);
const NOWHERE = '00000000-0000-4000-8000-00000000beef';

interface Call {
  op: Operation;
  url: string;
  body?: unknown;
  /** B's ids this call carries (an answer may echo those without revealing anything). */
  sent: string[];
}

const tag = () => Math.random().toString(36).slice(2, 10).toUpperCase();

describeBackends('tenant sweep: no id of another organization reaches its record', (backend) => {
  let world: World;
  let ops: Operation[];
  let a: SeededOrganization;
  let b: SeededOrganization;
  let bBefore: Fingerprint;
  let fingerprintB: () => Promise<Fingerprint>;
  const bStreams: EventStream[] = [];

  beforeAll(async () => {
    world = await makeWorld(backend);
    a = await seedOrganization(world, 'a', `AMARK${tag()}`);
    b = await seedOrganization(world, 'b', `BMARK${tag()}`);
    ops = (await loadOperations(world)).filter((op) => !SKIP.has(op.key));
    fingerprintB = await fingerprinter(world.db, { orgId: world.b.orgId });
    bBefore = await fingerprintB();
    for (const role of roles)
      bStreams.push(await openEventStream(world.app, { authorization: `Bearer ${b.as[role].token}` }));
  }, 120_000);
  afterAll(async () => {
    for (const stream of bStreams) stream.close();
    await world.close();
  });

  /** A's own ids for the fields a call does not probe: the caller's own person and account. */
  const ownIds =
    (role: Role): IdFor =>
    (kind) => {
      if (kind === 'person') return a.as[role].actor.personId!;
      if (kind === 'user') return a.as[role].actor.userId;
      return a.ids[kind][0]!;
    };

  const urlOf = (op: Operation, params: Record<string, string>, query = '') =>
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name]!) + (query ? `?${query}` : '');

  function pathProbes(op: Operation, role: Role): Call[] {
    if (op.pathParams.length === 0) return [];
    const own = ownIds(role);
    const mine = Object.fromEntries(op.pathParams.map((p) => [p, own(kindsOfParam(op.path, p)[0]!, p)]));
    const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : sampleOf(op.body, own);
    const theirs = (p: string) => kindsOfParam(op.path, p).flatMap((k) => b.ids[k]);
    const calls: Call[] = [];
    // all of B's (the first of each kind together), then each parameter alone beside A's own ids
    const allB = Object.fromEntries(op.pathParams.map((p) => [p, theirs(p)[0]!]));
    calls.push({ op, url: urlOf(op, allB), body, sent: Object.values(allB) });
    if (op.pathParams.length > 1 || theirs(op.pathParams[0]!).length > 1)
      for (const p of op.pathParams)
        for (const id of theirs(p))
          calls.push({ op, url: urlOf(op, { ...mine, [p]: id }), body, sent: [id] });
    return calls;
  }

  /**
   * The bodies a probed id field sits in: the required fields with the caller as the person, or with
   * someone else (kudos go to someone else), then with every id field filled (a task needs a project
   * or a goal). The sweep uses the first in which an id that exists nowhere is refused for itself.
   */
  const basesOf = (role: Role): { idFor: IdFor; withIds: boolean }[] => {
    const own = ownIds(role);
    const other: IdFor = (kind, name) => (kind === 'person' ? a.neutral.personId : own(kind, name));
    return [
      { idFor: own, withIds: false },
      { idFor: other, withIds: false },
      { idFor: own, withIds: true },
      { idFor: other, withIds: true },
    ];
  };

  interface FieldTarget {
    field: string;
    /** The call with `id` in the field, on the i-th base. */
    call(id: string, base: number): Call;
    bases: number;
  }

  function fieldTargets(op: Operation, role: Role): FieldTarget[] {
    const own = ownIds(role);
    const params = Object.fromEntries(op.pathParams.map((p) => [p, own(kindsOfParam(op.path, p)[0]!, p)]));
    const url = urlOf(op, params);
    const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
    const bases = basesOf(role);
    const targets: FieldTarget[] = [];
    if (hasBody && op.body)
      for (const field of idFieldsOf(op.body))
        targets.push({
          field: issueField('body', field.path),
          bases: bases.length,
          call: (id, i) => ({
            op,
            url,
            body: bodyWith(
              op.body!,
              field.path,
              field.isList ? [id] : id,
              bases[i]!.idFor,
              bases[i]!.withIds,
            ),
            sent: id === NOWHERE ? [] : [id],
          }),
        });
    const body = hasBody ? sampleOf(op.body, own) : undefined;
    for (const q of op.query.filter((param) => isIdField(param.name, param.schema)))
      targets.push({
        field: issueField('querystring', [q.name]),
        bases: 1,
        call: (id) => ({
          op,
          url: urlOf(op, params, `${q.name}=${id}`),
          body,
          sent: id === NOWHERE ? [] : [id],
        }),
      });
    return targets;
  }

  const idKindsOf = (field: string) =>
    kindsOfField(
      field
        .split('.')
        .filter((part) => !/^\d+$/.test(part))
        .pop()!,
    );

  let calls = 0;
  async function send(role: Role, call: Call): Promise<Response> {
    calls += 1;
    return inject(world.app, {
      method: call.op.method,
      url: call.url,
      headers: { authorization: `Bearer ${a.as[role].token}` },
      ...(call.body === undefined ? {} : { payload: call.body as Record<string, unknown> }),
    });
  }

  /** What an answer must never be or show, whatever the call. */
  function leaks(call: Call, res: Response): string[] {
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    const found: string[] = [];
    if (res.status >= 500) found.push(`answered ${res.status}`);
    if (text.includes(b.marker)) found.push(`shows B's marker`);
    for (const id of b.allIds)
      if (!call.sent.includes(id) && text.includes(id)) found.push(`shows B's id ${id}`);
    return found;
  }

  /** The answer with the ids it carries replaced, to compare a probe with its control. */
  const shape = (res: Response, ids: string[]) => {
    let text = JSON.stringify(res.body);
    for (const id of [...ids, NOWHERE]) text = text.split(id).join('<id>');
    return `${res.status} ${text}`;
  };

  const counts = { path: 0, field: 0, controls: 0, decisive: 0, reads: 0 };

  it('answers 404 to every id of B in any path parameter, for every role', async () => {
    const failures: string[] = [];
    for (const role of roles)
      for (const op of ops)
        for (const call of pathProbes(op, role)) {
          const res = await send(role, call);
          counts.path += 1;
          const code = (res.body as { error?: { code?: string } } | null)?.error?.code;
          const problems = leaks(call, res);
          if (res.status !== 404 || code !== 'not_found')
            problems.push(`answered ${res.status} ${code ?? ''}`);
          failures.push(...problems.map((p) => `${role}: ${op.method} ${call.url}: ${p}`));
        }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers an id of B in any body or query field as it answers an id that exists nowhere', async () => {
    const failures: string[] = [];
    const namesField = (res: Response, field: string) =>
      res.status === 400 &&
      (
        (res.body as { error?: { details?: { issues?: { field: string }[] } } } | null)?.error?.details
          ?.issues ?? []
      ).some((i) => i.field === field || i.field.startsWith(`${field}.`));
    const isDecisive = (res: Response, field: string) => namesField(res, field) || res.status === 404;
    for (const role of roles)
      for (const op of ops)
        for (const target of fieldTargets(op, role)) {
          // the first base in which a made-up id is refused for itself; else the first, refused for another reason
          let base = 0;
          let control = await send(role, target.call(NOWHERE, 0));
          counts.controls += 1;
          for (let i = 1; i < target.bases && !isDecisive(control, target.field); i += 1) {
            const next = await send(role, target.call(NOWHERE, i));
            counts.controls += 1;
            if (isDecisive(next, target.field)) [base, control] = [i, next];
          }
          const decisive = isDecisive(control, target.field);
          for (const id of idKindsOf(target.field).flatMap((k) => b.ids[k])) {
            const probe = target.call(id, base);
            const res = await send(role, probe);
            counts.field += 1;
            if (decisive) counts.decisive += 1;
            const problems = leaks(probe, res);
            // refused for itself (400 naming the field, 404), or for a reason that is not the id (403,
            // 409, another field); a read filtered by it is just empty — but always as a made-up id is
            if (res.status >= 200 && res.status < 300 && op.method !== 'GET')
              problems.push(`accepted it: ${JSON.stringify(res.body).slice(0, 160)}`);
            if (shape(res, probe.sent) !== shape(control, []))
              problems.push(`answers B's id (${res.status}) unlike a made-up one (${control.status})`);
            failures.push(...problems.map((p) => `${role}: ${op.method} ${probe.url} ${target.field}: ${p}`));
          }
        }
    expect(failures).toEqual([]);
  }, 120_000);

  it("shows nothing of B in any read of A's own records", async () => {
    const failures: string[] = [];
    for (const role of roles)
      for (const op of ops.filter((o) => o.method === 'GET')) {
        const own = ownIds(role);
        const params = Object.fromEntries(
          op.pathParams.map((p) => [p, own(kindsOfParam(op.path, p)[0]!, p)]),
        );
        const call: Call = { op, url: urlOf(op, params), sent: [] };
        const res = await send(role, call);
        counts.reads += 1;
        failures.push(...leaks(call, res).map((p) => `${role}: GET ${call.url}: ${p}`));
      }
    expect(failures).toEqual([]);
  }, 120_000);

  it('leaves every row of B as it was, after a sweep that cannot have passed vacuously', async () => {
    expect(changedTables(bBefore, await fingerprintB())).toEqual([]);
    // B is still whole, seen by its own owner
    for (const [kind, route] of [
      ['goal', '/api/goals'],
      ['task', '/api/tasks'],
      ['oneOnOne', '/api/one-on-ones'],
    ] as const) {
      const res = await world.b.as[kind === 'oneOnOne' ? 'manager' : 'owner'].get<{
        items: { id: string }[];
      }>(route);
      expect(res.body.items.map((i) => i.id)).toEqual(expect.arrayContaining(b.ids[kind]));
    }
    // lower bounds: a generator that lost its routes or its id fields fails here
    expect(ops.length).toBeGreaterThan(100);
    expect(counts.path).toBeGreaterThan(520);
    expect(counts.field).toBeGreaterThan(380);
    expect(counts.decisive).toBeGreaterThan(240);
    expect(counts.reads).toBeGreaterThan(160);
    expect(calls).toBe(counts.path + counts.field + counts.controls + counts.reads);
  });

  it('tells B’s accounts of nothing the sweep did', async () => {
    // events arrive in order: once B's own change has arrived, everything before it has too
    const sentinel = await b.as.owner.post<{ id: string }>('/api/teams', { name: `Sentinel ${tag()}` });
    expect(sentinel.status).toBe(201);
    for (const stream of bStreams) {
      await stream.waitFor((e) => e.id === sentinel.body.id, 10_000);
      expect(stream.changes().filter((e) => e.id !== sentinel.body.id)).toEqual([]);
    }
  });
});
