import { afterAll, beforeAll, expect, it } from 'vitest';
import { assessmentSkills } from '../../../core/people-side';
import { addAccount } from '../../../test/accounts';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type Client, type World } from '../../../test/world';

const ratings = (n: number) => Object.fromEntries(assessmentSkills.map((s, i) => [s, ((n + i) % 5) + 1]));

interface Mine {
  minPeerAnswers: number;
  current: {
    id: string;
    status: string;
    self: Record<string, number> | null;
    selfBalance: { leadership: number | null; management: number | null; lean: number | null };
    requests: { id: string; reviewerId: string; status: string }[];
    peers: { respondents: number; ratings: Record<string, number | null> } | null;
    peersNote: string | null;
  } | null;
  past: Mine['current'][];
}
interface ForMe {
  items: { id: string; personId: string; status: string; isOpen: boolean }[];
}

describeBackends('self-assessment and 360 API', (backend) => {
  let world: World;
  let subject: Client;
  let peers: (Client & { personId: string })[];
  beforeAll(async () => {
    world = await makeWorld(backend);
    subject = world.a.as.member;
    peers = [];
    for (let i = 0; i < 4; i++) peers.push(await addAccount(world, 'a', 'member', `Peer ${i}`));
  });
  afterAll(async () => world.close());

  const requestOf = async (peer: Client) =>
    (await peer.get<ForMe>('/api/assessment-requests')).body.items.find(
      (r) => r.personId === subject.actor.personId,
    )!;

  it("shows the person's own balance from their self-ratings", async () => {
    const res = await subject.put<Mine>('/api/assessments/me/self', {
      ratings: {
        decision_making: 4,
        communication: 5,
        relationship_building: 4,
        strategic_thinking: 3,
        planning_budgeting: 2,
        task_allocation: 3,
        creativity: 4,
        problem_solving: 3,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({
      status: 'open',
      selfBalance: { leadership: 4, management: 3, lean: 1 },
    });
  });

  it('answers 400 with the field for a missing or out-of-range rating', async () => {
    const res = await subject.put('/api/assessments/me/self', { ratings: { ...ratings(0), creativity: 7 } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { details: { issues: [{ field: 'body.ratings.creativity' }] } },
    });
    const self = await subject.post('/api/assessments/me/requests', {
      reviewerIds: [subject.actor.personId],
    });
    expect(self.body).toMatchObject({ error: { details: { issues: [{ field: 'body.reviewerIds.0' }] } } });
    const foreign = await subject.post('/api/assessments/me/requests', {
      reviewerIds: [world.b.as.member.actor.personId],
    });
    expect(foreign.body).toMatchObject({ error: { details: { issues: [{ field: 'body.reviewerIds.0' }] } } });
  });

  it('never shows one peer’s answers: nothing until the round closes, then only means of at least 3', async () => {
    const asked = await subject.post<Mine>('/api/assessments/me/requests', {
      reviewerIds: peers.map((p) => p.personId),
    });
    expect(asked.status).toBe(201);
    expect(asked.body.current?.requests).toHaveLength(4);
    // two answers: the subject sees who answered, never what
    for (const [i, peer] of peers.slice(0, 2).entries()) {
      const req = await requestOf(peer);
      const res = await peer.post(`/api/assessment-requests/${req.id}/answer`, { ratings: ratings(i) });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('"creativity"');
    }
    const open = await subject.get<Mine>('/api/assessments/me');
    expect(open.body.current?.peers).toBeNull();
    expect(open.body.current?.peersNote).toMatch(/2 answered so far/);
    // a third answer, a decline, and a second answer is refused
    const third = await requestOf(peers[2]!);
    await peers[2]!.post(`/api/assessment-requests/${third.id}/answer`, { ratings: ratings(2) });
    expect(
      (await peers[2]!.post(`/api/assessment-requests/${third.id}/answer`, { ratings: ratings(4) })).status,
    ).toBe(409);
    const fourth = await requestOf(peers[3]!);
    expect((await peers[3]!.post(`/api/assessment-requests/${fourth.id}/decline`)).body).toMatchObject({
      status: 'declined',
    });

    const closed = await subject.post<Mine>('/api/assessments/me/close');
    expect(closed.body.current).toBeNull();
    const round = closed.body.past[0]!;
    expect(round.peers?.respondents).toBe(3);
    // the mean of ratings(0..2) for the first skill: (1 + 2 + 3) / 3
    expect(round.peers?.ratings.decision_making).toBe(2);
    // a late answer to a closed round is refused
    const late = await peers[3]!.get<ForMe>('/api/assessment-requests');
    expect(late.body.items[0]).toMatchObject({ isOpen: false });
  });

  it('hides the peers’ means when fewer than 3 answered, and waits 90 days for a new round', async () => {
    const other = await addAccount(world, 'a', 'member', 'Other subject');
    await other.put('/api/assessments/me/self', { ratings: ratings(1) });
    await other.post('/api/assessments/me/requests', {
      reviewerIds: [peers[0]!.personId, peers[1]!.personId],
    });
    for (const peer of peers.slice(0, 2)) {
      const req = (await peer.get<ForMe>('/api/assessment-requests')).body.items.find(
        (r) => r.personId === other.personId,
      )!;
      await peer.post(`/api/assessment-requests/${req.id}/answer`, { ratings: ratings(3) });
    }
    const closed = await other.post<Mine>('/api/assessments/me/close');
    expect(closed.body.past[0]).toMatchObject({ peers: null });
    expect(closed.body.past[0]?.peersNote).toMatch(/Fewer than 3/);
    expect((await other.post('/api/assessments/me')).status).toBe(409);
    world.clock.set('2026-06-01T09:00:00.000Z');
    try {
      expect((await other.post('/api/assessments/me')).status).toBe(201);
    } finally {
      world.clock.set('2026-03-02T09:00:00.000Z');
    }
  });

  it("gives nobody else a route to a person's assessment", async () => {
    const mine = await world.a.as.owner.get<Mine>('/api/assessments/me');
    expect(mine.body).toEqual({ minPeerAnswers: 3, current: null, past: [] });
    const req = await requestOf(peers[0]!);
    expect(
      (await world.a.as.owner.post(`/api/assessment-requests/${req.id}/answer`, { ratings: ratings(0) }))
        .status,
    ).toBe(404);
    expect((await world.b.as.owner.post(`/api/assessment-requests/${req.id}/decline`)).status).toBe(404);
  });

  it("pages the reviewer's requests, newest first, and answers 400 for a limit out of range", async () => {
    const reviewer = await addAccount(world, 'a', 'member', 'Popular reviewer');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const asker = await addAccount(world, 'a', 'member', `Asker ${i}`);
      const res = await asker.post<Mine>('/api/assessments/me/requests', {
        reviewerIds: [reviewer.personId],
      });
      expect(res.status).toBe(201);
      ids.push(res.body.current!.requests.find((r) => r.reviewerId === reviewer.personId)!.id);
    }
    const whole = await expectPaging(reviewer, '/api/assessment-requests', { includes: ids });
    expect(whole.total).toBe(5);
  });
});
