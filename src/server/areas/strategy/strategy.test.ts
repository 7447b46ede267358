import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';

type Body = Record<string, unknown> & { id: string };

describeBackends('vision, pillars and strategy map API', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  it('lets owners and leaders set the vision and nobody else', async () => {
    const res = await world.a.as.leader.patch('/api/organization', {
      vision: 'Work people are proud of',
      visionHorizon: '2030',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      vision: 'Work people are proud of',
      visionHorizon: '2030',
      progress: null,
    });
    expect((await world.a.as.manager.patch('/api/organization', { vision: 'x' })).status).toBe(403);
    expect((await world.a.as.member.patch('/api/organization', { vision: 'x' })).status).toBe(403);
    expect((await world.b.as.owner.get('/api/organization')).body).toMatchObject({
      name: 'Org B',
      vision: '',
    });
    const bad = await world.a.as.owner.patch('/api/organization', { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { details: { issues: [{ field: 'body.name' }] } } });
  });

  it('manages pillars with positions, 403 for managers and 404 across organizations', async () => {
    const first = await world.a.as.owner.post('/api/pillars', { name: 'Growth', description: 'New clients' });
    expect(first.status).toBe(201);
    const second = await world.a.as.owner.post('/api/pillars', { name: 'People' });
    expect((second.body as { position: number }).position).toBeGreaterThan(
      (first.body as { position: number }).position,
    );
    const id = (first.body as Body).id;
    expect((await world.a.as.manager.post('/api/pillars', { name: 'x' })).status).toBe(403);
    expect((await world.a.as.manager.patch(`/api/pillars/${id}`, { name: 'x' })).status).toBe(403);
    expect((await world.b.as.owner.patch(`/api/pillars/${id}`, { name: 'x' })).status).toBe(404);
    expect((await world.b.as.owner.delete(`/api/pillars/${id}`)).status).toBe(404);
    expect((await world.a.as.owner.post('/api/pillars', { name: 'x', position: -1 })).status).toBe(400);
    expect(
      (await world.a.as.leader.patch(`/api/pillars/${id}`, { description: 'New and returning clients' }))
        .body,
    ).toMatchObject({
      description: 'New and returning clients',
    });
    const list = await world.a.as.member.get('/api/pillars');
    expect((list.body as { items: Body[] }).items.map((p) => p.name)).toEqual(['Growth', 'People']);
    expect((await world.b.as.member.get('/api/pillars')).body).toEqual({
      items: [],
      total: 0,
      limit: 200,
      offset: 0,
    });
  });

  it('pages the pillars in position order, counting them all, and answers 400 for a limit out of range', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await world.b.as.owner.post('/api/pillars', { name: `Pillar ${i}` });
      expect(res.status).toBe(201);
      ids.push((res.body as Body).id);
    }
    const whole = await expectPaging(world.b.as.member, '/api/pillars', { includes: ids });
    const positions = whole.items.map((p) => (p as unknown as { position: number }).position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it('keeps the objectives of a deleted pillar as unaligned', async () => {
    const pillar = ((await world.a.as.owner.post('/api/pillars', { name: 'Short-lived' })).body as Body).id;
    const obj = (
      (await world.a.as.owner.post('/api/goals', { kind: 'objective', title: 'Survivor', pillarId: pillar }))
        .body as Body
    ).id;
    expect((await world.a.as.owner.delete(`/api/pillars/${pillar}`)).status).toBe(200);
    const map = await world.a.as.member.get('/api/strategy');
    expect((map.body as { unaligned: Body[] }).unaligned.map((n) => n.id)).toContain(obj);
  });

  it('shows the tree vision → pillar → objective → key result → project with progress', async () => {
    const pillar = ((await world.a.as.owner.post('/api/pillars', { name: 'Craft' })).body as Body).id;
    const obj = (
      (
        await world.a.as.owner.post('/api/goals', {
          kind: 'objective',
          title: 'Award-level work',
          pillarId: pillar,
        })
      ).body as Body
    ).id;
    const kr = (
      (
        await world.a.as.owner.post('/api/goals', {
          kind: 'key_result',
          title: 'Two award entries',
          parentId: obj,
        })
      ).body as Body
    ).id;
    const map = await world.a.as.member.get('/api/strategy');
    expect(map.status).toBe(200);
    const pillars = (
      map.body as {
        pillars: { id: string; children: { id: string; children: { id: string; kind: string }[] }[] }[];
      }
    ).pillars;
    const node = pillars.find((p) => p.id === pillar)!;
    expect(node.children[0]!.id).toBe(obj);
    expect(node.children[0]!.children[0]).toMatchObject({ id: kr, kind: 'key_result', progress: null });
  });
});
