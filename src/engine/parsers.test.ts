import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError, parsePsplib, parsePsplibResults, psplibKey } from './psplib';
import { parseImopse } from './imopse';
import { makespanBounds, plan, validatePlan } from './index';

const fixture = (name: string): string =>
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'latin1');

describe('PSPLIB parser', () => {
  it('reads jobs, durations, demands, successors and capacities of j301_1', () => {
    const inst = parsePsplib(fixture('j301_1.sm'));
    expect(inst.jobs).toBe(32);
    expect(inst.horizon).toBe(158);
    expect(inst.mpmTime).toBe(38);
    expect(inst.capacities).toEqual([12, 13, 4, 12]);
    expect(inst.durations.slice(0, 4)).toEqual([0, 8, 4, 6]);
    expect(inst.demands[1]).toEqual([4, 0, 0, 0]);
    expect(inst.successors[0]).toEqual([2, 3, 4]);
    expect(inst.successors[31]).toEqual([]);
    expect(inst.input.activities).toHaveLength(32);
    expect(inst.input.activities[4]!.predecessors).toEqual(['4']);
    expect(inst.input.resources).toEqual([
      { id: 'R1', capacity: 12 },
      { id: 'R2', capacity: 13 },
      { id: 'R3', capacity: 4 },
      { id: 'R4', capacity: 12 },
    ]);
  });

  it('computes the critical-path bound printed in the file (MPM-Time)', () => {
    for (const name of ['j301_1.sm', 'j3010_1.sm']) {
      const inst = parsePsplib(fixture(name));
      expect(makespanBounds(inst.input)!.criticalPath).toBe(inst.mpmTime);
    }
  });

  it('reads result tables by their numeric columns (j30opt, j60hrs)', () => {
    const opt = parsePsplibResults(fixture('j30opt.sm'));
    expect(opt.size).toBe(480);
    expect(opt.get('1_1')).toBe(43);
    expect(opt.get('10_1')).toBeGreaterThan(0);
    const hrs = parsePsplibResults(fixture('j60hrs-excerpt.sm'));
    expect(hrs.get('1_1')).toBe(77);
    expect(hrs.get('1_8')).toBe(75);
  });

  it('maps file names to result keys by the PSPLIB naming rule', () => {
    expect(psplibKey('j301_1', 30)).toBe('1_1');
    expect(psplibKey('j3010_1', 30)).toBe('10_1');
    expect(psplibKey('j6048_10', 60)).toBe('48_10');
    expect(psplibKey('j1201_1', 120)).toBe('1_1');
    expect(psplibKey('other', 30)).toBeNull();
  });

  it('rejects a result table as an instance with a ParseError', () => {
    expect(() => parsePsplib(fixture('j30opt.sm'))).toThrow(ParseError);
  });

  it('plans j301_1 to its proven optimum 43 with a plan the validator accepts', () => {
    const inst = parsePsplib(fixture('j301_1.sm'));
    const result = plan(inst.input, { seed: 1, maxSchedules: 5000 });
    expect(validatePlan(inst.input, result)).toEqual([]);
    expect(result.makespan).toBe(43);
  });
});

describe('iMOPSE parser', () => {
  it('reads the 100-task instance: resources with skills and salaries, tasks with skill and predecessors', () => {
    const inst = parseImopse(fixture('100_10_26_15.def'));
    expect(inst.tasks).toHaveLength(100);
    expect(inst.resources).toHaveLength(10);
    expect(inst.resources[1]).toEqual({
      id: 2,
      salary: 33.8,
      skills: { Q4: 0, Q2: 1, Q6: 1, Q0: 1, Q3: 1, Q1: 0 },
    });
    expect(inst.tasks[0]).toEqual({ id: 1, duration: 10, skill: 'Q14', level: 0, predecessors: [] });
    expect(inst.tasks[11]).toEqual({ id: 12, duration: 30, skill: 'Q13', level: 2, predecessors: [6] });
    const arcs = inst.tasks.reduce((s, t) => s + t.predecessors.length, 0);
    expect(arcs).toBe(26);
  });

  it('gives lower bounds at least as strong as the derived ones (lb_max 232 for 100_10_26_15)', () => {
    const inst = parseImopse(fixture('100_10_26_15.def'));
    const b = makespanBounds(inst.input)!;
    expect(b.criticalPath).toBe(103);
    expect(b.best).toBeGreaterThanOrEqual(232);
  });

  it('keeps task ids with gaps and links predecessors by id, not by position', () => {
    const inst = parseImopse(fixture('gapped-synthetic.def'));
    expect(inst.tasks.map((t) => t.id)).toEqual([1, 2, 5, 9]);
    expect(inst.input.activities.map((a) => a.id)).toEqual(['1', '2', '5', '9']);
    expect(inst.input.activities[2]!.predecessors).toEqual(['1', '2']);
    expect(inst.input.activities[3]!.predecessors).toEqual(['5']);
    const result = plan(inst.input, { seed: 3, maxSchedules: 200 });
    expect(validatePlan(inst.input, result)).toEqual([]);
    // 1 (3, person 1) and 2 (4, person 2) in parallel, then 5 (2), then 9 (5, only person 1)
    expect(result.makespan).toBe(11);
    expect(result.status).toBe('optimal');
  });

  it('rejects a predecessor id that is not listed', () => {
    const text = fixture('gapped-synthetic.def').replace(
      '5\t \t \t2\t Q1: 0\t \t1\t2',
      '5\t \t \t2\t Q1: 0\t \t1\t7',
    );
    expect(() => parseImopse(text)).toThrow(/task 7/);
  });

  it('plans the 100-task instance with a valid plan above the lower bound', () => {
    const inst = parseImopse(fixture('100_10_26_15.def'));
    const result = plan(inst.input, { seed: 1, maxSchedules: 600 });
    expect(validatePlan(inst.input, result)).toEqual([]);
    expect(result.makespan).toBeGreaterThanOrEqual(232);
    expect(result.activities.every((a) => a.person !== undefined)).toBe(true);
  });
});
