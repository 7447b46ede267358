import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { recordKinds, type LiveEvent } from '../../core/live';
import { keysOfEvent, keysOfEvents } from './live-keys';
import { sideKeys } from './people-side-queries';
import { planningKeys } from './planning-queries';
import { keys } from './queries';

/** Which of `cached` keys an event makes stale, as TanStack Query matches prefixes. */
function staleAfter(event: LiveEvent, cached: readonly (readonly unknown[])[]): string[] {
  const client = new QueryClient();
  for (const key of cached) client.setQueryData(key, 1);
  for (const queryKey of keysOfEvent(event)) void client.invalidateQueries({ queryKey, refetchType: 'none' });
  return client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => JSON.stringify(q.queryKey));
}

const id = 'r1';
const board = keys.tasks({ projectId: 'p1' });
const cached = [
  board,
  keys.task('t1'),
  keys.project('p1'),
  keys.projects(),
  planningKeys.schedule('p1'),
  planningKeys.workload({ weeks: 8 }),
  keys.home,
  keys.strategy,
  keys.goal('g1'),
  keys.people(),
  keys.person('x'),
  keys.teams,
  keys.skills,
  sideKeys.oneOnOnes(false),
  sideKeys.oneOnOne(id),
  sideKeys.oneOnOne('another'),
  sideKeys.meeting(id, 'm1'),
  sideKeys.meeting('another', 'm2'),
  sideKeys.kudos(),
  sideKeys.talent,
  planningKeys.run(id),
  planningKeys.run('another'),
  planningKeys.runs,
  planningKeys.proposals(id, { show: 'changes' }),
  planningKeys.groups(id, 'project'),
  planningKeys.proposals('another', { show: 'changes' }),
];
const str = (key: readonly unknown[]) => JSON.stringify(key);

describe('what a live event makes stale', () => {
  it('refreshes a project’s board, its timeline and the roll-up when a task changes', () => {
    const stale = staleAfter({ kind: 'task', id: 't1', projectId: 'p1' }, cached);
    for (const key of [
      board,
      keys.task('t1'),
      keys.project('p1'),
      planningKeys.schedule('p1'),
      keys.home,
      keys.strategy,
    ])
      expect(stale).toContain(str(key));
    expect(stale).not.toContain(str(sideKeys.oneOnOne(id)));
    expect(stale).not.toContain(str(planningKeys.run(id)));
  });

  it('refreshes one 1:1 and the list of 1:1s, not the others or anything else', () => {
    const stale = staleAfter({ kind: 'one-on-one', id }, cached);
    expect(stale.sort()).toEqual(
      [sideKeys.oneOnOnes(false), sideKeys.oneOnOne(id), sideKeys.meeting(id, 'm1')].map(str).sort(),
    );
  });

  it('follows one plan run: the run, the list of runs, its proposal and groups', () => {
    const stale = staleAfter({ kind: 'plan-run', id }, cached);
    expect(stale.sort()).toEqual(
      [
        planningKeys.run(id),
        planningKeys.runs,
        planningKeys.proposals(id, { show: 'changes' }),
        planningKeys.groups(id, 'project'),
      ]
        .map(str)
        .sort(),
    );
  });

  it('refreshes people and the schedule when a person changes, and the catalogues for teams and skills', () => {
    const person = staleAfter({ kind: 'person', id: 'x' }, cached);
    expect(person).toEqual(
      expect.arrayContaining([keys.people(), keys.person('x'), planningKeys.workload({ weeks: 8 })].map(str)),
    );
    const team = staleAfter({ kind: 'team', id: 't' }, cached);
    expect(team).toEqual(expect.arrayContaining([keys.teams, keys.people()].map(str)));
    expect(team).not.toContain(str(board));
  });

  it('makes something stale for every kind, and never the private reads of the leader’s side', () => {
    for (const kind of recordKinds) {
      const stale = staleAfter({ kind, id }, cached);
      expect(stale.length, kind).toBeGreaterThan(0);
      expect(stale, kind).not.toContain(str(sideKeys.talent));
    }
  });

  it('lists each prefix once for several events', () => {
    const both = keysOfEvents([
      { kind: 'task', id: 'a' },
      { kind: 'task', id: 'b' },
    ]);
    expect(both.length).toBe(new Set(both.map(str)).size);
    expect(both).toEqual(keysOfEvent({ kind: 'task', id: 'a' }));
  });
});
