/**
 * Every `can` the API answers says exactly what the write it names does for the caller: for each
 * person around a record, read the record's `can`, then make that write and compare (2xx ⇔ true,
 * 403 ⇔ false; any other answer means the probe itself is wrong). Records are made fresh for every
 * check, so a delete never spoils the next. Reads through the list routes and the home summary must
 * answer the same as the single read. `me.can` is held to the create routes the same way. On SQLite
 * and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Me } from '../../core/schemas/auth';
import type { Home } from '../../core/schemas/home';
import type { GoalDetail, Goal } from '../../core/schemas/spine';
import type { Project, Task } from '../../core/schemas/work';
import { addAccount } from '../../test/accounts';
import { describeBackends } from '../../test/backends';
import { settlePlanRuns } from '../../test/sweep-fixture';
import { makeWorld, type Client, type Response, type World } from '../../test/world';
import { inProcessRunner } from './planning/runner';

interface Page<T> {
  items: T[];
}
interface TimeEntry {
  id: string;
  can: { delete: boolean };
}

/** Everyone the checks run as: roles, and relations to the records the checks make. */
const people = [
  'owner',
  'leader',
  'manager of the project',
  'manager of another project',
  'member, assignee and goal owner',
  'member, no relation',
] as const;
type Person = (typeof people)[number];

/** 2xx: the write worked; 403: refused; anything else means the probe is wrong. */
function worked(res: Response, what: string): boolean {
  if (res.status >= 200 && res.status < 300) return true;
  if (res.status === 403) return false;
  throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

function ok<T>(res: Response<T>, what: string): T {
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** One check, ready to run as one person: what its `can` says, and what its write answers. */
interface Probe {
  can(client: Client): Promise<boolean>;
  write(client: Client): Promise<Response>;
}
interface Check {
  ability: string;
  make(): Promise<Probe>;
}

describeBackends('`can` answers what the writes do', (backend) => {
  let world: World;
  const as = {} as Record<Person, Client>;
  let neutralId: string; // someone else's time is logged for this person
  let counter = 0;
  const name = (label: string) => `${label} ${++counter}`;

  beforeAll(async () => {
    world = await makeWorld(backend, { planRunner: inProcessRunner });
    const other = await addAccount(world, 'a', 'manager', 'Other Manager');
    const bystander = await addAccount(world, 'a', 'member', 'Bystander');
    const neutral = await addAccount(world, 'a', 'member', 'Neutral');
    neutralId = neutral.personId;
    Object.assign(as, {
      owner: world.a.as.owner,
      leader: world.a.as.leader,
      'manager of the project': world.a.as.manager,
      'manager of another project': other,
      'member, assignee and goal owner': world.a.as.member,
      'member, no relation': bystander,
    } satisfies Record<Person, Client>);
    ok(
      await world.a.as.owner.post('/api/projects', { name: name('Theirs'), managerId: other.personId }),
      'project',
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  const owner = () => world.a.as.owner;
  const personOf = (who: Person) => as[who].actor.personId!;
  const assignee = () => personOf('member, assignee and goal owner');

  async function makeProject(): Promise<Project> {
    return ok(
      await owner().post<Project>('/api/projects', {
        name: name('Project'),
        managerId: personOf('manager of the project'),
      }),
      'project',
    );
  }
  async function makeGoal(): Promise<Goal> {
    return ok(
      await owner().post<Goal>('/api/goals', { kind: 'objective', title: name('Goal'), ownerId: assignee() }),
      'goal',
    );
  }
  /** A task due within the fortnight (so the home summary lists it), assigned to the member. */
  async function makeTask(place: 'project' | 'goal'): Promise<Task> {
    const where =
      place === 'project' ? { projectId: (await makeProject()).id } : { goalId: (await makeGoal()).id };
    return ok(
      await owner().post<Task>('/api/tasks', {
        title: name('Task'),
        assigneeId: assignee(),
        deadline: '2026-03-09',
        ...where,
      }),
      'task',
    );
  }

  /** The task's `can` as the single read answers it, held equal to the list's and the home's. */
  async function taskCan(client: Client, task: Task): Promise<Task['can']> {
    const one = ok(await client.get<Task>(`/api/tasks/${task.id}`), 'read task').can;
    const filter = task.projectId ? `projectId=${task.projectId}` : `goalId=${task.goalId}`;
    const listed = ok(await client.get<Page<Task>>(`/api/tasks?${filter}`), 'list tasks').items;
    expect(listed.find((t) => t.id === task.id)?.can).toEqual(one);
    const home = ok(await client.get<Home>('/api/home'), 'home');
    const glances = [
      ...home.member.myTasks,
      ...(home.manager?.upcomingDeadlines ?? []),
      ...(home.manager?.overdue ?? []),
    ].filter((t) => t.id === task.id);
    for (const glance of glances) expect(glance.can).toEqual({ changeStatus: one.changeStatus });
    return one;
  }
  async function projectCan(client: Client, project: Project): Promise<Project['can']> {
    const one = ok(await client.get<Project>(`/api/projects/${project.id}`), 'read project').can;
    const listed = ok(await client.get<Page<Project>>('/api/projects?limit=500'), 'list projects').items;
    expect(listed.find((p) => p.id === project.id)?.can).toEqual(one);
    return one;
  }
  async function goalCan(client: Client, goal: Goal): Promise<Goal['can']> {
    const one = ok(await client.get<GoalDetail>(`/api/goals/${goal.id}`), 'read goal').can;
    const listed = ok(await client.get<Page<Goal>>('/api/goals?limit=500'), 'list goals').items;
    expect(listed.find((g) => g.id === goal.id)?.can).toEqual(one);
    return one;
  }

  const taskChecks = (place: 'project' | 'goal'): Check[] => {
    const on = (
      ability: keyof Task['can'],
      write: (client: Client, task: Task) => Promise<Response>,
    ): Check => ({
      ability: `task ${place === 'project' ? 'in a project' : 'on a goal'}: ${ability}`,
      make: async () => {
        const task = await makeTask(place);
        return {
          can: async (client) => (await taskCan(client, task))[ability],
          write: (client) => write(client, task),
        };
      },
    });
    return [
      on('edit', (c, t) => c.patch(`/api/tasks/${t.id}`, { title: name('Renamed'), estimateHours: 3 })),
      on('changeStatus', (c, t) => c.patch(`/api/tasks/${t.id}`, { status: 'doing' })),
      on('logTime', (c, t) => c.post(`/api/tasks/${t.id}/time-entries`, { hours: 1 })),
      on('logTimeForOthers', (c, t) =>
        c.post(`/api/tasks/${t.id}/time-entries`, { hours: 1, personId: neutralId }),
      ),
      on('delete', (c, t) => c.delete(`/api/tasks/${t.id}`)),
    ];
  };

  const checks: Check[] = [
    ...taskChecks('project'),
    ...taskChecks('goal'),
    {
      ability: "time entry (the assignee's): delete",
      make: async () => {
        const task = await makeTask('project');
        const entry = ok(
          await owner().post<TimeEntry>(`/api/tasks/${task.id}/time-entries`, {
            hours: 2,
            personId: assignee(),
          }),
          'log time',
        );
        return {
          can: async (client) => {
            const entries = ok(
              await client.get<Page<TimeEntry>>(`/api/tasks/${task.id}/time-entries`),
              'list time entries',
            ).items;
            return entries.find((e) => e.id === entry.id)!.can.delete;
          },
          write: (client) => client.delete(`/api/time-entries/${entry.id}`),
        };
      },
    },
    ...(
      [
        ['edit', (c, p) => c.patch(`/api/projects/${p.id}`, { description: 'Changed' })],
        ['delete', (c, p) => c.delete(`/api/projects/${p.id}`)],
        ['addTasks', (c, p) => c.post('/api/tasks', { title: name('Added'), projectId: p.id })],
        ['plan', (c, p) => c.post('/api/plan-runs', { projectIds: [p.id], timeLimitMs: 500 })],
      ] as const satisfies readonly (readonly [
        keyof Project['can'],
        (c: Client, p: Project) => Promise<Response>,
      ])[]
    ).map(([ability, write]): Check => ({
      ability: `project: ${ability}`,
      make: async () => {
        const project = await makeProject();
        ok(
          await owner().post('/api/tasks', { title: name('Work'), projectId: project.id, estimateHours: 4 }),
          'task',
        );
        return {
          can: async (client) => (await projectCan(client, project))[ability],
          write: (client) => write(client, project),
        };
      },
    })),
    ...(
      [
        ['edit', (c, g) => c.patch(`/api/goals/${g.id}`, { description: 'Changed' })],
        ['checkIn', (c, g) => c.post(`/api/goals/${g.id}/check-ins`, { confidence: 0.6 })],
        ['delete', (c, g) => c.delete(`/api/goals/${g.id}`)],
        ['decompose', (c, g) => c.post(`/api/goals/${g.id}/decompose`, { tasks: [{ title: name('Step') }] })],
        ['addTasks', (c, g) => c.post('/api/tasks', { title: name('Added'), goalId: g.id })],
      ] as const satisfies readonly (readonly [
        keyof Goal['can'],
        (c: Client, g: Goal) => Promise<Response>,
      ])[]
    ).map(([ability, write]): Check => ({
      ability: `goal (the member's): ${ability}`,
      make: async () => {
        const goal = await makeGoal();
        return {
          can: async (client) => (await goalCan(client, goal))[ability],
          write: (client) => write(client, goal),
        };
      },
    })),
    ...(
      [
        ['projects.create', (c) => c.post('/api/projects', { name: name('New') })],
        ['goals.write', (c) => c.post('/api/goals', { kind: 'objective', title: name('New') })],
      ] as const satisfies readonly (readonly [keyof Me['can'], (c: Client) => Promise<Response>])[]
    ).map(([action, write]): Check => ({
      ability: `me: ${action}`,
      make: async () => ({
        can: async (client) => ok(await client.get<Me>('/api/auth/me'), 'me').can[action],
        write,
      }),
    })),
  ];

  /** What each check answered, per person: every ability must be granted to some and refused to others. */
  const seen = new Map<string, Set<boolean>>();

  for (const check of checks) {
    it.each(people)(`${check.ability}: as %s, \`can\` says what the write does`, async (who) => {
      const probe = await check.make();
      const client = as[who];
      const said = await probe.can(client);
      const did = worked(await probe.write(client), `${check.ability} as ${who}`);
      await settlePlanRuns(world, world.a.orgId);
      expect({ who, ability: check.ability, did }).toEqual({ who, ability: check.ability, did: said });
      seen.set(check.ability, (seen.get(check.ability) ?? new Set()).add(did));
    });
  }

  it('every check saw its write both allowed and refused, so none of them is vacuous', () => {
    const oneSided = checks.filter((c) => seen.get(c.ability)?.size !== 2).map((c) => c.ability);
    expect(oneSided).toEqual([]);
  });
});
