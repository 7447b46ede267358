import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TalentReview } from '../../../core/schemas/people-side';
import { addAccount, setManager } from '../../../test/accounts';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';

interface Grid {
  scope: string;
  people: { personId: string; current: TalentReview | null; previous: TalentReview | null }[];
}
interface Emerging {
  items: {
    personId: string;
    signals: { kind: string; count: number; summary: string; examples: string[] }[];
  }[];
}

describeBackends('talent review API', (backend) => {
  let world: World;
  let subject: string;
  beforeAll(async () => {
    world = await makeWorld(backend);
    subject = world.a.as.member.actor.personId!;
    await setManager(world, subject, world.a.as.manager.actor.personId);
  });
  afterAll(async () => world.close());

  it('lets the management chain place a report in the 9-box and keeps the history', async () => {
    const first = await world.a.as.manager.post<TalentReview>(`/api/people/${subject}/talent`, {
      performance: 2,
      potential: 2,
      note: 'Steady',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ performance: 2, potential: 2, box: 'Core player', note: 'Steady' });
    world.clock.set('2026-03-03T09:00:00.000Z');
    await world.a.as.leader.post(`/api/people/${subject}/talent`, { performance: 3, potential: 3 });
    world.clock.set('2026-03-02T09:00:00.000Z');
    const history = await world.a.as.manager.get<{ history: TalentReview[] }>(
      `/api/people/${subject}/talent`,
    );
    expect(history.body.history.map((h) => h.box)).toEqual(['Future leader', 'Core player']);
    const grid = await world.a.as.manager.get<Grid>('/api/talent');
    expect(grid.body.scope).toBe('chain');
    expect(grid.body.people).toMatchObject([
      { personId: subject, current: { box: 'Future leader' }, previous: { box: 'Core player' } },
    ]);
    const all = await world.a.as.owner.get<Grid>('/api/talent');
    expect(all.body.scope).toBe('organization');
    expect(all.body.people.map((p) => p.personId)).not.toContain(world.a.as.owner.actor.personId);
  });

  it('answers 403 to the person, a peer and a report, and 404 to another organization', async () => {
    const report = await addAccount(world, 'a', 'member', 'Report of S', { managerId: subject });
    const peer = await addAccount(world, 'a', 'member', 'Peer');
    for (const who of [world.a.as.member, peer, report]) {
      expect((await who.get(`/api/people/${subject}/talent`)).status).toBe(403);
      expect((await who.post(`/api/people/${subject}/talent`, { performance: 1, potential: 1 })).status).toBe(
        403,
      );
    }
    // S manages one person, so S's own grid shows only that report, never S
    const own = await world.a.as.member.get<Grid>('/api/talent');
    expect(own.body.people.map((p) => p.personId)).toEqual([report.personId]);
    expect((await peer.get('/api/talent')).status).toBe(403);
    expect((await world.b.as.owner.get(`/api/people/${subject}/talent`)).status).toBe(404);
  });

  it('answers 400 with the field for a box outside 1–3', async () => {
    const res = await world.a.as.leader.post(`/api/people/${subject}/talent`, {
      performance: 4,
      potential: 2,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'body.performance' }] } } });
  });

  it('lists emerging leaders with every signal spelled out, and never titled people', async () => {
    const mentee = await addAccount(world, 'a', 'member', 'Mentee');
    await world.a.as.owner.put(`/api/people/${mentee.personId}/growth-plan`, { mentorId: subject });
    await mentee.post('/api/kudos', {
      toId: subject,
      message: 'Walked me through the CMS',
      helpedOthers: true,
    });
    await world.a.as.leader.post('/api/kudos', {
      toId: subject,
      message: 'Ran the onboarding',
      helpedOthers: true,
    });
    await world.a.as.leader.post('/api/kudos', {
      toId: world.a.as.manager.actor.personId,
      message: 'x',
      helpedOthers: true,
    });
    const res = await world.a.as.leader.get<Emerging>('/api/talent/emerging-leaders');
    expect(res.status).toBe(200);
    const me = res.body.items.find((i) => i.personId === subject);
    expect(me?.signals.map((s) => s.kind)).toEqual(['mentoring', 'helping_kudos']);
    expect(me?.signals[1]).toMatchObject({ count: 2, summary: '2 kudos for helping others, from 2 people' });
    // the manager has the title (a manager sign-in role)
    expect(res.body.items.map((i) => i.personId)).not.toContain(world.a.as.manager.actor.personId);
    expect((await mentee.get('/api/talent/emerging-leaders')).status).toBe(403);
  });

  it("names a mentee only to viewers who may read the mentee's growth plan; to others the plan is counted unnamed", async () => {
    const boss = await addAccount(world, 'a', 'manager', 'Mentor Boss');
    const mentor = await addAccount(world, 'a', 'member', 'Quiet Mentor', { managerId: boss.personId });
    // one mentee in the boss's chain (the boss reads that plan), one outside it (the boss does not)
    const inChain = await addAccount(world, 'a', 'member', 'Team Mentee', { managerId: boss.personId });
    const outside = await addAccount(world, 'a', 'member', 'Private Mentee');
    for (const mentee of [inChain, outside])
      await world.a.as.owner.put(`/api/people/${mentee.personId}/growth-plan`, { mentorId: mentor.personId });
    await world.a.as.leader.post('/api/kudos', {
      toId: mentor.personId,
      message: 'Helps',
      helpedOthers: true,
    });
    const mentoringSeenBy = async (viewer: typeof boss | World['a']['as']['leader']) => {
      const res = await viewer.get<Emerging>('/api/talent/emerging-leaders?limit=500');
      expect(res.status).toBe(200);
      return res.body.items
        .find((i) => i.personId === mentor.personId)
        ?.signals.find((s) => s.kind === 'mentoring');
    };
    const byBoss = await mentoringSeenBy(boss);
    expect(byBoss).toMatchObject({ count: 2, examples: ['Team Mentee'] });
    expect(byBoss?.summary).toBe('Mentor in 2 growth plans (1 not named: a plan you may not read)');
    expect(JSON.stringify(await boss.get('/api/talent/emerging-leaders?limit=500'))).not.toContain(
      'Private Mentee',
    );
    const byLeader = await mentoringSeenBy(world.a.as.leader);
    expect(byLeader).toMatchObject({ count: 2, summary: 'Mentor in 2 growth plans' });
    expect([...(byLeader?.examples ?? [])].sort()).toEqual(['Private Mentee', 'Team Mentee']);
  });

  it('pages the emerging leaders in rank order, keeping the rule, and answers 400 for a limit out of range', async () => {
    const ids: string[] = [];
    for (const name of ['Rising A', 'Rising B', 'Rising C']) {
      const candidate = await addAccount(world, 'a', 'member', name);
      const mentee = await addAccount(world, 'a', 'member', `Mentee of ${name}`);
      await world.a.as.owner.put(`/api/people/${mentee.personId}/growth-plan`, {
        mentorId: candidate.personId,
      });
      await mentee.post('/api/kudos', { toId: candidate.personId, message: 'Helped me', helpedOthers: true });
      ids.push(candidate.personId);
    }
    const whole = await expectPaging(world.a.as.leader, '/api/talent/emerging-leaders', {
      includes: ids,
      key: 'personId',
      limit: 1,
    });
    const first = await world.a.as.leader.get<{ rule: string; total: number }>(
      '/api/talent/emerging-leaders?limit=1',
    );
    expect(first.body.rule).toEqual((whole as unknown as { rule: string }).rule);
    expect(first.body.rule.length).toBeGreaterThan(0);
  });
});
