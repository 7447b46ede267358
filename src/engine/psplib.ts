/**
 * PSPLIB single-mode RCPSP files (`.sm`, Kolisch & Sprecher 1996) and their result tables
 * (`j30opt.sm`, `j60hrs.sm`, `j60lb.sm`). String in, model out: the caller reads the files (result
 * tables as Latin-1; only their numeric columns are used).
 */
import type { Activity, PlanInput } from './types';

export interface PsplibInstance {
  /** Jobs including the dummy source and sink. */
  jobs: number;
  horizon: number;
  /** Critical-path length printed in the file (MPM-Time), when present. */
  mpmTime: number | null;
  capacities: number[];
  durations: number[];
  demands: number[][];
  successors: number[][];
  /** The same instance as engine input: activities "1".."jobs", resources "R1".."Rk". */
  input: PlanInput;
}

export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
  }
}

function ints(line: string): number[] {
  return line
    .trim()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map(Number);
}

function field(lines: string[], label: RegExp): number | null {
  for (const line of lines) {
    const m = label.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

export function parsePsplib(text: string): PsplibInstance {
  const lines = text.split(/\r?\n/);
  const jobs = field(lines, /^jobs \(incl\. supersource\/sink \)\s*:\s*(\d+)/);
  const renewable = field(lines, /^\s*- renewable\s*:\s*(\d+)/);
  const horizon = field(lines, /^horizon\s*:\s*(\d+)/) ?? 0;
  if (jobs === null || renewable === null)
    throw new ParseError('Not a PSPLIB .sm instance: the jobs or renewable resources line is missing.');
  const section = (title: string): number => {
    const at = lines.findIndex((l) => l.startsWith(title));
    if (at < 0) throw new ParseError(`Not a PSPLIB .sm instance: no ${title} section.`);
    return at;
  };
  let mpmTime: number | null = null;
  const info = lines.findIndex((l) => l.startsWith('PROJECT INFORMATION'));
  if (info >= 0) {
    const row = ints(lines[info + 2] ?? '');
    if (row.length >= 6 && row.every(Number.isFinite)) mpmTime = row[5]!;
  }
  const successors: number[][] = Array.from({ length: jobs }, () => []);
  let at = section('PRECEDENCE RELATIONS') + 2;
  for (let x = 0; x < jobs; x++, at++) {
    const row = ints(lines[at] ?? '');
    const [job, modes, count] = row;
    if (
      job !== x + 1 ||
      count === undefined ||
      row.length < 3 + count ||
      row.some((v) => !Number.isInteger(v))
    )
      throw new ParseError(`Bad precedence row for job ${x + 1}: "${lines[at] ?? ''}".`);
    if (modes !== 1)
      throw new ParseError(`Job ${job} has ${modes} modes; only single-mode files are supported.`);
    successors[x] = row.slice(3, 3 + count);
  }
  const durations: number[] = [];
  const demands: number[][] = [];
  at = section('REQUESTS/DURATIONS') + 3;
  for (let x = 0; x < jobs; x++, at++) {
    const row = ints(lines[at] ?? '');
    if (row[0] !== x + 1 || row.length < 3 + renewable || row.some((v) => !Number.isInteger(v)))
      throw new ParseError(`Bad duration row for job ${x + 1}: "${lines[at] ?? ''}".`);
    durations.push(row[2]!);
    demands.push(row.slice(3, 3 + renewable));
  }
  at = section('RESOURCEAVAILABILITIES') + 2;
  const capacities = ints(lines[at] ?? '').slice(0, renewable);
  if (capacities.length !== renewable || capacities.some((v) => !Number.isInteger(v)))
    throw new ParseError(`Bad resource availability row: "${lines[at] ?? ''}".`);

  const preds: string[][] = Array.from({ length: jobs }, () => []);
  successors.forEach((list, i) => {
    for (const s of list) {
      if (s < 1 || s > jobs) throw new ParseError(`Job ${i + 1} has an unknown successor ${s}.`);
      preds[s - 1]!.push(String(i + 1));
    }
  });
  const resources = capacities.map((capacity, k) => ({ id: `R${k + 1}`, capacity }));
  const activities: Activity[] = durations.map((duration, i) => {
    const d: Record<string, number> = {};
    demands[i]!.forEach((amount, k) => {
      if (amount > 0) d[`R${k + 1}`] = amount;
    });
    return { id: String(i + 1), duration, predecessors: preds[i]!, demands: d };
  });
  return {
    jobs,
    horizon,
    mpmTime,
    capacities,
    durations,
    demands,
    successors,
    input: { activities, resources, objectives: ['makespan'] },
  };
}

/**
 * A PSPLIB result table: every row that starts with three whole numbers is
 * (parameter, instance, makespan or upper bound). Keys are "parameter_instance".
 */
export function parsePsplibResults(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)(?:\s|$)/.exec(line);
    if (m) out.set(`${Number(m[1])}_${Number(m[2])}`, Number(m[3]));
  }
  return out;
}

/**
 * The result-table key of an instance file name, using the PSPLIB naming rule
 * `<letters><jobs without dummies><parameter>_<instance>` (j3010_1 with 30 jobs -> "10_1").
 */
export function psplibKey(stem: string, realJobs: number): string | null {
  const m = /^([A-Za-z]*)(\d+)_(\d+)$/.exec(stem);
  if (!m) return null;
  const digits = m[2]!;
  const size = String(realJobs);
  if (digits.startsWith(size) && digits.length > size.length)
    return `${Number(digits.slice(size.length))}_${Number(m[3])}`;
  return null;
}
