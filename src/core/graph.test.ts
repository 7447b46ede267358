import { describe, expect, it } from 'vitest';
import { cycleIfSet, findCycle } from './graph';

describe('findCycle', () => {
  it('finds no cycle in a DAG', () => {
    expect(
      findCycle(
        new Map([
          ['c', ['b']],
          ['b', ['a']],
          ['a', []],
        ]),
      ),
    ).toBeNull();
  });
  it('names the tasks of a cycle', () => {
    const cycle = findCycle(
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
      ]),
    );
    expect(cycle).not.toBeNull();
    expect(new Set(cycle)).toEqual(new Set(['a', 'b', 'c']));
    expect(cycle![0]).toBe(cycle![cycle!.length - 1]);
  });
  it('handles long chains without overflowing the stack', () => {
    const edges = new Map<string, string[]>();
    for (let i = 1; i < 100_000; i++) edges.set(`t${i}`, [`t${i - 1}`]);
    expect(findCycle(edges)).toBeNull();
    edges.set('t0', ['t99999']);
    expect(findCycle(edges)).not.toBeNull();
  });
});

describe('cycleIfSet', () => {
  it('rejects a task depending on itself', () => {
    expect(cycleIfSet(new Map(), 'a', ['a'])).toEqual(['a', 'a']);
  });
  it('rejects closing a loop and accepts a new branch', () => {
    const existing = new Map([
      ['b', ['a']],
      ['c', ['b']],
    ]);
    expect(cycleIfSet(existing, 'a', ['c'])).not.toBeNull();
    expect(cycleIfSet(existing, 'd', ['c', 'a'])).toBeNull();
  });
});
