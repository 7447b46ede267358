/**
 * Every write answers as the permission table (src/core/roles.ts) and the ownership rules
 * (docs/permissions.md, docs/people-permissions.md) say, for every role. The table below gives each
 * write operation of the OpenAPI document its cases: on which record (made fresh for each role, so a
 * delete or an answer never spoils the next) and which roles may. A role that may gets a 2xx (or the
 * one other answer a case names, with its reason); a role that may not gets 403 — or 404 where the
 * record does not exist for them (a 1:1 they are not in, someone else's token) — and nothing is stored
 * (every row of the organization hashed before and after). Nothing answers ≥ 500.
 *
 * A write route added to the API without an entry here fails the first test: nobody forgets one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roles, type Role } from '../../core/roles';
import { describeBackends } from '../../test/backends';
import { changedTables, fingerprinter } from '../../test/fingerprint';
import { loadOperations, sampleOf, type IdFor, type Operation } from '../../test/openapi-sweep';
import { factories, type Factories } from '../../test/sweep-factories';
import {
  cancelPlanRuns,
  seedOrganization,
  settlePlanRuns,
  type SeededOrganization,
} from '../../test/sweep-fixture';
import { inject, makeWorld, type Response, type World } from '../../test/world';
import {
  act,
  bodies,
  byManager,
  comingUp,
  everyone,
  fixture,
  goalOf,
  inPair,
  made,
  manager,
  may,
  member,
  memberKudos,
  milestoneCases,
  neutral,
  newPerson,
  on,
  pairOf,
  personalNote,
  projectOf,
  quick,
  renamed,
  requestCases,
  roundOf,
  rule,
  runCases,
  send,
  taskOf,
  timeEntry,
  timeOff,
  tokenOf,
  type Case,
  type Ctx,
  type Entry,
  type Request,
} from '../../test/write-cases';

const table: Record<string, Entry> = {
  'POST /api/auth/login': { skip: 'public: signs in with a password (auth tests)' },
  'POST /api/auth/logout': { skip: "ends the caller's own session and nothing else (auth tests)" },
  'PUT /api/auth/password': { skip: "each account changes its own; it would end the sweep's sign-in" },
  'POST /api/setup': { skip: 'public first run: 409 once an organization exists (setup tests)' },
  'POST /api/tokens': [rule('everyone makes their own tokens', everyone)],
  'DELETE /api/tokens': { skip: "revokes all the caller's tokens, the sweep's own too (auth tests)" },
  'DELETE /api/tokens/{id}': [
    rule('its creator revokes a token', everyone, on(tokenOf('me'))),
    rule("someone else's token is not there for them", ['owner'], on(tokenOf('owner')), {
      hidden: ['leader', 'manager', 'member'],
    }),
  ],
  'POST /api/users': [act('users.manage', send(bodies.user))],
  'PATCH /api/users/{id}': [act('users.manage', on(made('user'), { role: 'leader' }))],
  'PATCH /api/organization': [act('org.update', send({ vision: 'Probe' }))],
  'POST /api/pillars': [act('pillars.write')],
  'PATCH /api/pillars/{id}': [act('pillars.write', on(fixture('pillar')))],
  'DELETE /api/pillars/{id}': [act('pillars.write', on(made('pillar')))],
  'POST /api/goals': [act('goals.write')],
  'PATCH /api/goals/{id}': [
    act('goals.write', on(goalOf(neutral), renamed)),
    rule("the goal's owner edits it", may('goals.write', 'member'), on(goalOf(member), renamed)),
  ],
  'DELETE /api/goals/{id}': [rule('goals.write (not its owner)', may('goals.write'), on(goalOf(member)))],
  'POST /api/goals/{id}/check-ins': [
    act('goals.checkin', on(goalOf(neutral))),
    rule("the goal's owner checks in", may('goals.checkin', 'member'), on(goalOf(member))),
  ],
  'POST /api/goals/{id}/decompose': [act('projects.create', on(fixture('goal'), bodies.decompose))],
  'POST /api/projects': [act('projects.create')],
  'PATCH /api/projects/{id}': [
    act('projects.write.any', on(projectOf(neutral))),
    rule("the project's manager edits it", may('projects.write.any', 'member'), on(projectOf(member))),
  ],
  'DELETE /api/projects/{id}': [
    act('projects.write.any', on(projectOf(neutral))),
    rule("the project's manager deletes it", may('projects.write.any', 'manager'), on(projectOf(manager))),
  ],
  'POST /api/tasks': [
    act('tasks.write.any', send(bodies.inNewProject)),
    rule(
      "the project's manager adds tasks",
      may('tasks.write.any', 'manager'),
      send(bodies.inManagedProject),
    ),
    rule('on a goal, in no project: goals.write', may('goals.write'), send(bodies.onGoal)),
  ],
  'PATCH /api/tasks/{id}': [
    act('tasks.write.any', on(taskOf(false), renamed)),
    rule(
      "the project's manager edits its tasks",
      may('tasks.write.any', 'manager'),
      on(taskOf(true), renamed),
    ),
    rule(
      'the assignee moves its status',
      may('tasks.write.any', 'member'),
      on(taskOf(false, member), { status: 'doing' }),
    ),
    rule('the assignee changes nothing else', may('tasks.write.any'), on(taskOf(false, member), renamed)),
  ],
  'DELETE /api/tasks/{id}': [
    act('tasks.write.any', on(taskOf(false))),
    rule("the project's manager deletes its tasks", may('tasks.write.any', 'manager'), on(taskOf(true))),
  ],
  'POST /api/tasks/{id}/time-entries': [
    rule("anyone's time: tasks.write.any", may('tasks.write.any'), on(taskOf(false))),
    rule('their own time on their task', may('tasks.write.any', 'member'), on(taskOf(false, member))),
    rule(
      "the project's manager logs anyone's",
      may('tasks.write.any', 'manager'),
      on(taskOf(true), bodies.forNeutral),
    ),
  ],
  'DELETE /api/time-entries/{id}': [
    rule("anyone's entry: tasks.write.any", may('tasks.write.any'), on(timeEntry(false, neutral))),
    rule('their own entry', may('tasks.write.any', 'member'), on(timeEntry(false, member))),
    rule(
      "the project's manager removes any on it",
      may('tasks.write.any', 'manager'),
      on(timeEntry(true, neutral)),
    ),
  ],
  'POST /api/people': [act('people.write')],
  'PATCH /api/people/{id}': [
    act('people.write', on(newPerson, renamed)),
    rule('the person and their manager', may('people.write', 'manager', 'member'), on(member, renamed)),
    rule('not their own rates', may('people.write', 'manager'), on(member, bodies.newRate)),
  ],
  'DELETE /api/people/{id}': [act('people.write', on(newPerson))],
  'POST /api/people/{id}/time-off': [
    act('people.write', on(newPerson)),
    rule('the person and their manager', may('people.write', 'manager', 'member'), on(member)),
  ],
  'DELETE /api/people/{id}/time-off/{timeOffId}': [
    act('people.write', on(newPerson, undefined, timeOff)),
    rule(
      'the person and their manager',
      may('people.write', 'manager', 'member'),
      on(member, undefined, timeOff),
    ),
  ],
  'POST /api/skills': [act('skills.create')],
  'POST /api/teams': [act('teams.write')],
  'PATCH /api/teams/{id}': [act('teams.write', on(fixture('team')))],
  'DELETE /api/teams/{id}': [act('teams.write', on(made('team')))],
  'POST /api/clients': [act('clients.write')],
  'PATCH /api/clients/{id}': [act('clients.write', on(fixture('client')))],
  'DELETE /api/clients/{id}': [act('clients.write', on(made('client')))],
  'POST /api/plan-runs': [
    rule('the whole organization: plans.any', may('plans.any'), send(quick)),
    rule('a project they manage', may('plans.create'), send(bodies.managedRun)),
    rule("someone else's project: plans.any", may('plans.any'), send(bodies.othersRun)),
  ],
  'POST /api/plan-runs/{id}/cancel': runCases,
  'POST /api/plan-runs/{id}/apply': runCases,
  'POST /api/values': [act('org.update')],
  'PATCH /api/values/{id}': [act('org.update', on(fixture('value')))],
  'DELETE /api/values/{id}': [act('org.update', on(made('value')))],
  'POST /api/kudos': [rule('everyone recognises a colleague', everyone)],
  'DELETE /api/kudos/{id}': [
    rule('the giver, or people.write', may('people.write', 'member'), on(memberKudos)),
  ],
  'POST /api/one-on-ones': [
    rule('a manager with a direct report', ['manager'], send(bodies.directReport)),
    rule('a mentor with their mentee', everyone, send(bodies.mentee)),
  ],
  'PATCH /api/one-on-ones/{id}': [inPair('its two participants', pairOf, {}, { cadence: 'weekly' })],
  'POST /api/one-on-ones/{id}/meetings': [inPair('its two participants', pairOf, {}, undefined, comingUp)],
  'PATCH /api/one-on-ones/{id}/meetings/{meetingId}': [
    inPair('its two participants', pairOf, {}, { date: '2026-03-12' }),
  ],
  'POST /api/one-on-ones/{id}/meetings/{meetingId}/agenda-items': [inPair('its two participants', pairOf)],
  'PATCH /api/one-on-ones/{id}/agenda-items/{itemId}': [
    inPair(
      'either participant ticks it off',
      pairOf,
      { itemId: fixture('agendaItem') },
      { isDiscussed: true },
    ),
    inPair('only its author rewords it', ['member'], { itemId: fixture('agendaItem') }, { text: 'Reworded' }),
  ],
  'DELETE /api/one-on-ones/{id}/agenda-items/{itemId}': [
    inPair('only its author', ['manager'], { itemId: byManager('agenda-items') }),
  ],
  'POST /api/one-on-ones/{id}/meetings/{meetingId}/notes': [inPair('its two participants', pairOf)],
  'PATCH /api/one-on-ones/{id}/notes/{noteId}': [
    inPair('only its author edits a shared note', ['manager'], { noteId: fixture('note', 0) }),
    inPair(
      'a personal note is its author’s alone',
      ['member'],
      { noteId: fixture('note', 2) },
      {},
      personalNote,
    ),
  ],
  'DELETE /api/one-on-ones/{id}/notes/{noteId}': [
    inPair('only its author', ['manager'], { noteId: byManager('notes') }),
  ],
  'POST /api/one-on-ones/{id}/action-items': [
    inPair('its two participants', pairOf, {}, bodies.ownedByMember),
  ],
  'PATCH /api/one-on-ones/{id}/action-items/{itemId}': [
    inPair('its two participants', pairOf, { itemId: fixture('actionItem') }, { isDone: true }),
  ],
  'DELETE /api/one-on-ones/{id}/action-items/{itemId}': [
    inPair('its two participants', pairOf, { itemId: byManager('action-items') }),
  ],
  'PUT /api/people/{id}/growth-plan': milestoneCases(false, { aspiration: 'Grow' }).slice(0, 2),
  'POST /api/people/{id}/growth-plan/milestones': milestoneCases(false),
  'PATCH /api/people/{id}/growth-plan/milestones/{milestoneId}': milestoneCases(true, { isDone: true }),
  'DELETE /api/people/{id}/growth-plan/milestones/{milestoneId}': milestoneCases(true),
  'POST /api/people/{id}/talent': [
    act('people.write', on(newPerson)),
    rule('the management chain, never the person', may('people.write', 'manager'), on(member)),
  ],
  'PUT /api/pulse/me': [rule('everyone answers their own pulse', everyone)],
  'POST /api/assessments/me': [rule('everyone assesses themself', everyone)],
  'PUT /api/assessments/me/self': [rule('everyone assesses themself', everyone)],
  'POST /api/assessments/me/requests': [rule('everyone asks colleagues about themself', everyone)],
  'DELETE /api/assessments/me/requests/{id}': [
    rule('a request of their own round', everyone, on(roundOf('me'))),
    rule("someone else's round is not there for them", [], on(roundOf('neutral')), { hidden: everyone }),
  ],
  'POST /api/assessments/me/close': [rule('everyone closes their own round', everyone)],
  'POST /api/assessment-requests/{id}/answer': requestCases,
  'POST /api/assessment-requests/{id}/decline': requestCases,
};

describeBackends('role sweep: every write answers as the permission rules say', (backend) => {
  let world: World;
  let writes: Operation[];
  let fx: SeededOrganization;
  let make: Factories;

  beforeAll(async () => {
    world = await makeWorld(backend);
    fx = await seedOrganization(world, 'a', `AMARK${Math.random().toString(36).slice(2, 8)}`);
    make = factories(world, 'a');
    writes = (await loadOperations(world)).filter((op) => op.method !== 'GET');
  }, 120_000);
  afterAll(async () => world.close());

  it('has an expectation for every write operation of the API, and none for a route that is gone', () => {
    expect(writes.map((op) => op.key).filter((key) => !(key in table))).toEqual([]);
    expect(Object.keys(table).filter((key) => !writes.some((op) => op.key === key))).toEqual([]);
  });

  it('lets exactly the roles that may write, refuses the others with 403 (404 where the record is not theirs to see), and stores nothing refused', async () => {
    const failures: string[] = [];
    const counts = { allowed: 0, refused: 0, hidden: 0 };
    const send = (role: Role, op: Operation, req: Request): Promise<Response> => {
      const url = op.path.replace(
        /\{([^}]+)\}/g,
        (_, name: string) => req.params?.[name] ?? `missing-${name}`,
      );
      const idFor: IdFor = (kind) => (kind === 'person' ? fx.neutral.personId : fx.ids[kind][0]!);
      const body = op.body
        ? { ...(sampleOf(op.body, idFor) as Record<string, unknown>), ...req.body }
        : undefined;
      return inject(world.app, {
        method: op.method,
        url,
        headers: { authorization: `Bearer ${fx.as[role].token}` },
        ...(body === undefined || op.method === 'DELETE' ? {} : { payload: body }),
      });
    };
    // members first: the roles that may least make the fewest changes before the others are refused
    for (const role of [...roles].reverse()) {
      const ctx: Ctx = { role, me: fx.as[role], as: fx.as, fx, make };
      const prepared: { op: Operation; c: Case; req: Request }[] = [];
      for (const op of writes) {
        const entry = table[op.key];
        if (!entry || 'skip' in entry) continue;
        for (const c of entry) prepared.push({ op, c, req: (await c.target?.(ctx)) ?? {} });
      }
      await settlePlanRuns(world, world.a.orgId);
      const label = (p: (typeof prepared)[number], res: Response) =>
        `${role}: ${p.op.key} (${p.c.rule}) → ${res.status} ${JSON.stringify(res.body).slice(0, 140)}`;
      const fingerprint = await fingerprinter(world.db, { orgId: world.a.orgId });
      const before = await fingerprint();
      for (const p of prepared.filter((x) => !x.c.may.includes(role))) {
        const res = await send(role, p.op, p.req);
        const isHidden = p.c.hidden?.includes(role) ?? false;
        const code = (res.body as { error?: { code?: string } } | null)?.error?.code;
        if (
          isHidden ? res.status !== 404 || code !== 'not_found' : res.status !== 403 || code !== 'forbidden'
        )
          failures.push(`refuse ${label(p, res)}`);
        counts[isHidden ? 'hidden' : 'refused'] += 1;
      }
      const stored = changedTables(before, await fingerprint());
      if (stored.length > 0) failures.push(`${role}: refused writes changed ${stored.join(', ')}`);
      for (const p of prepared.filter((x) => x.c.may.includes(role))) {
        const res = await send(role, p.op, p.req);
        if ((res.status < 200 || res.status > 299) && res.status !== p.c.also?.status)
          failures.push(`allow ${label(p, res)}`);
        counts.allowed += 1;
      }
      // the runs the allowed calls started are not needed finished, only quiet before the next role
      await cancelPlanRuns(world, 'a');
    }
    expect(failures).toEqual([]);
    // a table that lost its cases, or a loop that skipped them, cannot pass
    expect(counts.allowed).toBeGreaterThan(240);
    expect(counts.refused).toBeGreaterThan(95);
    expect(counts.hidden).toBeGreaterThan(40);
  }, 120_000);
});
