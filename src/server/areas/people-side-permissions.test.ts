/**
 * One test per cell of the people-side permission table (src/core/people-permissions.ts, rendered in
 * docs/people-permissions.md), on SQLite and PostgreSQL. Each row is about one person, S; each column
 * is a person around S. A cell's test checks both halves: whether that person can read the record
 * (as the row's `read` says) and whether they can write it (as its `write` says).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  audienceLabel,
  audiences,
  peopleRecords,
  type Audience,
  type PeopleRecordKey,
} from '../../core/people-permissions';
import { assessmentSkills } from '../../core/people-side';
import type { MeetingDetail, OneOnOneDetail } from '../../core/schemas/people-side';
import { addAccount, setManager } from '../../test/accounts';
import { describeBackends } from '../../test/backends';
import { makeWorld, type Client, type Response, type World } from '../../test/world';

interface Probe {
  read(client: Client): Promise<boolean>;
  write(client: Client): Promise<boolean>;
}

/** 2xx: it worked; 403 / 404: refused; anything else means the probe itself is wrong. */
function worked(res: Response, what: string): boolean {
  if (res.status === 200 || res.status === 201) return true;
  if (res.status === 403 || res.status === 404) return false;
  throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

const pattern = (values: readonly number[]) =>
  Object.fromEntries(assessmentSkills.map((s, i) => [s, values[i % values.length]!]));
/** The JSON text of a ratings object, to search responses for one person's exact answers. */
const ratingsText = (ratings: Record<string, number>) => JSON.stringify(ratings).slice(1, -1);

let unique = 0;
const next = (label: string) => `${label}-${++unique}-${Math.random().toString(36).slice(2, 8)}`;

describeBackends('people-side permission table', (backend) => {
  let world: World;
  const who = {} as Record<Audience, Client>;
  let S: Client;
  let sId: string;
  const ids = {} as Record<
    | 'pair'
    | 'meeting'
    | 'agenda'
    | 'action'
    | 'shared'
    | 'managerNote'
    | 'reportNote'
    | 'kudos'
    | 'value'
    | 'milestone'
    | 'peerRequest',
    string
  >;
  let selfPattern: Record<string, number>;
  let pulseComment: string;
  const peerPattern = pattern([5, 1, 5, 1, 4, 2, 4, 2]);

  beforeAll(async () => {
    world = await makeWorld(backend);
    S = world.a.as.member;
    sId = S.actor.personId!;
    const M = world.a.as.manager;
    const K = await addAccount(world, 'a', 'manager', 'Skip Level');
    await setManager(world, sId, M.actor.personId);
    await setManager(world, M.actor.personId!, K.personId);
    const T = await addAccount(world, 'a', 'member', 'Mentor');
    const X = await addAccount(world, 'a', 'manager', 'Other Manager');
    const P = await addAccount(world, 'a', 'member', 'Peer');
    const R = await addAccount(world, 'a', 'member', 'Report of S', { managerId: sId });
    Object.assign(who, {
      self: S,
      manager: M,
      skipLevel: K,
      mentor: T,
      owner: world.a.as.owner,
      leader: world.a.as.leader,
      otherManager: X,
      peer: P,
      report: R,
      otherOrg: world.b.as.owner,
    });

    // the 1:1 of S and M, with one of everything
    const pair = await M.post<OneOnOneDetail>('/api/one-on-ones', { reportId: sId });
    ids.pair = pair.body.id;
    ids.meeting = pair.body.meetings[0]!.id;
    const base = `/api/one-on-ones/${ids.pair}`;
    ids.agenda = (
      await M.post<{ id: string }>(`${base}/meetings/${ids.meeting}/agenda-items`, { text: 'Agenda' })
    ).body.id;
    ids.action = (
      await M.post<{ id: string }>(`${base}/action-items`, { text: 'Act', ownerId: sId })
    ).body.id;
    const note = (body: string, visibility: string, author: Client) =>
      author.post<{ id: string }>(`${base}/meetings/${ids.meeting}/notes`, { body, visibility });
    ids.shared = (await note('Shared note', 'shared', M)).body.id;
    ids.managerNote = (await note('Manager private note', 'private', M)).body.id;
    ids.reportNote = (await note('Report private note', 'private', S)).body.id;

    ids.value = (await world.a.as.owner.post<{ id: string }>('/api/values', { name: 'Care' })).body.id;
    ids.kudos = (
      await M.post<{ id: string }>('/api/kudos', { toId: sId, message: 'Thanks', valueId: ids.value })
    ).body.id;

    // growth plan of S with T as mentor; S mentors P, and was thanked for helping: emerging-leader signals
    await S.put(`/api/people/${sId}/growth-plan`, { aspiration: 'Grow', mentorId: T.actor.personId });
    ids.milestone = (
      await S.post<{ id: string }>(`/api/people/${sId}/growth-plan/milestones`, { title: 'First' })
    ).body.id;
    await P.put(`/api/people/${P.actor.personId}/growth-plan`, { mentorId: sId });
    await P.post('/api/kudos', { toId: sId, message: 'Helped me ship', helpedOthers: true });
    // T, S's mentor, reports to X and was thanked for helping too: an emerging leader X reviews, whose
    // mentoring signal is S's plan
    await setManager(world, T.actor.personId!, X.actor.personId);
    await P.post('/api/kudos', { toId: T.actor.personId, message: 'Helped me too', helpedOthers: true });
    await M.post(`/api/people/${sId}/talent`, { performance: 2, potential: 3 });

    pulseComment = next('pulse');
    await S.put('/api/pulse/me', { energy: 4, workload: 3, comment: pulseComment });

    // a closed 360 round (P and two more answered), then the open round S works in today
    world.clock.set('2025-10-01T09:00:00.000Z');
    const others = [
      await addAccount(world, 'a', 'member', 'Peer 2'),
      await addAccount(world, 'a', 'member', 'Peer 3'),
    ];
    await S.put('/api/assessments/me/self', { ratings: pattern([3]) });
    await S.post('/api/assessments/me/requests', {
      reviewerIds: [P, ...others].map((c) => c.actor.personId),
    });
    for (const [i, reviewer] of [P, ...others].entries()) {
      const req = (await reviewer.get<{ items: { id: string }[] }>('/api/assessment-requests')).body
        .items[0]!;
      await reviewer.post(`/api/assessment-requests/${req.id}/answer`, {
        ratings: i === 0 ? peerPattern : pattern([3, 3, 2]),
      });
    }
    await S.post('/api/assessments/me/close');
    world.clock.set('2026-03-02T09:00:00.000Z');
    selfPattern = pattern([1, 2, 3, 4, 5, 4, 3, 2]);
    await S.put('/api/assessments/me/self', { ratings: selfPattern });
    await S.post('/api/assessments/me/requests', { reviewerIds: [P.actor.personId] });
    const open = (await P.get<{ items: { id: string; status: string }[] }>('/api/assessment-requests')).body
      .items;
    ids.peerRequest = open.find((r) => r.status === 'pending')!.id;
  }, 120_000);
  afterAll(async () => world.close());

  const meeting = (c: Client) => c.get<MeetingDetail>(`/api/one-on-ones/${ids.pair}/meetings/${ids.meeting}`);
  const pairOf = (c: Client) => c.get<OneOnOneDetail>(`/api/one-on-ones/${ids.pair}`);

  const probes: Record<PeopleRecordKey, Probe> = {
    oneOnOne: {
      read: async (c) => (await pairOf(c)).status === 200,
      write: async (c) =>
        worked(
          await c.patch(`/api/one-on-ones/${ids.pair}/meetings/${ids.meeting}`, { date: '2026-03-02' }),
          'reschedule',
        ),
    },
    agenda: {
      read: async (c) => {
        const res = await meeting(c);
        return res.status === 200 && res.body.agenda.some((a) => a.id === ids.agenda);
      },
      write: async (c) =>
        worked(
          await c.post(`/api/one-on-ones/${ids.pair}/meetings/${ids.meeting}/agenda-items`, {
            text: next('agenda'),
          }),
          'add agenda item',
        ),
    },
    actionItems: {
      read: async (c) => {
        const res = await pairOf(c);
        return res.status === 200 && res.body.actionItems.some((a) => a.id === ids.action);
      },
      write: async (c) =>
        worked(
          await c.post(`/api/one-on-ones/${ids.pair}/action-items`, { text: next('action'), ownerId: sId }),
          'add action item',
        ),
    },
    sharedNotes: {
      read: async (c) => {
        const res = await meeting(c);
        return res.status === 200 && res.body.sharedNotes.some((n) => n.id === ids.shared);
      },
      write: async (c) =>
        worked(
          await c.post(`/api/one-on-ones/${ids.pair}/meetings/${ids.meeting}/notes`, {
            body: next('shared'),
            visibility: 'shared',
          }),
          'add shared note',
        ),
    },
    managerPersonalNote: {
      read: async (c) => {
        const res = await meeting(c);
        return res.status === 200 && res.body.privateNotes.some((n) => n.id === ids.managerNote);
      },
      write: async (c) =>
        worked(
          await c.patch(`/api/one-on-ones/${ids.pair}/notes/${ids.managerNote}`, {
            body: 'Manager private note',
          }),
          'edit note',
        ),
    },
    reportPersonalNote: {
      read: async (c) => {
        const res = await meeting(c);
        return res.status === 200 && res.body.privateNotes.some((n) => n.id === ids.reportNote);
      },
      write: async (c) =>
        worked(
          await c.patch(`/api/one-on-ones/${ids.pair}/notes/${ids.reportNote}`, {
            body: 'Report private note',
          }),
          'edit note',
        ),
    },
    kudos: {
      read: async (c) => {
        const feed = await c.get<{ items: { id: string }[] }>(`/api/kudos?personId=${sId}&limit=500`);
        const rec = await c.get(`/api/people/${sId}/recognition`);
        return feed.body.items.some((k) => k.id === ids.kudos) && rec.status === 200;
      },
      write: async (c) => {
        const to = c === S ? world.a.as.manager.actor.personId : sId;
        const res = await c.post('/api/kudos', { toId: to, message: next('kudos') });
        // someone of another organization names a person they cannot see: 400 on body.toId, i.e. refused
        if (res.status === 400) return false;
        return worked(res, 'give kudos');
      },
    },
    values: {
      read: async (c) => {
        const res = await c.get<{ items: { id: string }[] }>('/api/values');
        return res.status === 200 && res.body.items.some((v) => v.id === ids.value);
      },
      write: async (c) => {
        const name = next('value');
        await c.post('/api/values', { name });
        // written means: it is now one of S's organization's values
        const values = await S.get<{ items: { name: string }[] }>('/api/values');
        return values.body.items.some((v) => v.name === name);
      },
    },
    growthPlan: {
      read: async (c) => (await c.get(`/api/people/${sId}/growth-plan`)).status === 200,
      write: async (c) =>
        worked(await c.put(`/api/people/${sId}/growth-plan`, { aspiration: 'Grow' }), 'edit plan'),
    },
    milestones: {
      read: async (c) => {
        const res = await c.get<{ milestones: { id: string }[] }>(`/api/people/${sId}/growth-plan`);
        return res.status === 200 && res.body.milestones.some((m) => m.id === ids.milestone);
      },
      write: async (c) =>
        worked(
          await c.post(`/api/people/${sId}/growth-plan/milestones`, { title: next('milestone') }),
          'add milestone',
        ),
    },
    talentReview: {
      read: async (c) => {
        const history = await c.get(`/api/people/${sId}/talent`);
        const grid = await c.get<{ people: { personId: string }[] }>('/api/talent');
        const inGrid = grid.status === 200 && grid.body.people.some((p) => p.personId === sId);
        if ((history.status === 200) !== inGrid) throw new Error('the history and the grid disagree');
        return history.status === 200;
      },
      write: async (c) =>
        worked(await c.post(`/api/people/${sId}/talent`, { performance: 2, potential: 2 }), 'place in 9-box'),
    },
    emergingLeaders: {
      read: async (c) => {
        const res = await c.get<{ items: { personId: string; signals: { kind: string }[] }[] }>(
          '/api/talent/emerging-leaders',
        );
        return res.status === 200 && res.body.items.some((i) => i.personId === sId && i.signals.length >= 2);
      },
      write: async () => false,
    },
    menteeInMentorSignal: {
      read: async (c) => {
        type Leaders = { items: { personId: string; signals: { kind: string; examples: string[] }[] }[] };
        const res = await c.get<Leaders>('/api/talent/emerging-leaders');
        const mentoring = res.body.items
          ?.find((i) => i.personId === who.mentor.actor.personId)
          ?.signals.find((s) => s.kind === 'mentoring');
        const sName = (await S.get<{ name: string }>(`/api/people/${sId}`)).body.name;
        return res.status === 200 && (mentoring?.examples.includes(sName) ?? false);
      },
      write: async () => false,
    },
    pulseAnswer: {
      read: async (c) => {
        const texts = [await c.get('/api/pulse/me'), await c.get('/api/pulse/results')].map((r) =>
          JSON.stringify(r.body),
        );
        return texts.some((t) => t.includes(pulseComment));
      },
      write: async (c) => {
        const comment = next('pulse');
        await c.put('/api/pulse/me', { energy: 3, workload: 3, comment });
        const mine = await S.get<{ current: { comment: string } | null }>('/api/pulse/me');
        const changed = mine.body.current?.comment === comment;
        if (changed) pulseComment = comment;
        return changed;
      },
    },
    pulseResults: {
      read: async (c) => {
        const res = await c.get<{ organization: unknown[] }>('/api/pulse/results');
        if (res.status !== 200) return false;
        // another organization gets its own (empty) results, never S's organization's
        return c.actor.orgId === S.actor.orgId;
      },
      write: async () => false,
    },
    selfAssessment: {
      read: async (c) =>
        JSON.stringify((await c.get('/api/assessments/me')).body).includes(ratingsText(selfPattern)),
      write: async (c) => {
        // a pattern no one else has written: the counter in base 5
        const n = ++unique;
        const ratings = pattern(Array.from({ length: 8 }, (_, i) => (Math.floor(n / 5 ** i) % 5) + 1));
        await c.put('/api/assessments/me/self', { ratings });
        const mine = JSON.stringify((await S.get('/api/assessments/me')).body);
        const changed = mine.includes(ratingsText(ratings));
        if (changed) selfPattern = ratings;
        return changed;
      },
    },
    peerAnswers: {
      read: async (c) => {
        const routes = [
          '/api/assessments/me',
          '/api/assessment-requests',
          `/api/people/${sId}`,
          '/api/talent',
        ];
        for (const route of routes)
          if (JSON.stringify((await c.get(route)).body).includes(ratingsText(peerPattern))) return true;
        return false;
      },
      write: async (c) =>
        worked(
          await c.post(`/api/assessment-requests/${ids.peerRequest}/answer`, { ratings: peerPattern }),
          'answer 360',
        ),
    },
    peerSummary: {
      read: async (c) => {
        const res = await c.get<{ past: { peers: { respondents: number } | null }[] }>('/api/assessments/me');
        return res.body.past.some((r) => r.peers?.respondents === 3);
      },
      write: async () => false,
    },
  };

  for (const record of peopleRecords) {
    for (const audience of audiences) {
      const access = record.access[audience];
      const expected = { read: access.includes('r'), write: access.includes('w') };
      it(`${record.key} × ${audienceLabel[audience]}: ${access === '-' ? 'no access' : access}`, async () => {
        const client = who[audience];
        const probe = probes[record.key];
        const read = await probe.read(client);
        const write = await probe.write(client);
        expect({ read, write }).toEqual(expected);
      });
    }
  }
});
