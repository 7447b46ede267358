/**
 * Live updates end to end on both databases: a stream opened as one account receives, within a
 * second, the changes another account makes to what the first may read — and nothing else: not
 * another organization's, not a 1:1 it takes no part in, not anyone's personal note, not a plan run
 * it may not see. "Nothing" is proven with a sentinel: events arrive in the order they were
 * published, so once a later change everyone may read has arrived, the earlier one never will.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../core/live';
import type { OneOnOneDetail } from '../../../core/schemas/people-side';
import type { PlanRun } from '../../../core/schemas/planning';
import type { Project, Task } from '../../../core/schemas/work';
import { addAccount, setManager } from '../../../test/accounts';
import { describeBackends } from '../../../test/backends';
import { openEventStream, type EventStream } from '../../../test/event-stream';
import { inject, makeWorld, type Client, type World } from '../../../test/world';
import { inProcessRunner } from '../planning/runner';
import { buildApp } from '../../app';
import { eventBusFor, type EventBus } from '../../providers/events';

const tag = () => Math.random().toString(36).slice(2, 8);
/** How long to wait for an event whose timing is not what a test checks (a loaded machine is slow). */
const SLACK_MS = 5000;

describeBackends('live updates: GET /api/events', (backend) => {
  let world: World;
  let subscribers = 0;
  const streams: EventStream[] = [];

  /** The app's own kind of bus, counting its subscribers (open streams). */
  const countingBus = (bus: EventBus): EventBus => ({
    ...bus,
    subscribe(listener) {
      subscribers += 1;
      const stop = bus.subscribe(listener);
      return () => {
        subscribers -= 1;
        stop();
      };
    },
  });

  beforeAll(async () => {
    world = await makeWorld(backend, {
      planRunner: inProcessRunner,
      events: (db) => countingBus(eventBusFor(db)),
      liveStream: { heartbeatMs: 100, recheckMs: 100 },
    });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await world.close();
  });

  async function open(client: Pick<Client, 'token'>): Promise<EventStream> {
    const stream = await openEventStream(world.app, { authorization: `Bearer ${client.token}` });
    streams.push(stream);
    expect(stream.status).toBe(200);
    return stream;
  }

  async function project(client: Client, fields: Record<string, unknown> = {}): Promise<Project> {
    const res = await client.post<Project>('/api/projects', { name: `Live ${tag()}`, ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async function task(client: Client, projectId: string): Promise<Task> {
    const res = await client.post<Task>('/api/tasks', {
      title: `Task ${tag()}`,
      projectId,
      estimateHours: 4,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  /** A change everyone in org `org` may read, and its arrival on each of `streams`. */
  async function sentinel(org: 'a' | 'b', ...on: EventStream[]): Promise<void> {
    const res = await world[org].as.owner.post<{ id: string }>('/api/teams', { name: `Sentinel ${tag()}` });
    expect(res.status).toBe(201);
    for (const stream of on) await stream.waitFor((e) => e.kind === 'team' && e.id === res.body.id, SLACK_MS);
  }

  const about = (stream: EventStream, ...ids: string[]) =>
    stream
      .changes()
      .filter((e) => ids.includes(e.id) || (e.projectId !== undefined && ids.includes(e.projectId)));

  it('sends a change made by one account to another of the organization within a second', async () => {
    const watcher = await open(world.a.as.member);
    const p = await project(world.a.as.owner);
    const t = await task(world.a.as.owner, p.id);
    await watcher.waitFor((e) => e.id === t.id, SLACK_MS);
    const mark = watcher.mark();
    const res = await world.a.as.leader.patch(`/api/tasks/${t.id}`, { status: 'doing' });
    expect(res.status).toBe(200);
    // the change is made when its write has answered
    const started = Date.now();
    const event = await watcher.waitFor((e) => e.kind === 'task' && e.id === t.id, 1000, mark);
    expect(event).toEqual({ kind: 'task', id: t.id, projectId: p.id });
    expect(Date.now() - started).toBeLessThan(1000);
    // the creation was announced too, with the id the answer gave it
    expect(watcher.changes()).toContainEqual({ kind: 'project', id: p.id });
  });

  it('carries ids and kinds only: no title, no text', async () => {
    const watcher = await open(world.a.as.member);
    const p = await project(world.a.as.owner, { name: `SECRET-TITLE-${tag()}` });
    await watcher.waitFor((e) => e.id === p.id, SLACK_MS);
    for (const m of watcher.messages.filter((m) => m.event === 'change'))
      expect(Object.keys(JSON.parse(m.data) as LiveEvent).sort()).toEqual(
        expect.arrayContaining(['id', 'kind']),
      );
    expect(JSON.stringify(watcher.messages)).not.toContain('SECRET-TITLE');
  });

  it('sends nothing about another organization', async () => {
    const outsider = await open(world.b.as.owner);
    const p = await project(world.a.as.owner);
    const t = await task(world.a.as.owner, p.id);
    await world.a.as.owner.patch(`/api/tasks/${t.id}`, { status: 'done' });
    await world.a.as.owner.patch('/api/organization', { vision: `Vision ${tag()}` });
    await sentinel('b', outsider);
    expect(about(outsider, p.id, t.id, world.a.orgId)).toEqual([]);
  });

  it('publishes nothing for a write that was refused', async () => {
    const watcher = await open(world.a.as.owner);
    const p = await project(world.a.as.owner);
    await watcher.waitFor((e) => e.id === p.id, SLACK_MS);
    const refused = await world.a.as.member.patch(`/api/projects/${p.id}`, { name: 'Not yours' });
    expect(refused.status).toBe(403);
    await sentinel('a', watcher);
    expect(about(watcher, p.id)).toHaveLength(1);
  });

  describe('1:1s', () => {
    let manager: Client;
    let report: Client;
    let pairId: string;
    let meetingId: string;

    beforeAll(async () => {
      manager = await addAccount(world, 'a', 'manager', 'Live Manager');
      report = await addAccount(world, 'a', 'member', 'Live Report');
      await setManager(world, report.actor.personId!, manager.actor.personId);
    });

    it('reaches both participants and nobody else, and no personal note reaches anyone', async () => {
      const toReport = await open(report);
      const toManager = await open(manager);
      // the owner, the manager's own manager and a colleague: none takes part
      const skip = await addAccount(world, 'a', 'leader', 'Live Skip');
      await setManager(world, manager.actor.personId!, skip.personId);
      const outsiders = [await open(world.a.as.owner), await open(skip), await open(world.a.as.member)];

      const pair = await manager.post<OneOnOneDetail>('/api/one-on-ones', {
        reportId: report.actor.personId,
      });
      expect(pair.status).toBe(201);
      pairId = pair.body.id;
      meetingId = pair.body.meetings[0]!.id;
      await toReport.waitFor((e) => e.kind === 'one-on-one' && e.id === pairId, SLACK_MS);

      const base = `/api/one-on-ones/${pairId}`;
      await sentinel('a', toManager);
      const mark = toManager.mark();
      const item = await report.post<{ id: string }>(`${base}/meetings/${meetingId}/agenda-items`, {
        text: 'Talk about the launch',
      });
      expect(item.status).toBe(201);
      const started = Date.now();
      await toManager.waitFor((e) => e.kind === 'one-on-one' && e.id === pairId, 1000, mark);
      expect(Date.now() - started).toBeLessThan(1000);
      await sentinel('a', toReport, toManager);

      // a personal note: not to the other participant, not even to its author's other tabs
      const before = { report: about(toReport, pairId).length, manager: about(toManager, pairId).length };
      const personal = await manager.post<{ id: string }>(`${base}/meetings/${meetingId}/notes`, {
        body: 'Only mine',
        visibility: 'private',
      });
      expect(personal.status).toBe(201);
      await manager.patch(`${base}/notes/${personal.body.id}`, { body: 'Still only mine' });
      await manager.delete(`${base}/notes/${personal.body.id}`);
      await sentinel('a', toReport, toManager);
      expect(about(toReport, pairId)).toHaveLength(before.report);
      expect(about(toManager, pairId)).toHaveLength(before.manager);

      // a shared note, edited and removed: the report hears of each
      const shared = await manager.post<{ id: string }>(`${base}/meetings/${meetingId}/notes`, {
        body: 'We agreed',
        visibility: 'shared',
      });
      await manager.patch(`${base}/notes/${shared.body.id}`, { body: 'We agreed, twice' });
      await manager.delete(`${base}/notes/${shared.body.id}`);
      await sentinel('a', toReport);
      expect(about(toReport, pairId)).toHaveLength(before.report + 3);

      await sentinel('a', ...outsiders);
      for (const outsider of outsiders) expect(about(outsider, pairId)).toEqual([]);
    });

    it('sends nothing of a 1:1 to another organization', async () => {
      const outsider = await open(world.b.as.owner);
      await report.post(`/api/one-on-ones/${pairId}/action-items`, { text: 'Follow up' });
      await sentinel('b', outsider);
      expect(about(outsider, pairId)).toEqual([]);
    });
  });

  describe('plan runs', () => {
    it('shows a run’s progress to its author and to owners and leaders, not to others', async () => {
      const manager = world.a.as.manager;
      const p = await project(world.a.as.owner, { managerId: manager.actor.personId, status: 'active' });
      await task(manager, p.id);
      const author = await open(manager);
      const leader = await open(world.a.as.leader);
      const otherManager = await addAccount(world, 'a', 'manager', 'Other Live Manager');
      const others = [await open(world.a.as.member), await open(otherManager), await open(world.b.as.owner)];

      const started = await manager.post<PlanRun>('/api/plan-runs', { projectIds: [p.id], timeLimitMs: 500 });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const runId = started.body.id;
      // the run announces its start, progress and end: the author's screen follows without polling
      const deadline = Date.now() + 20_000;
      for (;;) {
        const run = await manager.get<PlanRun>(`/api/plan-runs/${runId}`);
        if (run.body.status !== 'queued' && run.body.status !== 'running') break;
        if (Date.now() > deadline) throw new Error('the run did not finish');
        await new Promise((r) => setTimeout(r, 50));
      }
      await sentinel('a', author, leader);
      expect(about(author, runId).length).toBeGreaterThanOrEqual(2);
      expect(about(leader, runId).length).toBe(about(author, runId).length);

      const applied = await manager.post(`/api/plan-runs/${runId}/apply`, {});
      expect(applied.status, JSON.stringify(applied.body)).toBe(200);
      await author.waitFor((e) => e.kind === 'project' && e.id === p.id, SLACK_MS);

      await sentinel('a', ...others.slice(0, 2));
      await sentinel('b', others[2]!);
      for (const other of others) expect(other.changes().filter((e) => e.kind === 'plan-run')).toEqual([]);
    });
  });

  describe('the stream', () => {
    it('answers 401 without credentials and 406 to a request that does not accept a stream', async () => {
      const anonymous = await openEventStream(world.app, {});
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.body)).toMatchObject({ error: { code: 'unauthenticated' } });
      const json = await openEventStream(
        world.app,
        { authorization: `Bearer ${world.a.as.member.token}` },
        'application/json',
      );
      expect(json.status).toBe(406);
      expect(JSON.parse(json.body)).toMatchObject({ error: { code: 'not_acceptable' } });
    });

    it('opens on a session cookie like the web app, as text/event-stream with heartbeats', async () => {
      const login = await inject(world.app, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: world.a.as.member.email, password: 'member-password-A' },
      });
      expect(login.status).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const stream = await openEventStream(world.app, { cookie });
      streams.push(stream);
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      expect(stream.messages[0]).toMatchObject({ event: 'ready' });
      await new Promise((r) => setTimeout(r, 350));
      expect(stream.comments()).toBeGreaterThanOrEqual(2);
    });

    it('ends when its token is revoked', async () => {
      const account = await addAccount(world, 'a', 'member', 'Revoked Later');
      const stream = await open(account);
      const tokens = await account.get<{ items: { id: string }[] }>('/api/tokens');
      for (const t of tokens.body.items) await account.delete(`/api/tokens/${t.id}`);
      await Promise.race([
        stream.ended,
        new Promise((_, reject) => setTimeout(() => reject(new Error('still open')), 2000)),
      ]);
    });

    it('does not keep the server from closing: open streams end first', async () => {
      const app = await buildApp({ db: world.db, clock: world.clock });
      const stream = await openEventStream(app, { authorization: `Bearer ${world.a.as.member.token}` });
      expect(stream.status).toBe(200);
      const started = Date.now();
      await app.close();
      await stream.ended;
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('lets go of its subscription when the client disconnects', async () => {
      const before = subscribers;
      const stream = await open(world.a.as.leader);
      expect(subscribers).toBe(before + 1);
      stream.close();
      const deadline = Date.now() + 2000;
      while (subscribers > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(subscribers).toBe(before);
    });
  });
});
