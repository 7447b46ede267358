import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';
import { newId } from '../../providers/ids';

interface Client {
  id: string;
  name: string;
  ownerId: string | null;
  projectCount: number;
}

describeBackends('clients API', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  const makeClient = async (name = 'Acme') => {
    const res = await world.a.as.manager.post<Client>('/api/clients', { name });
    expect(res.status).toBe(201);
    return res.body;
  };
  // Projects belong to another area; a bare row is enough to count them.
  const addProject = async (clientId: string) => {
    const now = world.clock.now().toISOString();
    const id = newId();
    await world.db.db
      .insertInto('projects')
      .values({
        id,
        org_id: world.a.orgId,
        name: 'Website',
        description: '',
        client_id: clientId,
        manager_id: null,
        start_date: null,
        deadline: null,
        budget_hours: null,
        budget_money: null,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  };

  it('lets a manager add a client with an owner and everyone list it with its project count', async () => {
    const ownerId = world.a.as.manager.actor.personId;
    const created = await world.a.as.manager.post<Client>('/api/clients', { name: 'Globex', ownerId });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String) as string,
      name: 'Globex',
      ownerId,
      projectCount: 0,
      version: 1,
    });
    await addProject(created.body.id);
    const list = await world.a.as.member.get<{ items: Client[] }>('/api/clients');
    expect(list.status).toBe(200);
    expect(list.body.items.find((c) => c.id === created.body.id)).toMatchObject({ projectCount: 1 });
    const other = await world.b.as.owner.get<{ items: Client[] }>('/api/clients');
    expect(other.body.items.map((c) => c.id)).not.toContain(created.body.id);
  });

  it('answers 400 with the field for an empty name or an owner from another organization', async () => {
    const empty = await world.a.as.owner.post('/api/clients', {});
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ field: 'body.name' }] } },
    });
    const foreign = await world.a.as.owner.post('/api/clients', {
      name: 'X',
      ownerId: world.b.as.owner.actor.personId,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      error: {
        details: { issues: [{ field: 'body.ownerId', reason: 'no such person in this organization' }] },
      },
    });
  });

  it('answers 403 when a member creates, edits or deletes a client', async () => {
    expect((await world.a.as.member.post('/api/clients', { name: 'Mine' })).status).toBe(403);
    const client = await makeClient();
    expect((await world.a.as.member.patch(`/api/clients/${client.id}`, { name: 'X' })).status).toBe(403);
    expect((await world.a.as.member.delete(`/api/clients/${client.id}`)).status).toBe(403);
  });

  it('renames a client and changes its owner', async () => {
    const client = await makeClient();
    const ownerId = world.a.as.leader.actor.personId;
    const res = await world.a.as.leader.patch<Client>(`/api/clients/${client.id}`, {
      name: 'Initech',
      ownerId,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: client.id, name: 'Initech', ownerId, projectCount: 0, version: 2 });
  });

  it('answers 400 on a bad update', async () => {
    const client = await makeClient();
    const res = await world.a.as.owner.patch(`/api/clients/${client.id}`, { name: '' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'body.name' }] } } });
    const foreign = await world.a.as.owner.patch(`/api/clients/${client.id}`, {
      ownerId: world.b.as.member.actor.personId,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ error: { details: { issues: [{ field: 'body.ownerId' }] } } });
  });

  it('answers 404 for a client of another organization', async () => {
    const client = await makeClient();
    expect((await world.b.as.owner.patch(`/api/clients/${client.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await world.b.as.owner.delete(`/api/clients/${client.id}`)).status).toBe(404);
  });

  it('deletes a client and keeps its projects without a client', async () => {
    const client = await makeClient();
    const projectId = await addProject(client.id);
    const res = await world.a.as.owner.delete(`/api/clients/${client.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    const project = await world.db.db
      .selectFrom('projects')
      .select('client_id')
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(project.client_id).toBeNull();
    const list = await world.a.as.owner.get<{ items: Client[] }>('/api/clients');
    expect(list.body.items.map((c) => c.id)).not.toContain(client.id);
  });

  it('pages the clients by name, counting them all, and answers 400 for a limit out of range', async () => {
    const ids: string[] = [];
    for (const name of ['Paged E', 'Paged B', 'Paged D', 'Paged A', 'Paged C'])
      ids.push((await makeClient(name)).id);
    const whole = await expectPaging(world.a.as.member, '/api/clients', { includes: ids });
    const names = whole.items.map((item) => (item as unknown as Client).name);
    expect(names.filter((name) => name.startsWith('Paged '))).toEqual([
      'Paged A',
      'Paged B',
      'Paged C',
      'Paged D',
      'Paged E',
    ]);
  });

  it('answers 401 without credentials', async () => {
    const client = await makeClient();
    expect((await world.anonymous.get('/api/clients')).status).toBe(401);
    expect((await world.anonymous.post('/api/clients', { name: 'x' })).status).toBe(401);
    expect((await world.anonymous.patch(`/api/clients/${client.id}`, { name: 'x' })).status).toBe(401);
    expect((await world.anonymous.delete(`/api/clients/${client.id}`)).status).toBe(401);
  });
});
