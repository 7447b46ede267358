/**
 * Fresh records in one organization for the role sweep (src/server/http/role-sweep.test.ts): each
 * write is tried on a record of its own, so deleting or answering one never spoils the next. Made
 * through the API as the organization's owner unless a case needs a particular author.
 */
import type { Role } from '../core/roles';
import { addAccount } from './accounts';
import { fresh } from './openapi-sweep';
import { ok, settlePlanRuns } from './sweep-fixture';
import type { Client, World } from './world';

type WithId = { id: string };

export function factories(world: World, org: 'a' | 'b') {
  const owner = world[org].as.owner;
  const post = async (by: Client, url: string, body: unknown) =>
    ok(await by.post<WithId>(url, body), `POST ${url}`).id;
  const make = {
    person: (fields: { managerId?: string } = {}) =>
      post(owner, '/api/people', { name: fresh('Person'), ...fields }),
    account: (fields: { managerId?: string; role?: Role } = {}) =>
      addAccount(world, org, fields.role ?? 'member', fresh('Account'), {
        managerId: fields.managerId ?? null,
      }),
    pillar: () => post(owner, '/api/pillars', { name: fresh('Pillar') }),
    goal: (ownerId?: string) =>
      post(owner, '/api/goals', { kind: 'objective', title: fresh('Goal'), ...(ownerId ? { ownerId } : {}) }),
    /** Without a manager unless one is given (the creator would otherwise manage it). */
    project: (managerId: string | null = null) =>
      post(owner, '/api/projects', { name: fresh('Project'), managerId, status: 'active' }),
    task: (projectId: string, assigneeId: string | null = null) =>
      post(owner, '/api/tasks', { title: fresh('Task'), projectId, assigneeId, estimateHours: 4 }),
    timeEntry: (taskId: string, personId: string) =>
      post(owner, `/api/tasks/${taskId}/time-entries`, { hours: 1, personId }),
    timeOff: (personId: string) =>
      post(owner, `/api/people/${personId}/time-off`, { startDate: '2026-05-04', endDate: '2026-05-05' }),
    team: () => post(owner, '/api/teams', { name: fresh('Team') }),
    client: () => post(owner, '/api/clients', { name: fresh('Client') }),
    value: () => post(owner, '/api/values', { name: fresh('Value').slice(0, 60) }),
    kudos: (by: Client, toId: string) => post(by, '/api/kudos', { toId, message: fresh('Thanks') }),
    token: (by: Client) => post(by, '/api/tokens', { name: fresh('Token') }),
    /** A sign-in account for a fresh person, as the owner creates one. */
    user: async () =>
      post(owner, '/api/users', {
        email: `${fresh('user')}@${org}.test`,
        password: 'long-enough-password',
        role: 'member',
        personId: await make.person(),
      }),
    milestone: (by: Client, personId: string) =>
      post(by, `/api/people/${personId}/growth-plan/milestones`, { title: fresh('Milestone') }),
    /** A fresh person whose growth plan names `mentorId` as mentor. */
    mentee: async (mentorId: string, fields: { managerId?: string } = {}) => {
      const id = await make.person(fields);
      ok(await owner.put(`/api/people/${id}/growth-plan`, { mentorId }), 'growth plan');
      return id;
    },
    /** A finished plan run of `by` over these projects. */
    planRun: async (by: Client, projectIds: string[]) => {
      const id = await post(by, '/api/plan-runs', { projectIds, timeLimitMs: 500 });
      await settlePlanRuns(world, world[org].orgId);
      return id;
    },
    /** A pending 360 request from `subject` to `reviewer` (the reviewer reads its id). */
    request: async (subject: Client, reviewer: Client) => {
      ok(
        await subject.post('/api/assessments/me/requests', { reviewerIds: [reviewer.actor.personId] }),
        '360',
      );
      const mine = ok(
        await reviewer.get<{ items: (WithId & { personId: string; status: string })[] }>(
          '/api/assessment-requests?limit=500',
        ),
        'requests',
      );
      return mine.items.find((r) => r.personId === subject.actor.personId && r.status === 'pending')!.id;
    },
    /** A pending request in `subject`'s own open round (to a fresh colleague). */
    ownRequest: async (subject: Client) => {
      const reviewer = await make.person();
      ok(await subject.post('/api/assessments/me/requests', { reviewerIds: [reviewer] }), '360');
      const me = ok(
        await subject.get<{ current: { requests: (WithId & { reviewerId: string })[] } | null }>(
          '/api/assessments/me',
        ),
        'assessments',
      );
      return me.current!.requests.find((r) => r.reviewerId === reviewer)!.id;
    },
  };
  return make;
}

export type Factories = ReturnType<typeof factories>;
