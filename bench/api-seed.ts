/**
 * The API benchmarks' database: the test world's two organizations (an account per role) and one
 * project of `rows` tasks in organization A (assignees, skills, deadlines, planned dates,
 * dependencies, logged time), made through the API as its owner.
 */
import type { Db } from '../src/db/connect';
import { insertSession } from '../src/server/areas/auth/repo';
import { newSecret, sha256 } from '../src/server/providers/ids';
import { makeWorld, type Client } from '../src/test/world';

export interface Seeded {
  orgId: string;
  projectId: string;
  /** The owner's credentials as request headers: an API token, or a session cookie. */
  headers: Record<string, string>;
}

function ok<T>(response: { status: number; body: T }, what: string): T {
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function seedProject(owner: Client, rows: number): Promise<string> {
  const post = async (url: string, body: unknown) => ok(await owner.post<{ id: string }>(url, body), url).id;
  const skills: string[] = [];
  for (const name of ['Copywriting', 'Illustration', 'Frontend'])
    skills.push(await post('/api/skills', { name }));
  const people: string[] = [];
  for (let i = 0; i < 6; i++)
    people.push(
      await post('/api/people', {
        name: `Person ${i + 1}`,
        skills: [{ skillId: skills[i % skills.length]!, level: 3 }],
        costRate: 60,
      }),
    );
  const projectId = await post('/api/projects', {
    name: 'Benchmark project',
    status: 'active',
    managerId: owner.actor.personId,
    startDate: '2026-03-02',
    deadline: '2026-09-30',
  });
  const tasks: string[] = [];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    tasks.push(
      await post('/api/tasks', {
        projectId,
        title: `Task ${i + 1}: deliver part ${i + 1} of the campaign`,
        description: 'A description of a realistic length, as people write them. '.repeat(2),
        estimateHours: 4 + (i % 12),
        skillId: skills[i % skills.length],
        minLevel: 1 + (i % 3),
        assigneeId: i % 5 === 4 ? null : people[i % people.length],
        deadline: `2026-0${4 + (i % 5)}-${day}`,
        plannedStart: `2026-03-${day}`,
        plannedEnd: `2026-04-${day}`,
        status: i % 4 === 0 ? 'doing' : 'todo',
        dependsOn: i > 0 && i % 3 !== 0 ? [tasks[i - 1]!] : [],
      }),
    );
  }
  for (let i = 0; i < rows; i += 2)
    await post(`/api/tasks/${tasks[i]!}/time-entries`, {
      personId: people[i % people.length],
      hours: 1 + (i % 3),
      date: '2026-03-02',
    });
  return projectId;
}

/** Seeds the database `connectDb` opens, and closes it again. */
export async function seed(
  connectDb: () => Promise<Db>,
  options: { rows: number; auth: 'token' | 'session' },
): Promise<Seeded> {
  const world = await makeWorld({ name: 'sqlite', connect: connectDb });
  try {
    const owner = world.a.as.owner;
    const projectId = await seedProject(owner, options.rows);
    let headers: Record<string, string> = { authorization: `Bearer ${owner.token}` };
    if (options.auth === 'session') {
      const secret = newSecret();
      await insertSession(world.db.db, {
        id: sha256(secret),
        userId: owner.actor.userId,
        orgId: owner.actor.orgId,
        csrfToken: newSecret(),
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      headers = { cookie: `tandem_session=${secret}` };
    }
    return { orgId: world.a.orgId, projectId, headers };
  } finally {
    await world.close();
  }
}
