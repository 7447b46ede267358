import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Person } from '../../../core/schemas/people';
import { addAccount } from '../../../test/accounts';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type Client, type World } from '../../../test/world';

interface PersonPage {
  items: Person[];
  total: number;
  limit: number;
  offset: number;
}

const tag = () => Math.random().toString(36).slice(2, 8);

describeBackends('people API', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  const makePerson = async (body: Record<string, unknown> = {}) => {
    const res = await world.a.as.owner.post<Person>('/api/people', { name: `Person ${tag()}`, ...body });
    expect(res.status).toBe(201);
    return res.body;
  };
  const makeSkill = async () => {
    const res = await world.a.as.owner.post<{ id: string }>('/api/skills', { name: `Skill ${tag()}` });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const makeTeam = async () => {
    const res = await world.a.as.owner.post<{ id: string }>('/api/teams', { name: `Team ${tag()}` });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const issueField = (body: unknown) =>
    (body as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]?.field;

  // --- create ---

  it('creates a person with skills, growth goals, passions and values', async () => {
    const [sql, ux] = [await makeSkill(), await makeSkill()];
    const teamId = await makeTeam();
    const managerId = world.a.as.manager.actor.personId;
    const res = await world.a.as.leader.post<Person>('/api/people', {
      name: 'Ada Lovelace',
      email: 'ada@a.test',
      title: 'Analyst',
      managerId,
      teamId,
      capacityHoursPerWeek: 32,
      costRate: 60,
      billRate: 120,
      skills: [{ skillId: sql, level: 4 }],
      growthGoals: [{ skillId: ux, targetLevel: 3 }],
      passions: ['engines'],
      values: ['rigour'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String) as string,
      name: 'Ada Lovelace',
      email: 'ada@a.test',
      title: 'Analyst',
      managerId,
      teamId,
      capacityHoursPerWeek: 32,
      costRate: 60,
      billRate: 120,
      skills: [{ skillId: sql, level: 4 }],
      growthGoals: [{ skillId: ux, targetLevel: 3 }],
      passions: ['engines'],
      values: ['rigour'],
      timeOff: [],
      holidayRegion: null,
      holidays: { region: null, upcoming: [] },
      role: null,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      version: 1,
    });
  });

  it('answers 400 with the field for bad input on create', async () => {
    const empty = await world.a.as.owner.post('/api/people', { name: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect(issueField(empty.body)).toBe('body.name');
    const level = await world.a.as.owner.post('/api/people', {
      name: 'X',
      skills: [{ skillId: 'x', level: 6 }],
    });
    expect(level.status).toBe(400);
    expect(issueField(level.body)).toBe('body.skills.0.level');
  });

  it('answers 400 when a referenced manager, team or skill is not in the organization', async () => {
    const manager = await world.a.as.owner.post('/api/people', {
      name: 'X',
      managerId: world.b.as.manager.actor.personId,
    });
    expect(manager.status).toBe(400);
    expect(manager.body).toMatchObject({
      error: {
        code: 'validation_failed',
        details: { issues: [{ field: 'body.managerId', reason: 'no such person in this organization' }] },
      },
    });
    const team = await world.a.as.owner.post('/api/people', { name: 'X', teamId: 'no-such-team' });
    expect(team.status).toBe(400);
    expect(issueField(team.body)).toBe('body.teamId');
    const bSkill = await world.b.as.owner.post<{ id: string }>('/api/skills', { name: `B ${tag()}` });
    const skill = await world.a.as.owner.post('/api/people', {
      name: 'X',
      growthGoals: [{ skillId: bSkill.body.id, targetLevel: 2 }],
    });
    expect(skill.status).toBe(400);
    expect(issueField(skill.body)).toBe('body.growthGoals.0.skillId');
  });

  it('answers 400 when the same skill appears twice in one request', async () => {
    const skillId = await makeSkill();
    const res = await world.a.as.owner.post('/api/people', {
      name: 'X',
      skills: [
        { skillId, level: 2 },
        { skillId, level: 3 },
      ],
    });
    expect(res.status).toBe(400);
    expect(issueField(res.body)).toBe('body.skills.1.skillId');
  });

  it('answers 403 when a member or a manager creates a person', async () => {
    expect((await world.a.as.member.post('/api/people', { name: 'X' })).status).toBe(403);
    expect((await world.a.as.manager.post('/api/people', { name: 'X' })).status).toBe(403);
  });

  // --- read ---

  it('lists people of the caller organization only, as a page with the total', async () => {
    const res = await world.a.as.member.get<PersonPage>('/api/people?limit=2&offset=1');
    expect(res.status).toBe(200);
    expect(res.body.limit).toBe(2);
    expect(res.body.offset).toBe(1);
    expect(res.body.items).toHaveLength(2);
    const all = await world.a.as.member.get<PersonPage>('/api/people?limit=500');
    expect(res.body.total).toBe(all.body.total);
    expect(all.body.items).toHaveLength(all.body.total);
    const ids = all.body.items.map((p) => p.id);
    expect(ids).toContain(world.a.as.member.actor.personId);
    expect(ids).not.toContain(world.b.as.member.actor.personId);
    expect(all.body.items.find((p) => p.id === world.a.as.leader.actor.personId)?.role).toBe('leader');
  });

  it('answers 400 with the field for a bad list query', async () => {
    const res = await world.a.as.member.get('/api/people?limit=0');
    expect(res.status).toBe(400);
    expect(issueField(res.body)).toBe('querystring.limit');
  });

  it('searches names and titles case-insensitively with q, treating % and _ literally', async () => {
    const word = tag();
    const byName = await makePerson({ name: `Grace ${word.toUpperCase()} Hopper` });
    const byTitle = await makePerson({ title: `Chief ${word} Officer` });
    await makePerson({ name: 'Unrelated' });
    const res = await world.a.as.member.get<PersonPage>(`/api/people?q=${word}`);
    expect(res.body.items.map((p) => p.id).sort()).toEqual([byName.id, byTitle.id].sort());
    expect(res.body.total).toBe(2);
    const percent = await makePerson({ name: `Growth 50% ${word}` });
    const literal = await world.a.as.member.get<PersonPage>(`/api/people?q=${encodeURIComponent('50%')}`);
    expect(literal.body.items.map((p) => p.id)).toEqual([percent.id]);
    const underscore = await world.a.as.member.get<PersonPage>('/api/people?q=_');
    expect(underscore.body.total).toBe(0);
  });

  it('filters people by skill, team and manager', async () => {
    const skillId = await makeSkill();
    const teamId = await makeTeam();
    const skilled = await makePerson({ skills: [{ skillId, level: 3 }] });
    const teamed = await makePerson({ teamId });
    const boss = await makePerson();
    const report = await makePerson({ managerId: boss.id });
    const bySkill = await world.a.as.member.get<PersonPage>(`/api/people?skillId=${skillId}`);
    expect(bySkill.body.items.map((p) => p.id)).toEqual([skilled.id]);
    expect(bySkill.body.total).toBe(1);
    const byTeam = await world.a.as.member.get<PersonPage>(`/api/people?teamId=${teamId}`);
    expect(byTeam.body.items.map((p) => p.id)).toEqual([teamed.id]);
    const byManager = await world.a.as.member.get<PersonPage>(`/api/people?managerId=${boss.id}`);
    expect(byManager.body.items.map((p) => p.id)).toEqual([report.id]);
  });

  it('gets one person with their account role', async () => {
    const id = world.a.as.manager.actor.personId!;
    const res = await world.a.as.member.get<Person>(`/api/people/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'manager A', role: 'manager', skills: [], timeOff: [] });
  });

  it('shows cost and bill rates only to planning.view roles, the person and their manager: null to everyone else', async () => {
    const lead = await addAccount(world, 'a', 'member', 'Rate Lead');
    const report = await addAccount(world, 'a', 'member', 'Rate Report', { managerId: lead.personId });
    await world.a.as.owner.patch(`/api/people/${report.personId}`, { costRate: 55, billRate: 110 });
    const stranger = await makePerson({ costRate: 70, billRate: 140 });
    const ratesSeenBy = async (viewer: Client, id: string) => {
      const one = await viewer.get<Person>(`/api/people/${id}`);
      const listed = (await viewer.get<PersonPage>('/api/people?limit=500')).body.items.find(
        (p) => p.id === id,
      );
      // the list shows exactly what the profile shows
      expect([listed?.costRate, listed?.billRate]).toEqual([one.body.costRate, one.body.billRate]);
      return [one.body.costRate, one.body.billRate];
    };
    for (const role of ['owner', 'leader', 'manager'] as const)
      expect(await ratesSeenBy(world.a.as[role], stranger.id)).toEqual([70, 140]);
    expect(await ratesSeenBy(world.a.as.member, stranger.id)).toEqual([null, null]);
    expect(await ratesSeenBy(world.a.as.member, report.personId)).toEqual([null, null]);
    expect(await ratesSeenBy(report, report.personId)).toEqual([55, 110]);
    expect(await ratesSeenBy(lead, report.personId)).toEqual([55, 110]);
    expect(await ratesSeenBy(lead, stranger.id)).toEqual([null, null]);
    // the answer to an edit follows the same rule
    const own = await report.patch<Person>(`/api/people/${report.personId}`, { title: 'Analyst' });
    expect([own.body.costRate, own.body.billRate]).toEqual([55, 110]);
    const byLead = await lead.patch<Person>(`/api/people/${report.personId}`, { costRate: 60 });
    expect(byLead.status).toBe(200);
    expect([byLead.body.costRate, byLead.body.billRate]).toEqual([60, 110]);
  });

  it('answers 404 for a person of another organization', async () => {
    const id = world.a.as.member.actor.personId!;
    expect((await world.b.as.owner.get(`/api/people/${id}`)).status).toBe(404);
    expect((await world.b.as.owner.patch(`/api/people/${id}`, { title: 'x' })).status).toBe(404);
    expect((await world.b.as.owner.delete(`/api/people/${id}`)).status).toBe(404);
    expect(
      (
        await world.b.as.owner.post(`/api/people/${id}/time-off`, {
          startDate: '2026-04-01',
          endDate: '2026-04-02',
        })
      ).status,
    ).toBe(404);
  });

  it('answers 401 without credentials on every people route', async () => {
    const id = world.a.as.member.actor.personId!;
    expect((await world.anonymous.get('/api/people')).status).toBe(401);
    expect((await world.anonymous.get(`/api/people/${id}`)).status).toBe(401);
    expect((await world.anonymous.post('/api/people', { name: 'x' })).status).toBe(401);
    expect((await world.anonymous.patch(`/api/people/${id}`, { title: 'x' })).status).toBe(401);
    expect((await world.anonymous.delete(`/api/people/${id}`)).status).toBe(401);
    expect(
      (
        await world.anonymous.post(`/api/people/${id}/time-off`, {
          startDate: '2026-04-01',
          endDate: '2026-04-01',
        })
      ).status,
    ).toBe(401);
    expect((await world.anonymous.delete(`/api/people/${id}/time-off/x`)).status).toBe(401);
  });

  // --- update ---

  it('lets a leader edit any field and replaces the skill set', async () => {
    const [s1, s2, s3] = [await makeSkill(), await makeSkill(), await makeSkill()];
    const person = await makePerson({ skills: [{ skillId: s1, level: 1 }] });
    world.clock.set('2026-03-03T10:00:00.000Z');
    const res = await world.a.as.leader
      .patch<Person>(`/api/people/${person.id}`, {
        title: 'Lead',
        capacityHoursPerWeek: 20,
        billRate: 99.5,
        skills: [
          { skillId: s2, level: 5 },
          { skillId: s3, level: 2 },
        ],
        growthGoals: [{ skillId: s1, targetLevel: 4 }],
      })
      .finally(() => world.clock.set('2026-03-02T09:00:00.000Z'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Lead',
      capacityHoursPerWeek: 20,
      billRate: 99.5,
      growthGoals: [{ skillId: s1, targetLevel: 4 }],
      updatedAt: '2026-03-03T10:00:00.000Z',
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect([...res.body.skills].sort((a, b) => a.level - b.level)).toEqual([
      { skillId: s3, level: 2 },
      { skillId: s2, level: 5 },
    ]);
  });

  it('lets a manager edit their direct reports but not other people', async () => {
    const report = await makePerson({ managerId: world.a.as.manager.actor.personId });
    const ok = await world.a.as.manager.patch<Person>(`/api/people/${report.id}`, {
      capacityHoursPerWeek: 30,
      title: 'Engineer',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ capacityHoursPerWeek: 30, title: 'Engineer' });
    const stranger = await makePerson();
    expect((await world.a.as.manager.patch(`/api/people/${stranger.id}`, { title: 'x' })).status).toBe(403);
  });

  it('answers 403 when a member edits someone else', async () => {
    const other = await makePerson();
    const res = await world.a.as.member.patch(`/api/people/${other.id}`, { title: 'Hacked' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('lets a member edit their own profile fields', async () => {
    const skillId = await makeSkill();
    const id = world.a.as.member.actor.personId!;
    const res = await world.a.as.member.patch<Person>(`/api/people/${id}`, {
      title: 'Designer',
      passions: ['typography'],
      values: ['care'],
      skills: [{ skillId, level: 3 }],
      growthGoals: [{ skillId, targetLevel: 5 }],
      // unchanged managed fields may be sent back as they are
      capacityHoursPerWeek: 40,
      managerId: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Designer',
      passions: ['typography'],
      values: ['care'],
      skills: [{ skillId, level: 3 }],
      role: 'member',
    });
  });

  it('answers 403 naming the field when a member changes their own capacity, rates, manager or team', async () => {
    const id = world.a.as.member.actor.personId!;
    const capacity = await world.a.as.member.patch(`/api/people/${id}`, { capacityHoursPerWeek: 10 });
    expect(capacity.status).toBe(403);
    expect(capacity.body).toMatchObject({
      error: { code: 'forbidden', details: { field: 'body.capacityHoursPerWeek' } },
    });
    expect((capacity.body as { error: { message: string } }).error.message).toContain('capacityHoursPerWeek');
    const rate = await world.a.as.member.patch(`/api/people/${id}`, { costRate: 1 });
    expect(rate.body).toMatchObject({ error: { details: { field: 'body.costRate' } } });
    const manager = await world.a.as.member.patch(`/api/people/${id}`, {
      managerId: world.a.as.leader.actor.personId,
    });
    expect(manager.status).toBe(403);
    expect(manager.body).toMatchObject({ error: { details: { field: 'body.managerId' } } });
    const team = await world.a.as.member.patch(`/api/people/${id}`, { teamId: await makeTeam() });
    expect(team.status).toBe(403);
  });

  it('answers 400 with the field for bad input on update', async () => {
    const person = await makePerson();
    const res = await world.a.as.owner.patch(`/api/people/${person.id}`, { capacityHoursPerWeek: 81 });
    expect(res.status).toBe(400);
    expect(issueField(res.body)).toBe('body.capacityHoursPerWeek');
    const email = await world.a.as.owner.patch(`/api/people/${person.id}`, { email: 'nope' });
    expect(issueField(email.body)).toBe('body.email');
    const foreign = await world.a.as.owner.patch(`/api/people/${person.id}`, {
      managerId: world.b.as.owner.actor.personId,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      error: {
        details: { issues: [{ field: 'body.managerId', reason: 'no such person in this organization' }] },
      },
    });
  });

  it('rejects a manager that would make the reporting lines a cycle', async () => {
    const top = await makePerson();
    const middle = await makePerson({ managerId: top.id });
    const bottom = await makePerson({ managerId: middle.id });
    const indirect = await world.a.as.owner.patch(`/api/people/${top.id}`, { managerId: bottom.id });
    expect(indirect.status).toBe(400);
    expect(issueField(indirect.body)).toBe('body.managerId');
    const direct = await world.a.as.owner.patch(`/api/people/${top.id}`, { managerId: middle.id });
    expect(issueField(direct.body)).toBe('body.managerId');
    const self = await world.a.as.owner.patch(`/api/people/${top.id}`, { managerId: top.id });
    expect(self.status).toBe(400);
    expect(issueField(self.body)).toBe('body.managerId');
    // moving within the tree without a loop is fine
    const moved = await world.a.as.owner.patch<Person>(`/api/people/${bottom.id}`, { managerId: top.id });
    expect(moved.status).toBe(200);
    expect(moved.body.managerId).toBe(top.id);
    expect((await world.a.as.owner.get<Person>(`/api/people/${top.id}`)).body.managerId).toBeNull();
  });

  // --- delete ---

  it('deletes a person, clearing the reporting lines and team leads that pointed at them', async () => {
    const boss = await makePerson();
    const report = await makePerson({ managerId: boss.id });
    const team = await world.a.as.owner.post<{ id: string }>('/api/teams', { name: 'T', leadId: boss.id });
    const res = await world.a.as.leader.delete(`/api/people/${boss.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect((await world.a.as.owner.get(`/api/people/${boss.id}`)).status).toBe(404);
    expect((await world.a.as.owner.get<Person>(`/api/people/${report.id}`)).body.managerId).toBeNull();
    const teams = await world.a.as.owner.get<{ items: { id: string; leadId: string | null }[] }>(
      '/api/teams',
    );
    expect(teams.body.items.find((t) => t.id === team.body.id)?.leadId).toBeNull();
    expect((await world.a.as.owner.delete(`/api/people/${boss.id}`)).status).toBe(404);
  });

  it('answers 403 when a member or a manager deletes a person', async () => {
    const report = await makePerson({ managerId: world.a.as.manager.actor.personId });
    expect((await world.a.as.member.delete(`/api/people/${report.id}`)).status).toBe(403);
    expect((await world.a.as.manager.delete(`/api/people/${report.id}`)).status).toBe(403);
  });

  // --- time off ---

  it('lets a person record and remove their own time off, listed by start date', async () => {
    const id = world.a.as.member.actor.personId!;
    const later = await world.a.as.member.post<{ id: string }>(`/api/people/${id}/time-off`, {
      startDate: '2026-08-01',
      endDate: '2026-08-14',
      reason: 'Summer',
    });
    expect(later.status).toBe(201);
    expect(later.body).toEqual({
      id: expect.any(String) as string,
      personId: id,
      startDate: '2026-08-01',
      endDate: '2026-08-14',
      reason: 'Summer',
    });
    const earlier = await world.a.as.member.post<{ id: string }>(`/api/people/${id}/time-off`, {
      startDate: '2026-04-10',
      endDate: '2026-04-10',
    });
    expect(earlier.status).toBe(201);
    const person = await world.a.as.owner.get<Person>(`/api/people/${id}`);
    expect(person.body.timeOff.map((t) => t.id)).toEqual([earlier.body.id, later.body.id]);
    expect(person.body.timeOff[0]?.reason).toBe('');
    const removed = await world.a.as.member.delete(`/api/people/${id}/time-off/${later.body.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ ok: true });
    const after = await world.a.as.owner.get<Person>(`/api/people/${id}`);
    expect(after.body.timeOff.map((t) => t.id)).toEqual([earlier.body.id]);
    expect((await world.a.as.member.delete(`/api/people/${id}/time-off/${earlier.body.id}`)).status).toBe(
      200,
    );
  });

  it("lets a manager record their report's time off and a leader remove it", async () => {
    const report = await makePerson({ managerId: world.a.as.manager.actor.personId });
    const res = await world.a.as.manager.post<{ id: string }>(`/api/people/${report.id}/time-off`, {
      startDate: '2026-05-04',
      endDate: '2026-05-08',
    });
    expect(res.status).toBe(201);
    expect((await world.a.as.leader.delete(`/api/people/${report.id}/time-off/${res.body.id}`)).status).toBe(
      200,
    );
  });

  it('answers 400 on time off that ends before it starts or has no real date', async () => {
    const id = world.a.as.member.actor.personId!;
    const backwards = await world.a.as.member.post(`/api/people/${id}/time-off`, {
      startDate: '2026-05-10',
      endDate: '2026-05-09',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect(issueField(backwards.body)).toBe('body.endDate');
    const unreal = await world.a.as.member.post(`/api/people/${id}/time-off`, {
      startDate: '2026-02-30',
      endDate: '2026-03-01',
    });
    expect(unreal.status).toBe(400);
    expect(issueField(unreal.body)).toBe('body.startDate');
  });

  it("answers 403 when a member records or removes someone else's time off", async () => {
    const other = await makePerson();
    const created = await world.a.as.owner.post<{ id: string }>(`/api/people/${other.id}/time-off`, {
      startDate: '2026-06-01',
      endDate: '2026-06-02',
    });
    expect(
      (
        await world.a.as.member.post(`/api/people/${other.id}/time-off`, {
          startDate: '2026-06-01',
          endDate: '2026-06-02',
        })
      ).status,
    ).toBe(403);
    expect(
      (await world.a.as.member.delete(`/api/people/${other.id}/time-off/${created.body.id}`)).status,
    ).toBe(403);
  });

  it('answers 404 for time off of another person or organization', async () => {
    const one = await makePerson();
    const two = await makePerson();
    const created = await world.a.as.owner.post<{ id: string }>(`/api/people/${one.id}/time-off`, {
      startDate: '2026-06-01',
      endDate: '2026-06-02',
    });
    expect((await world.a.as.owner.delete(`/api/people/${two.id}/time-off/${created.body.id}`)).status).toBe(
      404,
    );
    expect((await world.b.as.owner.delete(`/api/people/${one.id}/time-off/${created.body.id}`)).status).toBe(
      404,
    );
    expect((await world.a.as.owner.delete(`/api/people/${one.id}/time-off/no-such-id`)).status).toBe(404);
  });
});
