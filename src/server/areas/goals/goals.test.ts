import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';

type Body = Record<string, unknown> & { id: string };

describeBackends('goals API', (backend) => {
  let world: World;
  let pillarId: string;
  let objectiveId: string;
  beforeAll(async () => {
    world = await makeWorld(backend);
    pillarId = ((await world.a.as.leader.post('/api/pillars', { name: 'Clients for life' })).body as Body).id;
    objectiveId = (
      (
        await world.a.as.leader.post('/api/goals', {
          kind: 'objective',
          title: 'Be the agency clients recommend',
          pillarId,
          horizon: 'year',
        })
      ).body as Body
    ).id;
  });
  afterAll(async () => world.close());

  it('creates an objective and a key result that inherits its pillar', async () => {
    const kr = await world.a.as.manager.post('/api/goals', {
      kind: 'key_result',
      title: 'NPS from 30 to 50',
      parentId: objectiveId,
      metricStart: 30,
      metricTarget: 50,
      metricUnit: 'NPS',
      isStretch: true,
    });
    expect(kr.status).toBe(201);
    expect(kr.body).toMatchObject({
      kind: 'key_result',
      pillarId,
      parentId: objectiveId,
      metricCurrent: 30,
      progress: 0,
      isStretch: true,
    });
    expect((kr.body as { ancestors: { id: string }[] }).ancestors.map((a) => a.id)).toEqual([objectiveId]);
    const list = await world.a.as.member.get(`/api/goals?parentId=${objectiveId}`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ title: 'NPS from 30 to 50' }] });
  });

  it('answers 400 with the field for bad input', async () => {
    const noTitle = await world.a.as.leader.post('/api/goals', { kind: 'objective', title: '' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ field: 'body.title' }] } },
    });
    const orphanKr = await world.a.as.leader.post('/api/goals', { kind: 'key_result', title: 'KR' });
    expect(orphanKr.status).toBe(400);
    expect(orphanKr.body).toMatchObject({ error: { details: { issues: [{ field: 'body.parentId' }] } } });
    const badHorizon = await world.a.as.leader.post('/api/goals', {
      kind: 'objective',
      title: 'x',
      horizon: 'decade',
    });
    expect(badHorizon.status).toBe(400);
    const badLimit = await world.a.as.leader.get('/api/goals?limit=100000');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body).toMatchObject({ error: { details: { issues: [{ field: 'querystring.limit' }] } } });
  });

  it('rejects references into another organization with 400 and paths into it with 404', async () => {
    const foreignPillar = ((await world.b.as.leader.post('/api/pillars', { name: 'B pillar' })).body as Body)
      .id;
    const res = await world.a.as.leader.post('/api/goals', {
      kind: 'objective',
      title: 'x',
      pillarId: foreignPillar,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'body.pillarId' }] } } });
    const owner = await world.a.as.leader.post('/api/goals', {
      kind: 'objective',
      title: 'x',
      ownerId: world.b.as.member.actor.personId,
    });
    expect(owner.status).toBe(400);
    for (const req of [
      world.b.as.owner.get(`/api/goals/${objectiveId}`),
      world.b.as.owner.patch(`/api/goals/${objectiveId}`, { title: 'stolen' }),
      world.b.as.owner.delete(`/api/goals/${objectiveId}`),
      world.b.as.owner.get(`/api/goals/${objectiveId}/check-ins`),
      world.b.as.owner.post(`/api/goals/${objectiveId}/check-ins`, { confidence: 0.5 }),
    ]) {
      const r = await req;
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('Be the agency');
    }
    const listB = await world.b.as.owner.get('/api/goals');
    expect((listB.body as { items: Body[] }).items.some((g) => g.id === objectiveId)).toBe(false);
  });

  it('returns 403 for a member creating, editing or deleting a goal they do not own', async () => {
    expect((await world.a.as.member.post('/api/goals', { kind: 'objective', title: 'x' })).status).toBe(403);
    expect((await world.a.as.member.patch(`/api/goals/${objectiveId}`, { title: 'x' })).status).toBe(403);
    expect((await world.a.as.member.delete(`/api/goals/${objectiveId}`)).status).toBe(403);
    expect(
      (await world.a.as.member.post(`/api/goals/${objectiveId}/check-ins`, { confidence: 0.4 })).status,
    ).toBe(403);
  });

  it('lets a member edit and check in on a goal they own', async () => {
    const kr = (
      (
        await world.a.as.leader.post('/api/goals', {
          kind: 'key_result',
          title: 'Ship 3 case studies',
          parentId: objectiveId,
          ownerId: world.a.as.member.actor.personId,
          metricStart: 0,
          metricTarget: 3,
        })
      ).body as Body
    ).id;
    const edit = await world.a.as.member.patch(`/api/goals/${kr}`, { description: 'with the design team' });
    expect(edit.status).toBe(200);
    const checkIn = await world.a.as.member.post(`/api/goals/${kr}/check-ins`, {
      value: 1.5,
      confidence: 0.7,
      comment: 'two drafts in review',
    });
    expect(checkIn.status).toBe(201);
    expect(checkIn.body).toMatchObject({
      value: 1.5,
      confidence: 0.7,
      date: '2026-03-02',
      authorId: world.a.as.member.actor.personId,
    });
    const goal = await world.a.as.member.get(`/api/goals/${kr}`);
    expect(goal.body).toMatchObject({
      metricCurrent: 1.5,
      progress: 0.5,
      checkIns: [{ comment: 'two drafts in review' }],
    });
    const list = await world.a.as.member.get(`/api/goals/${kr}/check-ins`);
    expect((list.body as { items: unknown[] }).items).toHaveLength(1);
    const bad = await world.a.as.member.post(`/api/goals/${kr}/check-ins`, { confidence: 1.5 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { details: { issues: [{ field: 'body.confidence' }] } } });
  });

  it("pages a goal's check-ins newest first, counting them all, and answers 400 for a limit out of range", async () => {
    const kr = (
      (
        await world.a.as.leader.post('/api/goals', {
          kind: 'key_result',
          title: 'Win 5 referrals',
          parentId: objectiveId,
          metricStart: 0,
          metricTarget: 5,
        })
      ).body as Body
    ).id;
    const ids: string[] = [];
    for (const date of ['2026-02-10', '2026-02-14', '2026-02-11', '2026-02-13', '2026-02-12']) {
      const res = await world.a.as.leader.post(`/api/goals/${kr}/check-ins`, { confidence: 0.5, date });
      expect(res.status).toBe(201);
      ids.push((res.body as Body).id);
    }
    const whole = await expectPaging(world.a.as.member, `/api/goals/${kr}/check-ins`, { includes: ids });
    expect(whole.total).toBe(5);
    expect(whole.items.map((c) => (c as unknown as { date: string }).date)).toEqual([
      '2026-02-14',
      '2026-02-13',
      '2026-02-12',
      '2026-02-11',
      '2026-02-10',
    ]);
    // the goal detail still embeds every check-in
    expect((await world.a.as.member.get(`/api/goals/${kr}`)).body).toMatchObject({
      checkIns: expect.arrayContaining([expect.objectContaining({ date: '2026-02-14' })]) as unknown,
    });
  });

  it('keeps the fields a PATCH leaves out', async () => {
    const created = (
      await world.a.as.leader.post('/api/goals', {
        kind: 'objective',
        title: 'Keep me',
        description: 'long story',
        horizon: 'multi-year',
        isStretch: true,
      })
    ).body as Body;
    const patched = await world.a.as.leader.patch(`/api/goals/${created.id}`, { title: 'Kept' });
    expect(patched.body).toMatchObject({
      title: 'Kept',
      description: 'long story',
      horizon: 'multi-year',
      isStretch: true,
    });
  });

  it('refuses to put a goal beneath itself or beneath a key result', async () => {
    const child = (
      (
        await world.a.as.leader.post('/api/goals', {
          kind: 'objective',
          title: 'Sub-objective',
          parentId: objectiveId,
        })
      ).body as Body
    ).id;
    const loop = await world.a.as.leader.patch(`/api/goals/${objectiveId}`, { parentId: child });
    expect(loop.status).toBe(400);
    expect(loop.body).toMatchObject({ error: { details: { issues: [{ field: 'body.parentId' }] } } });
    const kr = (
      (await world.a.as.leader.post('/api/goals', { kind: 'key_result', title: 'KR', parentId: objectiveId }))
        .body as Body
    ).id;
    const underKr = await world.a.as.leader.post('/api/goals', {
      kind: 'objective',
      title: 'x',
      parentId: kr,
    });
    expect(underKr.status).toBe(400);
    const toKr = await world.a.as.leader.patch(`/api/goals/${objectiveId}`, { kind: 'key_result' });
    expect(toKr.status).toBe(400);
  });

  it('moving an objective to another pillar moves the goals beneath it', async () => {
    const other = ((await world.a.as.leader.post('/api/pillars', { name: 'Craft' })).body as Body).id;
    const obj = (
      (await world.a.as.leader.post('/api/goals', { kind: 'objective', title: 'Mover', pillarId }))
        .body as Body
    ).id;
    const kr = (
      (await world.a.as.leader.post('/api/goals', { kind: 'key_result', title: 'Moved KR', parentId: obj }))
        .body as Body
    ).id;
    expect((await world.a.as.leader.patch(`/api/goals/${obj}`, { pillarId: other })).status).toBe(200);
    expect((await world.a.as.leader.get(`/api/goals/${kr}`)).body).toMatchObject({ pillarId: other });
  });

  it('deletes a goal with the goals beneath it', async () => {
    const obj = (
      (await world.a.as.leader.post('/api/goals', { kind: 'objective', title: 'Temporary' })).body as Body
    ).id;
    const kr = (
      (
        await world.a.as.leader.post('/api/goals', {
          kind: 'key_result',
          title: 'Temporary KR',
          parentId: obj,
        })
      ).body as Body
    ).id;
    expect((await world.a.as.manager.delete(`/api/goals/${obj}`)).status).toBe(200);
    expect((await world.a.as.manager.get(`/api/goals/${kr}`)).status).toBe(404);
  });
});
