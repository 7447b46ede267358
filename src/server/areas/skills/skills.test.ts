import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';

interface Skill {
  id: string;
  name: string;
}

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

describeBackends('skills API', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  it('lets a manager add a skill and everyone list the catalogue of their own organization', async () => {
    const name = unique('Rust');
    const created = await world.a.as.manager.post<Skill>('/api/skills', { name });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String) as string, name });
    const list = await world.a.as.member.get<{ items: Skill[] }>('/api/skills');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(created.body);
    const other = await world.b.as.owner.get<{ items: Skill[] }>('/api/skills');
    expect(other.body.items.map((s) => s.id)).not.toContain(created.body.id);
  });

  it('answers 409 conflict for a name that exists in the organization in any letter case', async () => {
    const name = unique('TypeScript');
    expect((await world.a.as.leader.post('/api/skills', { name })).status).toBe(201);
    const duplicate = await world.a.as.owner.post('/api/skills', { name: name.toUpperCase() });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ error: { code: 'conflict' } });
    // the same name is free in another organization
    expect((await world.b.as.owner.post('/api/skills', { name })).status).toBe(201);
  });

  it('answers 400 with the field for an empty name', async () => {
    const res = await world.a.as.owner.post('/api/skills', { name: '   ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ field: 'body.name' }] } },
    });
  });

  it('answers 403 when a member adds a skill', async () => {
    const res = await world.a.as.member.post('/api/skills', { name: unique('Go') });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('pages the catalogue by name, counting every skill, and answers 400 for a limit out of range', async () => {
    const ids: string[] = [];
    for (const name of ['Paged e', 'Paged B', 'Paged d', 'Paged A', 'Paged c']) {
      const res = await world.a.as.manager.post<Skill>('/api/skills', { name: unique(name) });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const whole = await expectPaging(world.a.as.member, '/api/skills', { includes: ids });
    const names = whole.items.map((item) => (item as unknown as Skill).name.slice(0, 'Paged x'.length));
    expect(names.filter((name) => name.startsWith('Paged '))).toEqual([
      'Paged A',
      'Paged B',
      'Paged c',
      'Paged d',
      'Paged e',
    ]);
  });

  it('answers 401 without credentials', async () => {
    expect((await world.anonymous.get('/api/skills')).status).toBe(401);
    expect((await world.anonymous.post('/api/skills', { name: 'x' })).status).toBe(401);
  });
});
