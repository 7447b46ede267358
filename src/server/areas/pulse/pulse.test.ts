import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PulseResults } from '../../../core/schemas/people-side';
import { addAccount } from '../../../test/accounts';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type Client, type World } from '../../../test/world';

describeBackends('pulse API', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  /** A team with `n` people who answer in the week of 2026-03-02; the results are read the next week. */
  async function teamAnswering(
    name: string,
    n: number,
  ): Promise<{ teamId: string; people: Client[]; comments: string[] }> {
    const team = await world.a.as.owner.post<{ id: string }>('/api/teams', { name });
    const people: Client[] = [];
    const comments: string[] = [];
    for (let i = 0; i < n; i++) {
      const who = await addAccount(world, 'a', 'member', `${name} ${i}`, { teamId: team.body.id });
      const comment = `${name}-comment-${i}-${Math.random().toString(36).slice(2)}`;
      comments.push(comment);
      const res = await who.put('/api/pulse/me', { energy: (i % 5) + 1, workload: 3, comment });
      expect(res.status).toBe(200);
      people.push(who);
    }
    return { teamId: team.body.id, people, comments };
  }

  const nextWeek = async <T>(read: () => Promise<T>): Promise<T> => {
    world.clock.set('2026-03-10T09:00:00.000Z');
    try {
      return await read();
    } finally {
      world.clock.set('2026-03-02T09:00:00.000Z');
    }
  };

  it('keeps a person’s answer to themself and lets them change it during the week', async () => {
    const who = await addAccount(world, 'a', 'member', 'Solo');
    await who.put('/api/pulse/me', { energy: 2, workload: 5, comment: 'swamped' });
    const again = await who.put('/api/pulse/me', { energy: 3, workload: 4 });
    expect(again.body).toMatchObject({
      period: '2026-03-02',
      closesOn: '2026-03-08',
      current: { energy: 3, workload: 4, comment: '' },
    });
    const other = await world.a.as.owner.get('/api/pulse/me');
    expect(other.body).toMatchObject({ current: null, recent: [] });
  });

  it('answers 400 with the field for a score outside 1–5', async () => {
    const res = await world.a.as.member.put('/api/pulse/me', { energy: 6, workload: 3 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'body.energy' }] } } });
  });

  it('shows nothing for a group of 4, and only aggregates for a group of 5', async () => {
    // isolate the organization: a fresh world with exactly these answers
    const iso = await makeWorld(backend);
    const saved = world;
    world = iso;
    try {
      const four = await teamAnswering('Four', 4);
      const beforeWeekEnds = await world.a.as.leader.get<PulseResults>('/api/pulse/results');
      expect(beforeWeekEnds.body.organization.every((p) => p.result === null)).toBe(true);

      const hidden = await nextWeek(() => world.a.as.leader.get<PulseResults>('/api/pulse/results'));
      expect(hidden.status).toBe(200);
      expect(hidden.body.periods.at(-1)).toBe('2026-03-02');
      expect(hidden.body.organization.at(-1)).toEqual({ period: '2026-03-02', result: null });
      expect(hidden.body.groups).toEqual([]);
      expect(hidden.body.comments).toBeNull();
      const hiddenText = JSON.stringify(hidden.body);
      for (const c of four.comments) expect(hiddenText).not.toContain(c);
      for (const p of four.people) expect(hiddenText).not.toContain(p.actor.personId!);

      // a fifth person answers the same week
      const fifth = await addAccount(world, 'a', 'member', 'Four 4', { teamId: four.teamId });
      await fifth.put('/api/pulse/me', { energy: 5, workload: 4, comment: 'fifth-comment' });
      const shown = await nextWeek(() => world.a.as.member.get<PulseResults>('/api/pulse/results'));
      const week = shown.body.organization.at(-1)!;
      expect(week.result).toEqual({
        respondents: 5,
        energy: 3,
        workload: 3.2,
        overloadedShare: 0.2,
        lowEnergyShare: 0.4,
      });
      expect(shown.body.groups).toEqual([
        {
          teamId: four.teamId,
          name: 'Four',
          series: shown.body.periods.map((period) => ({
            period,
            result: period === '2026-03-02' ? week.result : null,
            mergedTeamNames: [],
          })),
        },
      ]);
      // only aggregates: no person, no individual comment for a member
      const text = JSON.stringify(shown.body);
      for (const p of [...four.people, fifth]) expect(text).not.toContain(p.actor.personId!);
      for (const c of [...four.comments, 'fifth-comment']) expect(text).not.toContain(c);
      expect(shown.body.comments).toBeNull();
      // owners and leaders read the comments, unattributed and alphabetical
      const leader = await nextWeek(() => world.a.as.leader.get<PulseResults>('/api/pulse/results'));
      expect(leader.body.comments).toEqual({
        period: '2026-03-02',
        items: [...four.comments, 'fifth-comment'].sort((a, b) => a.localeCompare(b)),
      });
    } finally {
      world = saved;
      await iso.close();
    }
  });

  it('never shows another organization’s pulse', async () => {
    const res = await nextWeek(() => world.b.as.owner.get<PulseResults>('/api/pulse/results'));
    expect(res.body.organization.every((p) => p.result === null)).toBe(true);
  });
});
