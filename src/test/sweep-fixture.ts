/**
 * One record of every kind that has an id, in one organization of a test world, made through the API
 * (so the fixture follows the use cases as they change): the sweeps call every route with these ids.
 * Every text the fixture writes carries `marker`, so a sweep can search any answer for it.
 *
 * Relations (the role sweep's expectations lean on them): the member reports to the manager and holds a
 * 1:1 with them; the manager manages the project, whose first task is the member's; the member owns the
 * goal; `neutral` (a member with an account) is nobody's manager or report and mentors the member.
 */
import type { Role } from '../core/roles';
import { addAccount } from './accounts';
import { kinds, type IdsByKind } from './openapi-sweep';
import type { Client, Response, World } from './world';

export interface SeededOrganization {
  ids: IdsByKind;
  marker: string;
  as: Record<Role, Client>;
  neutral: Client & { personId: string };
  /** Every id of the organization the fixture knows, the role accounts' people and users included. */
  allIds: string[];
}

/** The body of a 2xx answer; anything else is a broken fixture, said loudly. */
export function ok<T>(res: Response<T>, what: string): T {
  if (res.status < 200 || res.status > 299)
    throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

type WithId = { id: string };

/** Waits until no plan run of the organization is queued or running (a run writes as it searches). */
export async function settlePlanRuns(world: World, orgId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const busy = await world.db.db
      .selectFrom('plan_runs')
      .select('id')
      .where('org_id', '=', orgId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`plan runs still busy: ${busy.map((b) => b.id).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Stops the organization's queued and running plan runs (a queued one never starts), then waits. */
export async function cancelPlanRuns(world: World, org: 'a' | 'b'): Promise<void> {
  const busy = await world.db.db
    .selectFrom('plan_runs')
    .select('id')
    .where('org_id', '=', world[org].orgId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
  // a run that finishes in between answers 409, which is just as good
  for (const { id } of busy) await world[org].as.owner.post(`/api/plan-runs/${id}/cancel`);
  await settlePlanRuns(world, world[org].orgId);
}

export async function seedOrganization(
  world: World,
  org: 'a' | 'b',
  marker: string,
): Promise<SeededOrganization> {
  const as = world[org].as;
  const { owner, manager, member } = as;
  const memberId = member.actor.personId!;
  const managerId = manager.actor.personId!;
  const ids = Object.fromEntries(kinds.map((k) => [k, [] as string[]])) as unknown as IdsByKind;
  const add = (kind: keyof IdsByKind, id: string) => {
    ids[kind].push(id);
    return id;
  };
  const text = (what: string) => `${marker} ${what}`;

  const neutral = await addAccount(world, org, 'member', text('Neutral'));
  add('person', memberId);
  add('person', neutral.personId);
  add('user', member.actor.userId);
  add('user', neutral.actor.userId);
  ok(await owner.patch(`/api/people/${memberId}`, { managerId }), 'member reports to the manager');

  const skill = add(
    'skill',
    ok(await owner.post<WithId>('/api/skills', { name: text('Skill') }), 'skill').id,
  );
  add('team', ok(await owner.post<WithId>('/api/teams', { name: text('Team') }), 'team').id);
  const client = add(
    'client',
    ok(
      await owner.post<WithId>('/api/clients', { name: text('Client'), ownerId: neutral.personId }),
      'client',
    ).id,
  );
  const pillar = add(
    'pillar',
    ok(await owner.post<WithId>('/api/pillars', { name: text('Pillar') }), 'pillar').id,
  );
  const goal = add(
    'goal',
    ok(
      await owner.post<WithId>('/api/goals', {
        kind: 'objective',
        title: text('Objective'),
        pillarId: pillar,
        ownerId: memberId,
      }),
      'objective',
    ).id,
  );
  add(
    'goal',
    ok(
      await owner.post<WithId>('/api/goals', {
        kind: 'key_result',
        title: text('Key result'),
        parentId: goal,
        metricStart: 0,
        metricTarget: 10,
      }),
      'key result',
    ).id,
  );
  add(
    'checkIn',
    ok(
      await owner.post<WithId>(`/api/goals/${goal}/check-ins`, {
        confidence: 0.5,
        comment: text('Check-in'),
      }),
      'check-in',
    ).id,
  );
  const value = add(
    'value',
    ok(await owner.post<WithId>('/api/values', { name: text('Value') }), 'value').id,
  );
  const project = add(
    'project',
    ok(
      await owner.post<WithId>('/api/projects', {
        name: text('Project'),
        managerId,
        clientId: client,
        goalIds: [goal],
        status: 'active',
        deadline: '2026-04-30',
      }),
      'project',
    ).id,
  );
  const task = add(
    'task',
    ok(
      await manager.post<WithId>('/api/tasks', {
        title: text('Task'),
        projectId: project,
        assigneeId: memberId,
        skillId: skill,
        estimateHours: 8,
      }),
      'task',
    ).id,
  );
  add(
    'task',
    ok(
      await manager.post<WithId>('/api/tasks', {
        title: text('Next task'),
        projectId: project,
        dependsOn: [task],
      }),
      'dependent task',
    ).id,
  );
  add(
    'timeEntry',
    ok(await member.post<WithId>(`/api/tasks/${task}/time-entries`, { hours: 2, note: text('Time') }), 'time')
      .id,
  );
  add(
    'timeOff',
    ok(
      await member.post<WithId>(`/api/people/${memberId}/time-off`, {
        startDate: '2026-04-06',
        endDate: '2026-04-07',
        reason: text('Time off'),
      }),
      'time off',
    ).id,
  );
  ok(
    await member.patch(`/api/people/${memberId}`, {
      skills: [{ skillId: skill, level: 3 }],
      passions: [text('Passion')],
    }),
    'member profile',
  );
  add(
    'kudos',
    ok(
      await owner.post<WithId>('/api/kudos', {
        toId: memberId,
        message: text('Kudos'),
        valueId: value,
        helpedOthers: true,
      }),
      'kudos',
    ).id,
  );

  // the 1:1 of the manager and the member, with one of everything
  const pair = ok(
    await manager.post<{ id: string; meetings: WithId[] }>('/api/one-on-ones', { reportId: memberId }),
    '1:1',
  );
  add('oneOnOne', pair.id);
  const meeting = add('meeting', pair.meetings[0]!.id);
  const base = `/api/one-on-ones/${pair.id}`;
  add(
    'agendaItem',
    ok(
      await member.post<WithId>(`${base}/meetings/${meeting}/agenda-items`, { text: text('Agenda') }),
      'agenda',
    ).id,
  );
  for (const [author, visibility] of [
    [manager, 'shared'],
    [manager, 'private'],
    [member, 'private'],
  ] as const)
    add(
      'note',
      ok(
        await author.post<WithId>(`${base}/meetings/${meeting}/notes`, {
          body: text(`Note ${visibility}`),
          visibility,
        }),
        'note',
      ).id,
    );
  add(
    'actionItem',
    ok(
      await manager.post<WithId>(`${base}/action-items`, {
        text: text('Action'),
        ownerId: memberId,
        meetingId: meeting,
      }),
      'action item',
    ).id,
  );

  ok(
    await owner.put(`/api/people/${memberId}/growth-plan`, {
      mentorId: neutral.personId,
      aspiration: text('Aspiration'),
      skills: [{ skillId: skill, targetLevel: 4 }],
    }),
    'growth plan',
  );
  add(
    'milestone',
    ok(
      await member.post<WithId>(`/api/people/${memberId}/growth-plan/milestones`, {
        title: text('Milestone'),
        skillId: skill,
      }),
      'milestone',
    ).id,
  );
  add(
    'talentReview',
    ok(
      await manager.post<WithId>(`/api/people/${memberId}/talent`, {
        performance: 2,
        potential: 3,
        note: text('Talent'),
      }),
      'talent review',
    ).id,
  );
  ok(await member.put('/api/pulse/me', { energy: 3, workload: 3, comment: text('Pulse') }), 'pulse');
  ok(await member.post('/api/assessments/me/requests', { reviewerIds: [neutral.personId] }), '360 request');
  const requests = ok(await neutral.get<{ items: WithId[] }>('/api/assessment-requests'), 'requests');
  add('assessmentRequest', requests.items[0]!.id);
  add('token', ok(await owner.post<WithId>('/api/tokens', { name: text('Token') }), 'token').id);

  for (const by of [owner, manager]) {
    const run = ok(
      await by.post<WithId>('/api/plan-runs', { projectIds: [project], timeLimitMs: 500 }),
      'plan run',
    );
    add('planRun', run.id);
    await settlePlanRuns(world, world[org].orgId);
  }

  const accounts = Object.values(as).flatMap((c) => [c.actor.personId ?? '', c.actor.userId]);
  return {
    ids,
    marker,
    as,
    neutral,
    allIds: [...new Set([...kinds.flatMap((k) => ids[k]), ...accounts, world[org].orgId])].filter(Boolean),
  };
}
