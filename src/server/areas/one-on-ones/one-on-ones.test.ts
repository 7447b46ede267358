import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingDetail, OneOnOne, OneOnOneDetail } from '../../../core/schemas/people-side';
import { addAccount, setManager } from '../../../test/accounts';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type Client, type World } from '../../../test/world';

describeBackends('1:1s API', (backend) => {
  let world: World;
  let manager: Client;
  let report: Client;
  beforeAll(async () => {
    world = await makeWorld(backend);
    manager = world.a.as.manager;
    report = world.a.as.member;
    await setManager(world, report.actor.personId!, manager.actor.personId);
  });
  afterAll(async () => world.close());

  /** A fresh report of the world's manager, with their own account. */
  const newReport = async (name = 'Report') =>
    addAccount(world, 'a', 'member', name, { managerId: manager.actor.personId });

  const setUp = async (who: Client & { personId: string }, body: Record<string, unknown> = {}) => {
    const res = await manager.post<OneOnOneDetail>('/api/one-on-ones', { reportId: who.personId, ...body });
    expect(res.status).toBe(201);
    return res.body;
  };
  const meetingOf = (pair: OneOnOneDetail) => pair.meetings.find((m) => m.status === 'upcoming')!;

  it('lets a manager set up a 1:1 with a direct report, its first meeting ready with a pre-filled agenda', async () => {
    const r = await newReport('Ana');
    // a late task and a kudos give the agenda something to say
    const now = world.clock.now().toISOString();
    await world.db.db
      .insertInto('tasks')
      .values({
        id: `late-${r.personId}`,
        org_id: world.a.orgId,
        project_id: null,
        goal_id: null,
        title: 'Late banner',
        description: '',
        estimate_hours: 4,
        skill_id: null,
        min_level: null,
        deadline: '2026-02-20',
        assignee_id: r.personId,
        status: 'doing',
        planned_start: null,
        planned_end: null,
        position: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await world.a.as.leader.post('/api/kudos', { toId: r.personId, message: 'Saved the pitch' });

    const pair = await setUp(r, { cadence: 'weekly' });
    expect(pair).toMatchObject({
      kind: 'manager',
      managerId: manager.actor.personId,
      reportId: r.personId,
      myRole: 'manager',
      cadence: 'weekly',
      cadenceDays: 7,
      isActive: true,
      lastHeldOn: null,
      dueBy: '2026-03-09',
      daysOverdue: 0,
      openActionItems: 0,
    });
    expect(pair.meetings).toHaveLength(1);
    expect(pair.meetings[0]).toMatchObject({ date: '2026-03-02', status: 'upcoming' });
    expect(pair.context.recentKudos.map((k) => k.message)).toEqual(['Saved the pitch']);
    const meeting = await manager.get<MeetingDetail>(
      `/api/one-on-ones/${pair.id}/meetings/${pair.meetings[0]!.id}`,
    );
    expect(meeting.status).toBe(200);
    const prefilled = meeting.body.agenda.filter((a) => a.source === 'context').map((a) => a.text);
    expect(prefilled.some((t) => t.startsWith('Recognition: 1 kudos'))).toBe(true);
    expect(prefilled.some((t) => t.startsWith('Late work: 1 task') && t.includes('Late banner'))).toBe(true);
    expect(pair.context.lateTasks).toMatchObject([{ title: 'Late banner', daysLate: 10 }]);
    expect(meeting.body.agenda.every((a) => a.authorId === null)).toBe(true);
  });

  it('answers 403 when someone sets up a 1:1 with a person who does not report to them, and 409 for a second one', async () => {
    const r = await newReport();
    const res = await world.a.as.leader.post('/api/one-on-ones', { reportId: r.personId });
    expect(res.status).toBe(403);
    await setUp(r);
    const again = await manager.post('/api/one-on-ones', { reportId: r.personId });
    expect(again.status).toBe(409);
  });

  it('answers 400 with the field for a person of another organization, oneself, or a bad cadence', async () => {
    const foreign = await manager.post('/api/one-on-ones', { reportId: world.b.as.member.actor.personId });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ error: { details: { issues: [{ field: 'body.reportId' }] } } });
    const self = await manager.post('/api/one-on-ones', { reportId: manager.actor.personId });
    expect(self.status).toBe(400);
    const cadence = await manager.post('/api/one-on-ones', {
      reportId: report.actor.personId,
      cadence: 'daily',
    });
    expect(cadence.status).toBe(400);
    expect(cadence.body).toMatchObject({ error: { details: { issues: [{ field: 'body.cadence' }] } } });
  });

  it('lets both participants add to the agenda; marking it held carries undiscussed items to the next 1:1', async () => {
    const r = await newReport();
    const pair = await setUp(r, { cadence: 'fortnightly' });
    const meeting = meetingOf(pair);
    const mine = await manager.post<{ id: string }>(
      `/api/one-on-ones/${pair.id}/meetings/${meeting.id}/agenda-items`,
      { text: 'Q2 priorities' },
    );
    const theirs = await r.post<{ id: string }>(
      `/api/one-on-ones/${pair.id}/meetings/${meeting.id}/agenda-items`,
      {
        text: 'Conference budget',
      },
    );
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(
      (await manager.patch(`/api/one-on-ones/${pair.id}/agenda-items/${mine.body.id}`, { isDiscussed: true }))
        .status,
    ).toBe(200);
    // a participant may tick the other's item, but not reword it
    expect(
      (await manager.patch(`/api/one-on-ones/${pair.id}/agenda-items/${theirs.body.id}`, { text: 'x' }))
        .status,
    ).toBe(403);
    const action = await manager.post(`/api/one-on-ones/${pair.id}/action-items`, {
      text: 'Book the course',
      ownerId: r.personId,
      meetingId: meeting.id,
    });
    expect(action.status).toBe(201);

    const held = await r.patch<MeetingDetail>(`/api/one-on-ones/${pair.id}/meetings/${meeting.id}`, {
      status: 'held',
    });
    expect(held.status).toBe(200);
    expect(held.body.meeting).toMatchObject({ status: 'held', date: '2026-03-02' });
    expect(held.body.agenda.map((a) => a.text)).toContain('Q2 priorities');
    expect(held.body.agenda.map((a) => a.text)).not.toContain('Conference budget');

    const after = await manager.get<OneOnOneDetail>(`/api/one-on-ones/${pair.id}`);
    expect(after.body.lastHeldOn).toBe('2026-03-02');
    expect(after.body.nextMeeting?.date).toBe('2026-03-16');
    const next = await manager.get<MeetingDetail>(
      `/api/one-on-ones/${pair.id}/meetings/${after.body.nextMeeting!.id}`,
    );
    expect(next.body.agenda.filter((a) => a.source === 'person').map((a) => a.text)).toEqual([
      'Conference budget',
    ]);
    // the action item carries over until done
    expect(after.body.actionItems).toMatchObject([
      { text: 'Book the course', isDone: false, ownerId: r.personId },
    ]);
    expect(after.body.openActionItems).toBe(1);
  });

  it('shows a missed cadence to the manager as days overdue', async () => {
    const r = await newReport();
    const pair = await setUp(r, { cadence: 'weekly' });
    world.clock.set('2026-03-20T09:00:00.000Z');
    try {
      const list = await manager.get<{ items: OneOnOne[] }>('/api/one-on-ones');
      const mine = list.body.items.find((p) => p.id === pair.id)!;
      expect(mine).toMatchObject({ dueBy: '2026-03-09', daysOverdue: 11 });
    } finally {
      world.clock.set('2026-03-02T09:00:00.000Z');
    }
  });

  it('keeps shared notes between the two and personal notes with their author only', async () => {
    const r = await newReport();
    const pair = await setUp(r);
    const m = meetingOf(pair);
    const base = `/api/one-on-ones/${pair.id}/meetings/${m.id}`;
    const shared = await manager.post<{ id: string }>(`${base}/notes`, {
      body: 'We agreed on a plan',
      visibility: 'shared',
    });
    const personal = await manager.post<{ id: string }>(`${base}/notes`, {
      body: 'Seems tired',
      visibility: 'private',
    });
    const theirs = await r.post<{ id: string }>(`${base}/notes`, {
      body: 'Ask about promotion',
      visibility: 'private',
    });
    expect([shared.status, personal.status, theirs.status]).toEqual([201, 201, 201]);

    const asManager = await manager.get<MeetingDetail>(base);
    expect(asManager.body.sharedNotes.map((n) => n.body)).toEqual(['We agreed on a plan']);
    expect(asManager.body.privateNotes.map((n) => n.body)).toEqual(['Seems tired']);
    const asReport = await r.get<MeetingDetail>(base);
    expect(asReport.body.sharedNotes.map((n) => n.body)).toEqual(['We agreed on a plan']);
    expect(asReport.body.privateNotes.map((n) => n.body)).toEqual(['Ask about promotion']);
    expect(JSON.stringify(asReport.body)).not.toContain('Seems tired');

    // the other participant's personal note does not exist for them: 404, as for any unknown note
    expect(
      (await r.patch(`/api/one-on-ones/${pair.id}/notes/${personal.body.id}`, { body: 'x' })).status,
    ).toBe(404);
    expect((await r.delete(`/api/one-on-ones/${pair.id}/notes/${personal.body.id}`)).status).toBe(404);
    // a shared note is edited by its author only
    expect((await r.patch(`/api/one-on-ones/${pair.id}/notes/${shared.body.id}`, { body: 'x' })).status).toBe(
      403,
    );
    const edited = await manager.patch(`/api/one-on-ones/${pair.id}/notes/${personal.body.id}`, {
      body: 'Ask about sleep',
    });
    expect(edited).toMatchObject({ status: 200, body: { body: 'Ask about sleep', visibility: 'private' } });
  });

  it('answers 404 — never 403 — to everyone outside the pair, leaders and other organizations included', async () => {
    const r = await newReport();
    const pair = await setUp(r);
    const m = meetingOf(pair);
    for (const outsider of [world.a.as.owner, world.a.as.leader, world.a.as.member, world.b.as.owner]) {
      expect((await outsider.get(`/api/one-on-ones/${pair.id}`)).status).toBe(404);
      expect((await outsider.get(`/api/one-on-ones/${pair.id}/meetings/${m.id}`)).status).toBe(404);
      expect(
        (
          await outsider.post(`/api/one-on-ones/${pair.id}/meetings/${m.id}/notes`, {
            body: 'x',
            visibility: 'shared',
          })
        ).status,
      ).toBe(404);
      const list = await outsider.get<{ items: OneOnOne[] }>('/api/one-on-ones');
      expect(list.body.items.map((p) => p.id)).not.toContain(pair.id);
    }
  });

  it('answers 400 for an action item owned by someone outside the pair', async () => {
    const r = await newReport();
    const pair = await setUp(r);
    const res = await manager.post(`/api/one-on-ones/${pair.id}/action-items`, {
      text: 'x',
      ownerId: world.a.as.owner.actor.personId,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'body.ownerId' }] } } });
  });

  it('pauses a 1:1 (hidden from the list unless asked for) and changes its cadence', async () => {
    const r = await newReport();
    const pair = await setUp(r);
    const paused = await r.patch<OneOnOneDetail>(`/api/one-on-ones/${pair.id}`, {
      isActive: false,
      cadence: 'monthly',
    });
    expect(paused.body).toMatchObject({
      isActive: false,
      cadence: 'monthly',
      cadenceDays: 28,
      daysOverdue: 0,
    });
    const list = await manager.get<{ items: OneOnOne[] }>('/api/one-on-ones');
    expect(list.body.items.map((p) => p.id)).not.toContain(pair.id);
    const all = await manager.get<{ items: OneOnOne[] }>('/api/one-on-ones?includeInactive=true');
    expect(all.body.items.map((p) => p.id)).toContain(pair.id);
  });

  it('pages the 1:1s of the caller', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await setUp(await newReport(`Paged ${i}`))).id);
    await expectPaging(manager, '/api/one-on-ones', { includes: ids });
  });
});
