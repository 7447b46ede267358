import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';

interface Team {
  id: string;
  name: string;
  leadId: string | null;
  memberCount: number;
}

describeBackends('teams API', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  const makeTeam = async (name = 'Platform') => {
    const res = await world.a.as.leader.post<Team>('/api/teams', { name });
    expect(res.status).toBe(201);
    return res.body;
  };
  const addMember = async (teamId: string) => {
    const res = await world.a.as.owner.post<{ id: string }>('/api/people', { name: 'Team member', teamId });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  it('creates a team with a lead and lists it with its member count', async () => {
    const leadId = world.a.as.manager.actor.personId;
    const created = await world.a.as.owner.post<Team>('/api/teams', { name: 'Data', leadId });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String) as string,
      name: 'Data',
      leadId,
      memberCount: 0,
      version: 1,
    });
    await addMember(created.body.id);
    await addMember(created.body.id);
    const list = await world.a.as.member.get<{ items: Team[] }>('/api/teams');
    expect(list.status).toBe(200);
    expect(list.body.items.find((t) => t.id === created.body.id)).toMatchObject({ memberCount: 2 });
    const other = await world.b.as.owner.get<{ items: Team[] }>('/api/teams');
    expect(other.body.items.map((t) => t.id)).not.toContain(created.body.id);
  });

  it('answers 400 with the field for an empty name or a lead from another organization', async () => {
    const empty = await world.a.as.owner.post('/api/teams', { name: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ field: 'body.name' }] } },
    });
    const foreignLead = await world.a.as.owner.post('/api/teams', {
      name: 'X',
      leadId: world.b.as.member.actor.personId,
    });
    expect(foreignLead.status).toBe(400);
    expect(foreignLead.body).toMatchObject({
      error: {
        details: { issues: [{ field: 'body.leadId', reason: 'no such person in this organization' }] },
      },
    });
  });

  it('answers 403 when a member or a manager creates, renames or deletes a team', async () => {
    expect((await world.a.as.member.post('/api/teams', { name: 'Mine' })).status).toBe(403);
    expect((await world.a.as.manager.post('/api/teams', { name: 'Mine' })).status).toBe(403);
    const team = await makeTeam();
    expect((await world.a.as.member.patch(`/api/teams/${team.id}`, { name: 'Renamed' })).status).toBe(403);
    expect((await world.a.as.member.delete(`/api/teams/${team.id}`)).status).toBe(403);
  });

  it('renames a team and changes or clears its lead', async () => {
    const team = await makeTeam();
    const leadId = world.a.as.leader.actor.personId;
    const renamed = await world.a.as.owner.patch<Team>(`/api/teams/${team.id}`, { name: 'Core', leadId });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: team.id, name: 'Core', leadId });
    const cleared = await world.a.as.owner.patch<Team>(`/api/teams/${team.id}`, { leadId: null });
    expect(cleared.body).toMatchObject({ name: 'Core', leadId: null });
  });

  it('answers 400 on a bad update', async () => {
    const team = await makeTeam();
    const res = await world.a.as.owner.patch(`/api/teams/${team.id}`, { name: 42 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'body.name' }] } } });
    const foreign = await world.a.as.owner.patch(`/api/teams/${team.id}`, {
      leadId: world.b.as.owner.actor.personId,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ error: { details: { issues: [{ field: 'body.leadId' }] } } });
  });

  it('answers 404 for a team of another organization', async () => {
    const team = await makeTeam();
    expect((await world.b.as.owner.patch(`/api/teams/${team.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await world.b.as.owner.delete(`/api/teams/${team.id}`)).status).toBe(404);
    expect((await world.a.as.owner.delete('/api/teams/no-such-team')).status).toBe(404);
  });

  it('deletes a team and leaves its members without a team', async () => {
    const team = await makeTeam();
    const memberId = await addMember(team.id);
    const res = await world.a.as.leader.delete(`/api/teams/${team.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    const person = await world.a.as.owner.get<{ teamId: string | null }>(`/api/people/${memberId}`);
    expect(person.body.teamId).toBeNull();
    const list = await world.a.as.owner.get<{ items: Team[] }>('/api/teams');
    expect(list.body.items.map((t) => t.id)).not.toContain(team.id);
  });

  it('pages the teams by name, counting them all, and answers 400 for a limit out of range', async () => {
    const ids: string[] = [];
    for (const name of ['Paged E', 'Paged B', 'Paged D', 'Paged A', 'Paged C'])
      ids.push((await makeTeam(name)).id);
    const whole = await expectPaging(world.a.as.member, '/api/teams', { includes: ids });
    const names = whole.items.map((item) => (item as unknown as Team).name);
    expect(names.filter((name) => name.startsWith('Paged '))).toEqual([
      'Paged A',
      'Paged B',
      'Paged C',
      'Paged D',
      'Paged E',
    ]);
  });

  it('answers 401 without credentials', async () => {
    const team = await makeTeam();
    expect((await world.anonymous.get('/api/teams')).status).toBe(401);
    expect((await world.anonymous.post('/api/teams', { name: 'x' })).status).toBe(401);
    expect((await world.anonymous.patch(`/api/teams/${team.id}`, { name: 'x' })).status).toBe(401);
    expect((await world.anonymous.delete(`/api/teams/${team.id}`)).status).toBe(401);
  });
});
