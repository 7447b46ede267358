import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kudos } from '../../../core/schemas/people-side';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';

interface Value {
  id: string;
  name: string;
  description: string;
  position: number;
  kudosCount: number;
}

describeBackends('kudos and values API', (backend) => {
  let world: World;
  let craft: Value;
  beforeAll(async () => {
    world = await makeWorld(backend);
    const res = await world.a.as.leader.post<Value>('/api/values', {
      name: 'Craft',
      description: 'Sweat the details',
    });
    expect(res.status).toBe(201);
    craft = res.body;
  });
  afterAll(async () => world.close());

  const member = () => world.a.as.member;
  const managerId = () => world.a.as.manager.actor.personId!;

  it('lets owners and leaders keep the values, and answers 403 for managers and members', async () => {
    expect(craft).toMatchObject({ name: 'Craft', position: 0, kudosCount: 0 });
    const second = await world.a.as.owner.post<Value>('/api/values', { name: 'Candor' });
    expect(second.body.position).toBe(1);
    expect((await world.a.as.manager.post('/api/values', { name: 'Speed' })).status).toBe(403);
    expect((await member().patch(`/api/values/${craft.id}`, { name: 'x' })).status).toBe(403);
    const dup = await world.a.as.owner.post('/api/values', { name: 'craft' });
    expect(dup.status).toBe(409);
    const list = await member().get<{ items: Value[] }>('/api/values');
    expect(list.body.items.map((v) => v.name)).toEqual(['Craft', 'Candor']);
    expect((await world.b.as.owner.get<{ items: Value[] }>('/api/values')).body.items).toEqual([]);
    expect((await world.b.as.owner.patch(`/api/values/${craft.id}`, { name: 'x' })).status).toBe(404);
  });

  it('pages the values in their order, counting every value, and answers 400 for a limit out of range', async () => {
    const ids: string[] = [];
    for (const name of ['Paged 1', 'Paged 2', 'Paged 3', 'Paged 4', 'Paged 5']) {
      const res = await world.a.as.owner.post<Value>('/api/values', { name });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const whole = await expectPaging(member(), '/api/values', { includes: ids });
    const positions = (whole.items as unknown as Value[]).map((v) => v.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const id of ids) expect((await world.a.as.owner.delete(`/api/values/${id}`)).status).toBe(200);
  });

  it('lets anyone give kudos to anyone, tied to a value, and lists them in the feed', async () => {
    const res = await member().post<Kudos>('/api/kudos', {
      toId: managerId(),
      message: 'Unblocked the release in an hour',
      valueId: craft.id,
      helpedOthers: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String) as string,
      fromId: member().actor.personId,
      toId: managerId(),
      message: 'Unblocked the release in an hour',
      valueId: craft.id,
      helpedOthers: true,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    const feed = await world.a.as.owner.get<{ items: Kudos[] }>(`/api/kudos?personId=${managerId()}`);
    expect(feed.body.items.map((k) => k.id)).toContain(res.body.id);
    const other = await world.b.as.owner.get<{ items: Kudos[] }>('/api/kudos');
    expect(other.body.items).toEqual([]);
  });

  it("shows on the recipient's profile what they were recognised for", async () => {
    const to = world.a.as.leader.actor.personId!;
    await member().post('/api/kudos', { toId: to, message: 'Great pitch', valueId: craft.id });
    await world.a.as.manager.post('/api/kudos', {
      toId: to,
      message: 'Thanks for the review',
      helpedOthers: true,
    });
    const rec = await world.a.as.member.get(`/api/people/${to}/recognition`);
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({
      personId: to,
      received: 2,
      givers: 2,
      helpedOthers: 1,
      byValue: [{ valueId: craft.id, name: 'Craft', count: 1 }],
    });
    expect((await world.b.as.owner.get(`/api/people/${to}/recognition`)).status).toBe(404);
  });

  it('answers 400 with the field for kudos to oneself, to another organization, or with a foreign value', async () => {
    const self = await member().post('/api/kudos', { toId: member().actor.personId, message: 'me' });
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ error: { details: { issues: [{ field: 'body.toId' }] } } });
    const foreign = await member().post('/api/kudos', {
      toId: world.b.as.member.actor.personId,
      message: 'x',
    });
    expect(foreign.body).toMatchObject({ error: { details: { issues: [{ field: 'body.toId' }] } } });
    const bValue = await world.b.as.owner.post<Value>('/api/values', { name: 'Elsewhere' });
    const value = await member().post('/api/kudos', {
      toId: managerId(),
      message: 'x',
      valueId: bValue.body.id,
    });
    expect(value.body).toMatchObject({ error: { details: { issues: [{ field: 'body.valueId' }] } } });
    const empty = await member().post('/api/kudos', { toId: managerId(), message: '  ' });
    expect(empty.body).toMatchObject({ error: { details: { issues: [{ field: 'body.message' }] } } });
  });

  it('lets the giver, owners and leaders take kudos back; nobody else', async () => {
    const k = await member().post<Kudos>('/api/kudos', { toId: managerId(), message: 'Oops' });
    expect((await world.a.as.manager.delete(`/api/kudos/${k.body.id}`)).status).toBe(403);
    expect((await world.b.as.owner.delete(`/api/kudos/${k.body.id}`)).status).toBe(404);
    expect((await member().delete(`/api/kudos/${k.body.id}`)).status).toBe(200);
    const k2 = await member().post<Kudos>('/api/kudos', { toId: managerId(), message: 'Again' });
    expect((await world.a.as.leader.delete(`/api/kudos/${k2.body.id}`)).status).toBe(200);
  });

  it('keeps kudos when their value is removed, without the value', async () => {
    const v = await world.a.as.owner.post<Value>('/api/values', { name: 'Temporary' });
    const k = await member().post<Kudos>('/api/kudos', {
      toId: managerId(),
      message: 'Kept',
      valueId: v.body.id,
    });
    expect((await world.a.as.owner.delete(`/api/values/${v.body.id}`)).status).toBe(200);
    const feed = await member().get<{ items: Kudos[] }>('/api/kudos?limit=500');
    expect(feed.body.items.find((x) => x.id === k.body.id)).toMatchObject({ message: 'Kept', valueId: null });
  });

  it('pages the feed newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      world.clock.set(`2026-03-02T10:0${i}:00.000Z`);
      ids.push(
        (await member().post<Kudos>('/api/kudos', { toId: managerId(), message: `Paged ${i}` })).body.id,
      );
    }
    world.clock.set('2026-03-02T09:00:00.000Z');
    const whole = await expectPaging(member(), '/api/kudos', { includes: ids });
    expect(whole.items.slice(0, 5).map((k) => k.id)).toEqual([...ids].reverse());
  });
});
