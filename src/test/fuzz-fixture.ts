/**
 * The small fixture the fuzz suite aims at: one of everything in organization A, made through the API
 * as its owner (and the leader, for a 360 request the owner answers), so malformed requests carry real
 * ids in their paths and bodies and reach the use cases. The owner signs in with a session cookie, not
 * an API token: one of the fuzzed routes revokes every token of its caller.
 */
import { expect } from 'vitest';
import type { GoalDetail } from '../core/schemas/spine';
import type { OneOnOneDetail } from '../core/schemas/people-side';
import type { FuzzContext } from './fuzz-cases';
import { setManager } from './accounts';
import { inject, type Client, type World } from './world';

export interface FuzzFixture extends FuzzContext {
  ids: Record<string, string>;
  /** Headers that sign the owner in (cookie and CSRF token); renewed by `signIn`. */
  headers: Record<string, string>;
  signIn(): Promise<void>;
  /** Cancels the plan runs fuzzed requests started (their search is not under test) and waits for them. */
  settle(): Promise<void>;
}

/** The sign-ins of the suite itself come from their own address, so the fuzzed sign-ins' failures cannot lock it out. */
const SUITE_ADDRESS = '10.99.0.1';

async function created(client: Client, url: string, body: unknown, method: 'post' | 'put' = 'post') {
  const res = await client[method]<{ id: string }>(url, body);
  expect({ url, isCreated: res.status >= 200 && res.status < 300, body: res.body }).toMatchObject({
    url,
    isCreated: true,
  });
  return res.body;
}

export async function makeFuzzFixture(world: World): Promise<FuzzFixture> {
  const owner = world.a.as.owner;
  const leader = world.a.as.leader;
  const member = world.a.as.member;
  const ids: Record<string, string> = {};
  ids.skill = (await created(owner, '/api/skills', { name: 'Fuzz skill' })).id;
  ids.team = (await created(owner, '/api/teams', { name: 'Fuzz team' })).id;
  ids.client = (await created(owner, '/api/clients', { name: 'Fuzz client' })).id;
  ids.person = (
    await created(owner, '/api/people', {
      name: 'Fuzz Person',
      teamId: ids.team,
      skills: [{ skillId: ids.skill, level: 3 }],
    })
  ).id;
  ids.timeOff = (
    await created(owner, `/api/people/${ids.person}/time-off`, {
      startDate: '2026-04-01',
      endDate: '2026-04-02',
    })
  ).id;
  ids.pillar = (await created(owner, '/api/pillars', { name: 'Fuzz pillar' })).id;
  ids.goal = (
    await created(owner, '/api/goals', { kind: 'objective', title: 'Fuzz goal', pillarId: ids.pillar })
  ).id;
  ids.keyResult = (
    await created(owner, '/api/goals', {
      kind: 'key_result',
      title: 'Fuzz key result',
      parentId: ids.goal,
      metricStart: 0,
      metricTarget: 10,
    })
  ).id;
  ids.project = (
    await created(owner, '/api/projects', {
      name: 'Fuzz project',
      clientId: ids.client,
      goalIds: [ids.keyResult],
      startDate: '2026-03-02',
      deadline: '2026-06-30',
      budgetHours: 100,
      budgetMoney: 10_000,
    })
  ).id;
  ids.task = (
    await created(owner, '/api/tasks', {
      title: 'Fuzz task',
      projectId: ids.project,
      estimateHours: 8,
      skillId: ids.skill,
      assigneeId: ids.person,
      plannedStart: '2026-03-03',
      plannedEnd: '2026-03-05',
    })
  ).id;
  ids.timeEntry = (
    await created(owner, `/api/tasks/${ids.task}/time-entries`, { hours: 2, personId: ids.person })
  ).id;
  ids.value = (await created(owner, '/api/values', { name: 'Fuzz value' })).id;
  ids.kudos = (
    await created(owner, '/api/kudos', { toId: member.actor.personId, message: 'Thanks', valueId: ids.value })
  ).id;
  // a 1:1 the owner holds with the member, and what lives in it
  await setManager(world, member.actor.personId!, owner.actor.personId);
  const pair = (await owner.post<OneOnOneDetail>('/api/one-on-ones', { reportId: member.actor.personId }))
    .body;
  ids.pair = pair.id;
  ids.meeting = pair.meetings[0]!.id;
  const base = `/api/one-on-ones/${ids.pair}`;
  ids.agendaItem = (
    await created(owner, `${base}/meetings/${ids.meeting}/agenda-items`, { text: 'Fuzz' })
  ).id;
  ids.note = (
    await created(owner, `${base}/meetings/${ids.meeting}/notes`, { body: 'Fuzz', visibility: 'shared' })
  ).id;
  ids.actionItem = (
    await created(owner, `${base}/action-items`, { text: 'Fuzz', ownerId: member.actor.personId })
  ).id;
  await created(
    owner,
    `/api/people/${ids.person}/growth-plan`,
    { aspiration: 'Grow', skills: [{ skillId: ids.skill, targetLevel: 4 }] },
    'put',
  );
  ids.milestone = (
    await created(owner, `/api/people/${ids.person}/growth-plan/milestones`, { title: 'Fuzz' })
  ).id;
  await created(owner, `/api/people/${ids.person}/talent`, { performance: 2, potential: 2 });
  // the owner's 360 round (with a request to the leader), and the leader's, which asks the owner
  expect((await owner.post('/api/assessments/me')).status).toBeLessThan(300);
  expect(
    (await owner.post('/api/assessments/me/requests', { reviewerIds: [leader.actor.personId] })).status,
  ).toBeLessThan(300);
  const mine = (await owner.get<{ current: { requests: { id: string }[] } }>('/api/assessments/me')).body;
  ids.myRequest = mine.current.requests[0]!.id;
  expect((await leader.post('/api/assessments/me')).status).toBeLessThan(300);
  expect(
    (await leader.post('/api/assessments/me/requests', { reviewerIds: [owner.actor.personId] })).status,
  ).toBeLessThan(300);
  ids.requestForMe = (
    await owner.get<{ items: { id: string }[] }>('/api/assessment-requests')
  ).body.items[0]!.id;
  ids.token = (await created(owner, '/api/tokens', { name: 'Fuzz token' })).id;
  // a finished plan run of the project
  ids.run = (await created(owner, '/api/plan-runs', { projectIds: [ids.project], timeLimitMs: 500 })).id;
  await settlePlanRuns(world);
  const goalOfB = await world.b.as.owner.post<GoalDetail>('/api/goals', { kind: 'objective', title: 'B' });
  const foreignId = goalOfB.body.id;

  const byCollection: Record<string, string> = {
    tokens: ids.token,
    users: member.actor.userId,
    pillars: ids.pillar,
    // the key result: its parentId in a body is the objective, and it carries a metric
    goals: ids.keyResult,
    projects: ids.project,
    tasks: ids.task,
    'time-entries': ids.timeEntry,
    people: ids.person,
    'time-off': ids.timeOff,
    teams: ids.team,
    clients: ids.client,
    values: ids.value,
    kudos: ids.kudos,
    'plan-runs': ids.run,
    'one-on-ones': ids.pair,
    meetings: ids.meeting,
    'agenda-items': ids.agendaItem,
    'action-items': ids.actionItem,
    notes: ids.note,
    milestones: ids.milestone,
    requests: ids.myRequest,
    'assessment-requests': ids.requestForMe,
  };
  const byField: Record<string, unknown> = {
    skillId: ids.skill,
    teamId: ids.team,
    clientId: ids.client,
    pillarId: ids.pillar,
    goalId: ids.keyResult,
    parentId: ids.goal,
    projectId: ids.project,
    valueId: ids.value,
    meetingId: ids.meeting,
    organizationId: world.a.orgId,
    reportId: ids.person,
    toId: ids.person,
    personId: ids.person,
    ownerId: member.actor.personId,
    assigneeId: ids.person,
    managerId: owner.actor.personId,
    leadId: ids.person,
    mentorId: member.actor.personId,
    goalIds: [ids.keyResult],
    projectIds: [ids.project],
    taskIds: [ids.task],
    reviewerIds: [member.actor.personId],
  };

  const fixture: FuzzFixture = {
    ids,
    headers: {},
    foreignId,
    pathId: (segment) => byCollection[segment] ?? '00000000-0000-4000-8000-000000000000',
    referenceFor: (field) => byField[field],
    async signIn() {
      const res = await inject(world.app, {
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: SUITE_ADDRESS,
        payload: { email: owner.email, password: 'owner-password-A' },
      });
      expect(res.status).toBe(200);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      fixture.headers = { cookie, 'x-csrf-token': (res.body as { csrfToken: string }).csrfToken };
    },
    async settle() {
      const running = await world.db.db
        .selectFrom('plan_runs')
        .select('id')
        .where('status', 'in', ['queued', 'running'])
        .execute();
      for (const run of running)
        await inject(world.app, {
          method: 'POST',
          url: `/api/plan-runs/${run.id}/cancel`,
          headers: fixture.headers,
          payload: {},
        });
      await settlePlanRuns(world);
    },
  };
  await fixture.signIn();
  return fixture;
}

/** Waits until no plan run is queued or running: a run writes in the background after its request. */
async function settlePlanRuns(world: World): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    const busy = await world.db.db
      .selectFrom('plan_runs')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirstOrThrow();
    if (Number(busy.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('plan runs still running after a minute');
}
