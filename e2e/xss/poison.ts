/**
 * Writes markup payloads into every user-typed text field of the demo organization, through the API as
 * the roles allowed to write each one: organization, pillars, goals and check-ins, projects and tasks
 * (with time notes), people, skills, teams, clients, values, kudos, tokens, growth plans, the talent
 * review, a 1:1's agenda, notes and action items, and a pulse comment. Every existing record of the
 * small lists is rewritten and one is created, so list pages and charts show payloads everywhere; a
 * plan is made of the project holding the payload tasks. Answers the ids of the records whose pages
 * the sweep opens.
 */
import type { Api, Role } from './api';
import { payloadWriter } from './payloads';

interface List<T> {
  items: T[];
}
interface Row {
  id: string;
}
interface Goal extends Row {
  kind: 'objective' | 'key_result';
  metricStart: number | null;
  metricTarget: number | null;
}
interface Project extends Row {
  managerId: string | null;
  status: string;
}
interface OneOnOne extends Row {
  reportId: string;
  managerId: string;
  nextMeeting: { id: string } | null;
}

export interface Targets {
  /** A key result with a payload title, unit and check-in comments (its page has the check-in chart). */
  goalId: string;
  /** The manager's project holding the payload-skill tasks (forecast and budget charts). */
  projectId: string;
  /** A payload task assigned to the member, with a payload time note. */
  taskId: string;
  /** The member: payload time off, growth plan, talent note and kudos. */
  personId: string;
  /** The manager–member 1:1 with payload agenda, notes and action items. */
  oneOnOneId: string;
  /** A finished plan of that project, with proposals for the payload tasks. */
  planRunId: string;
  /** Payload-named skills with planned demand in the coming weeks (the workload's skill chart). */
  skillNames: string[];
}

function isoDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

/** Runs `write` on every item, a few at a time (one SQLite writer; no need to queue hundreds). */
async function each<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await write(item);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

export async function poisonDemo(api: Record<Role, Api>): Promise<Targets> {
  const { owner, manager, member } = api;
  const text = payloadWriter();

  await owner.write(
    'PATCH /api/organization',
    {},
    { name: text(), vision: text(), visionHorizon: text(100) },
  );

  const pillars = await owner.get<List<Row>>('/api/pillars');
  await each(pillars.items, (p) =>
    owner.write('PATCH /api/pillars/{id}', { id: p.id }, { name: text(), description: text() }),
  );
  await owner.write('POST /api/pillars', {}, { name: text(), description: text() });

  const goals = (await owner.get<List<Goal>>('/api/goals?limit=500')).items;
  await each(goals, (g) =>
    owner.write(
      'PATCH /api/goals/{id}',
      { id: g.id },
      { title: text(), description: text(), ...(g.kind === 'key_result' ? { metricUnit: text(40) } : {}) },
    ),
  );
  const objective = goals.find((g) => g.kind === 'objective')!;
  const keyResult = goals.find((g) => g.kind === 'key_result' && g.metricTarget !== null)!;
  await owner.write(
    'POST /api/goals',
    {},
    {
      kind: 'key_result',
      parentId: objective.id,
      title: text(),
      description: text(),
      metricStart: 0,
      metricTarget: 10,
      metricUnit: text(40),
    },
  );
  for (const value of [keyResult.metricStart ?? 0, keyResult.metricTarget ?? 1])
    await owner.write(
      'POST /api/goals/{id}/check-ins',
      { id: keyResult.id },
      { value, confidence: 0.6, comment: text() },
    );
  await owner.write(
    'POST /api/goals/{id}/decompose',
    { id: objective.id },
    {
      projects: [{ name: text(), managerId: manager.personId, tasks: [{ title: text() }] }],
      tasks: [{ title: text() }],
    },
  );

  const projects = (await owner.get<List<Project>>('/api/projects?limit=500')).items;
  await each(projects, (p) =>
    owner.write('PATCH /api/projects/{id}', { id: p.id }, { name: text(), description: text() }),
  );
  const created = await owner.write<Row>(
    'POST /api/projects',
    {},
    { name: text(), description: text(), managerId: manager.personId, status: 'active' },
  );
  const project = projects.find((p) => p.managerId === manager.personId && p.status === 'active') ?? created;

  const tasks = (await owner.get<List<Row>>('/api/tasks?limit=500')).items;
  await each(tasks, (t) =>
    owner.write('PATCH /api/tasks/{id}', { id: t.id }, { title: text(), description: text() }),
  );

  // skills nobody has yet, needed in the coming days: the top of the workload's skill chart
  const skills: Array<Row & { name: string }> = [];
  for (let i = 0; i < 4; i++) skills.push(await owner.write('POST /api/skills', {}, { name: text() }));
  const skillTasks: Row[] = [];
  for (const [i, skill] of skills.entries())
    skillTasks.push(
      await owner.write<Row>(
        'POST /api/tasks',
        {},
        {
          title: text(),
          description: text(),
          projectId: project.id,
          skillId: skill.id,
          estimateHours: 24,
          plannedStart: isoDate(0),
          plannedEnd: isoDate(9),
          ...(i === 0 ? { assigneeId: member.personId } : {}),
        },
      ),
    );
  const task = skillTasks[0]!;
  await member.write(
    'POST /api/tasks/{id}/time-entries',
    { id: task.id },
    { personId: member.personId, hours: 2, note: text() },
  );

  const people = (await owner.get<List<Row>>('/api/people?limit=500')).items;
  await each(people, (p) =>
    owner.write(
      'PATCH /api/people/{id}',
      { id: p.id },
      { name: text(), title: text(120), passions: [text(80), text(80)], values: [text(80)] },
    ),
  );
  await owner.write(
    'POST /api/people',
    {},
    { name: text(), title: text(120), passions: [text(80)], values: [text(80)] },
  );
  await owner.write(
    'POST /api/people/{id}/time-off',
    { id: member.personId },
    { startDate: isoDate(20), endDate: isoDate(21), reason: text() },
  );

  for (const kind of ['teams', 'clients'] as const) {
    const rows = (await owner.get<List<Row>>(`/api/${kind}?limit=200`)).items;
    await each(rows, (r) => owner.write(`PATCH /api/${kind}/{id}`, { id: r.id }, { name: text() }));
    await owner.write(`POST /api/${kind}`, {}, { name: text() });
  }

  const values = (await owner.get<List<Row>>('/api/values')).items;
  await each(values, (v) =>
    owner.write('PATCH /api/values/{id}', { id: v.id }, { name: text(60), description: text(500) }),
  );
  await owner.write('POST /api/values', {}, { name: text(60), description: text(500) });
  await member.write(
    'POST /api/kudos',
    {},
    { toId: manager.personId, message: text(), valueId: values[0]!.id },
  );
  await owner.write(
    'POST /api/kudos',
    {},
    { toId: member.personId, message: text(), valueId: values[1]!.id },
  );

  for (const who of Object.values(api)) await who.write('POST /api/tokens', {}, { name: text() });

  await manager.write(
    'PUT /api/people/{id}/growth-plan',
    { id: member.personId },
    { aspiration: text(2000), skills: [{ skillId: skills[0]!.id, targetLevel: 3 }] },
  );
  const milestone = await manager.write<Row>(
    'POST /api/people/{id}/growth-plan/milestones',
    { id: member.personId },
    { title: text() },
  );
  await manager.write(
    'PATCH /api/people/{id}/growth-plan/milestones/{milestoneId}',
    { id: member.personId, milestoneId: milestone.id },
    { title: text() },
  );
  await manager.write(
    'POST /api/people/{id}/talent',
    { id: member.personId },
    { performance: 2, potential: 3, note: text(2000) },
  );

  const pairs = (await manager.get<List<OneOnOne>>('/api/one-on-ones')).items;
  const pair = pairs.find((p) => p.reportId === member.personId)!;
  const meetingId =
    pair.nextMeeting?.id ??
    (await manager.write<Row>('POST /api/one-on-ones/{id}/meetings', { id: pair.id }, { date: isoDate(2) }))
      .id;
  const at = { id: pair.id, meetingId };
  for (const who of [manager, member]) {
    const item = await who.write<Row>('POST /api/one-on-ones/{id}/meetings/{meetingId}/agenda-items', at, {
      text: text(500),
    });
    await who.write(
      'PATCH /api/one-on-ones/{id}/agenda-items/{itemId}',
      { ...at, itemId: item.id },
      { text: text(500) },
    );
    for (const visibility of ['shared', 'private'] as const) {
      const note = await who.write<Row>('POST /api/one-on-ones/{id}/meetings/{meetingId}/notes', at, {
        body: text(),
        visibility,
      });
      await who.write(
        'PATCH /api/one-on-ones/{id}/notes/{noteId}',
        { ...at, noteId: note.id },
        { body: text() },
      );
    }
    const action = await who.write<Row>('POST /api/one-on-ones/{id}/action-items', at, {
      text: text(500),
      ownerId: member.personId,
      meetingId,
    });
    await who.write(
      'PATCH /api/one-on-ones/{id}/action-items/{itemId}',
      { ...at, itemId: action.id },
      { text: text(500) },
    );
  }
  await member.write('PUT /api/pulse/me', {}, { energy: 4, workload: 3, comment: text(500) });

  // a plan of the manager's project: its proposals explain themselves in sentences made of names
  const run = await manager.write<Row>(
    'POST /api/plan-runs',
    {},
    { projectIds: [project.id], timeLimitMs: 2000 },
  );
  for (let status = 'queued'; status === 'queued' || status === 'running';) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    ({ status } = await manager.get<{ status: string }>(`/api/plan-runs/${run.id}`));
  }

  return {
    goalId: keyResult.id,
    projectId: project.id,
    taskId: task.id,
    personId: member.personId,
    oneOnOneId: pair.id,
    planRunId: run.id,
    skillNames: skills.map((s) => s.name),
  };
}
