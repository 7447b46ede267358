/**
 * 1:1 notes leak nowhere. A manager and their report write a shared note, a personal note each, an
 * agenda item and an action item, each with a unique marker. Then every other account of the
 * organization (owner, leader, another manager, another member), every account of another organization,
 * and each participant for the other's personal note call EVERY route of the API — the list comes from
 * the OpenAPI document, so routes added later are covered too — with the real ids of the fixture in the
 * path and query, and every response body is searched for the markers they must not see. A search (`q`)
 * for a marker must answer exactly as a search for a word that exists nowhere (no count gives it away).
 *
 * The same sweep run as the participants finds the markers they may see: the search itself works.
 *
 * The live event stream (GET /api/events) is held to the same rule: every account opens it before the
 * 1:1 is made and keeps it open through every sweep; no marker appears in any stream, and nobody but
 * the two participants hears of the 1:1 at all.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingDetail, OneOnOneDetail } from '../../core/schemas/people-side';
import { addAccount, setManager } from '../../test/accounts';
import { describeBackends } from '../../test/backends';
import { openEventStream, type EventStream } from '../../test/event-stream';
import { METHODS, type JsonSchema, type Paths } from '../../test/openapi-document';
import { inject, type Client, type World, makeWorld } from '../../test/world';

/** Calls that would dismantle the fixture itself rather than read anything (the 1:1 goes with its people). */
const SKIP = new Set([
  'DELETE /api/people/{id}',
  'POST /api/auth/logout',
  'POST /api/setup',
  'PATCH /api/users/{id}',
  'DELETE /api/tokens',
]);

const tag = () => Math.random().toString(36).slice(2, 10).toUpperCase();

describeBackends('1:1 privacy: markers appear nowhere they do not belong', (backend) => {
  let world: World;
  let paths: Paths;
  let manager: Client;
  let report: Client;
  const markers = {
    shared: `SHARED-${tag()}`,
    managerPersonal: `MANAGER-PERSONAL-${tag()}`,
    reportPersonal: `REPORT-PERSONAL-${tag()}`,
    agenda: `AGENDA-${tag()}`,
    action: `ACTION-${tag()}`,
  };
  const ids: Record<string, string[]> = {};
  let outsiders: { label: string; client: Client }[];
  const streams = new Map<Client, EventStream>();

  beforeAll(async () => {
    world = await makeWorld(backend);
    manager = world.a.as.manager;
    report = world.a.as.member;
    await setManager(world, report.actor.personId!, manager.actor.personId);
    const otherManager = await addAccount(world, 'a', 'manager', 'Other Manager');
    const otherMember = await addAccount(world, 'a', 'member', 'Other Member', {
      managerId: manager.actor.personId,
    });
    // the manager's manager, in the chain but not in the 1:1
    const skip = await addAccount(world, 'a', 'leader', 'Skip Level');
    await setManager(world, manager.actor.personId!, skip.personId);
    outsiders = [
      { label: 'owner A', client: world.a.as.owner },
      { label: 'leader A', client: world.a.as.leader },
      { label: 'skip-level leader A', client: skip },
      { label: 'other manager A', client: otherManager },
      { label: 'other member A (a report of the manager)', client: otherMember },
      ...(['owner', 'leader', 'manager', 'member'] as const).map((role) => ({
        label: `${role} B`,
        client: world.b.as[role],
      })),
    ];
    // everyone listens from before the 1:1 exists
    for (const client of [manager, report, ...outsiders.map((o) => o.client)])
      streams.set(client, await openEventStream(world.app, { authorization: `Bearer ${client.token}` }));

    const pair = await manager.post<OneOnOneDetail>('/api/one-on-ones', { reportId: report.actor.personId });
    const pairId = pair.body.id;
    const meetingId = pair.body.meetings[0]!.id;
    const base = `/api/one-on-ones/${pairId}`;
    const note = async (author: Client, body: string, visibility: 'shared' | 'private') =>
      (await author.post<{ id: string }>(`${base}/meetings/${meetingId}/notes`, { body, visibility })).body
        .id;
    const shared = await note(manager, `We agreed: ${markers.shared}`, 'shared');
    const managerPersonal = await note(manager, `Worried about ${markers.managerPersonal}`, 'private');
    const reportPersonal = await note(report, `Ask for ${markers.reportPersonal}`, 'private');
    const agenda = (
      await report.post<{ id: string }>(`${base}/meetings/${meetingId}/agenda-items`, {
        text: markers.agenda,
      })
    ).body.id;
    const action = (
      await manager.post<{ id: string }>(`${base}/action-items`, {
        text: markers.action,
        ownerId: report.actor.personId,
      })
    ).body.id;
    // a held meeting, so the notes also sit in the 1:1's history
    await manager.patch(`${base}/meetings/${meetingId}`, { status: 'held' });
    const next = (await manager.get<OneOnOneDetail>(base)).body.nextMeeting!.id; // the agenda item moved here
    const kudos = (
      await otherMember.post<{ id: string }>('/api/kudos', { toId: report.actor.personId, message: 'Thanks' })
    ).body.id;

    ids.id = [pairId, report.actor.personId!, manager.actor.personId!, kudos];
    ids.meetingId = [meetingId, next];
    ids.noteId = [shared, managerPersonal, reportPersonal];
    ids.itemId = [agenda, action];
    ids.person = [report.actor.personId!, manager.actor.personId!];

    paths = ((await world.anonymous.get('/api/openapi.json')).body as { paths: Paths }).paths;
  }, 120_000);
  afterAll(async () => {
    for (const stream of streams.values()) stream.close();
    await world.close();
  });

  /** A body that passes validation where it can: required fields filled by type, ids pointing at the fixture. */
  function sampleOf(schema: JsonSchema | undefined, name = ''): unknown {
    if (!schema) return {};
    const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
    if (variant) return sampleOf(variant, name);
    if (schema.enum) return schema.enum[0];
    const type = (Array.isArray(schema.type) ? schema.type[0] : schema.type) ?? 'unknown';
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, prop] of Object.entries(schema.properties ?? {}))
          if ((schema.required ?? []).includes(key) || key.endsWith('Id')) out[key] = sampleOf(prop, key);
        return out;
      }
      case 'array':
        return name.endsWith('Ids') ? [report.actor.personId] : [];
      case 'integer':
      case 'number':
        return Math.max(schema.minimum ?? 3, 3);
      case 'boolean':
        return false;
      case 'string':
        if (schema.pattern?.includes('\\d{4}')) return '2026-03-04';
        if (name.endsWith('Id')) return report.actor.personId;
        return 'probe text';
      default:
        return {};
    }
  }

  interface Call {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    body?: Record<string, unknown>;
  }

  function callsOf(includeWrites: boolean): Call[] {
    const calls: Call[] = [];
    for (const [path, ops] of Object.entries(paths)) {
      for (const method of METHODS) {
        const op = ops[method];
        if (!op) continue;
        const key = `${method.toUpperCase()} ${path}`;
        if (SKIP.has(key) || (method !== 'get') !== includeWrites) continue;
        // every combination of real ids for the path's parameters
        let urls = [path];
        for (const [, param] of path.matchAll(/\{([^}]+)\}/g)) {
          const candidates = ids[param!] ?? ['00000000-0000-4000-8000-000000000000'];
          urls = urls.flatMap((u) => candidates.map((c) => u.replace(`{${param}}`, c)));
        }
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        const variants = [''];
        for (const p of query) {
          if (p.name.endsWith('Id')) variants.push(...ids.person!.map((id) => `${p.name}=${id}`));
          if (p.name === 'includeInactive') variants.push('includeInactive=true');
          if (p.name === 'q') variants.push(...Object.values(markers).map((m) => `q=${m}`));
        }
        const body =
          method === 'get' || method === 'delete'
            ? undefined
            : (sampleOf(op.requestBody?.content?.['application/json']?.schema) as Record<string, unknown>);
        for (const url of urls)
          for (const v of variants)
            calls.push({
              method: method.toUpperCase() as Call['method'],
              url: v ? `${url}?${v}` : url,
              ...(body === undefined ? {} : { body }),
            });
      }
    }
    return calls;
  }

  async function sweep(client: Client, forbidden: readonly string[], includeWrites: boolean) {
    const leaks: string[] = [];
    const seen = new Set<string>();
    for (const call of callsOf(includeWrites)) {
      const res = await inject(world.app, {
        method: call.method,
        url: call.url,
        headers: { authorization: `Bearer ${client.token}` },
        ...(call.body === undefined ? {} : { payload: call.body }),
      });
      if (res.status >= 500) leaks.push(`${call.method} ${call.url} → ${res.status}`);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      for (const marker of Object.values(markers)) if (text.includes(marker)) seen.add(marker);
      for (const marker of forbidden)
        if (text.includes(marker)) leaks.push(`${call.method} ${call.url} shows ${marker}`);
      // a search for a marker must look exactly like a search for nothing
      const q = /[?&]q=([^&]+)/.exec(call.url)?.[1];
      if (call.method === 'GET' && q && Object.values(markers).includes(q)) {
        const control = await inject(world.app, {
          method: 'GET',
          url: call.url.replace(q, `NOWHERE-${q.length}`),
          headers: { authorization: `Bearer ${client.token}` },
        });
        if (JSON.stringify(control.body) !== JSON.stringify(res.body))
          leaks.push(`${call.url} answers a search for ${q} differently`);
      }
    }
    return { leaks, seen };
  }

  const all = () => Object.values(markers);

  it('covers the routes of the leader’s side', () => {
    const keys = Object.keys(paths);
    for (const p of [
      '/api/one-on-ones/{id}/meetings/{meetingId}',
      '/api/kudos',
      '/api/pulse/results',
      '/api/talent',
    ])
      expect(keys).toContain(p);
    expect(callsOf(false).length).toBeGreaterThan(50);
  });

  it('shows no marker to any other account of the organization or of another organization, reading every route', async () => {
    const leaks: string[] = [];
    for (const { label, client } of outsiders) {
      const result = await sweep(client, all(), false);
      leaks.push(...result.leaks.map((l) => `${label}: ${l}`));
    }
    expect(leaks).toEqual([]);
  }, 300_000);

  it("shows neither participant the other's personal note, on any route", async () => {
    const asReport = await sweep(report, [markers.managerPersonal], false);
    const asManager = await sweep(manager, [markers.reportPersonal], false);
    expect([...asReport.leaks, ...asManager.leaks]).toEqual([]);
    // the sweep does find what each may see
    expect([...asReport.seen].sort()).toEqual(
      [markers.action, markers.agenda, markers.reportPersonal, markers.shared].sort(),
    );
    expect([...asManager.seen].sort()).toEqual(
      [markers.action, markers.agenda, markers.managerPersonal, markers.shared].sort(),
    );
  }, 300_000);

  it('shows no marker in the answer to any write either, and the writes leave the 1:1 intact', async () => {
    const leaks: string[] = [];
    for (const { label, client } of outsiders) {
      const result = await sweep(client, all(), true);
      leaks.push(...result.leaks.map((l) => `${label}: ${l}`));
    }
    expect(leaks).toEqual([]);
    const [pairId] = ids.id!;
    const meeting = await report.get<MeetingDetail>(
      `/api/one-on-ones/${pairId}/meetings/${ids.meetingId![0]}`,
    );
    expect(JSON.stringify(meeting.body)).toContain(markers.shared);
    expect(JSON.stringify(meeting.body)).toContain(markers.reportPersonal);
  }, 300_000);

  it('shows no marker in any event stream, and tells nobody but the participants of the 1:1', async () => {
    // events arrive in order: once this change (everyone in A and B reads teams) has arrived, every
    // event of the fixture and the sweeps has too
    const sentinels = await Promise.all(
      (['a', 'b'] as const).map(
        async (org) =>
          (await world[org].as.owner.post<{ id: string }>('/api/teams', { name: `Sentinel ${tag()}` })).body
            .id,
      ),
    );
    for (const stream of streams.values())
      await stream.waitFor((e) => e.kind === 'team' && sentinels.includes(e.id), 10_000);
    const fixtureIds = new Set(Object.values(ids).flat());
    const leaks: string[] = [];
    for (const [client, stream] of streams) {
      const label = outsiders.find((o) => o.client === client)?.label ?? 'participant';
      const text = JSON.stringify(stream.messages);
      for (const marker of all()) if (text.includes(marker)) leaks.push(`${label}'s stream shows ${marker}`);
      if (client === manager || client === report) continue;
      for (const event of stream.changes())
        if (
          event.kind === 'one-on-one' ||
          (fixtureIds.has(event.id) && event.kind !== 'person' && event.kind !== 'kudos')
        )
          leaks.push(`${label} heard of ${event.kind} ${event.id}`);
    }
    expect(leaks).toEqual([]);
    // the participants do hear of their 1:1: the streams work
    const [pairId] = ids.id!;
    for (const participant of [manager, report])
      expect(streams.get(participant)!.changes()).toContainEqual({ kind: 'one-on-one', id: pairId });
  });

  it('lets no owner open a second account on a participant’s profile (it would read their 1:1s)', async () => {
    const res = await world.a.as.owner.post('/api/users', {
      email: `second-${tag().toLowerCase()}@a.test`,
      password: 'long-enough-password',
      role: 'member',
      personId: manager.actor.personId,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'body.personId' }] } } });
  });
});
