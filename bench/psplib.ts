/**
 * PSPLIB benchmark: plans every single-mode `.sm` instance in a folder and compares the makespan with
 * a reference table and with the critical-path bound of each instance.
 *
 *   npx tsx bench/psplib.ts --dir DIR --ref FILE [--schedules N] [--time-ms T] [--seed S] [--out CSV]
 *
 * Files in DIR that are not instances (result tables) are skipped. Every plan is checked by the
 * independent validator; "feasible" counts plans with no violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  makespanBounds,
  parsePsplib,
  parsePsplibResults,
  plan,
  psplibKey,
  validatePlan,
} from '../src/engine/index';
import { listFiles, mean, numberArg, parseArgs, writeCsv } from './common';

const args = parseArgs(process.argv.slice(2), ['dir', 'ref', 'schedules', 'time-ms', 'seed', 'out']);
const dir = args.dir;
if (!dir) throw new Error('--dir DIR is required');
const refFile = args.ref;
const schedules = numberArg(args, 'schedules');
const timeMs = numberArg(args, 'time-ms');
const seed = numberArg(args, 'seed') ?? 1;
const budget = schedules ?? (timeMs === undefined ? 5000 : undefined);
const reference = refFile
  ? parsePsplibResults(fs.readFileSync(refFile, 'latin1'))
  : new Map<string, number>();

const rows: (string | number)[][] = [];
const devRef: number[] = [];
const devCpm: number[] = [];
const times: number[] = [];
const used: number[] = [];
let instances = 0;
let feasible = 0;
for (const file of listFiles(dir, '.sm')) {
  if (refFile && path.resolve(file) === path.resolve(refFile)) continue;
  let inst;
  try {
    inst = parsePsplib(fs.readFileSync(file, 'latin1'));
  } catch {
    continue; // a result table or another non-instance file
  }
  instances++;
  const name = path.basename(file, '.sm');
  const bounds = makespanBounds(inst.input);
  const t0 = performance.now();
  const result = plan(inst.input, { seed, maxSchedules: budget, timeLimitMs: timeMs });
  const ms = performance.now() - t0;
  const violations = result.activities.length > 0 ? validatePlan(inst.input, result) : [{ kind: 'none' }];
  const ok = violations.length === 0 && result.status !== 'infeasible';
  if (ok) feasible++;
  const cpm = bounds?.criticalPath ?? NaN;
  const key = psplibKey(name, inst.jobs - 2);
  const ref = key ? reference.get(key) : undefined;
  const mk = result.makespan;
  if (ok && ref !== undefined) devRef.push(((mk - ref) / ref) * 100);
  if (ok) devCpm.push(((mk - cpm) / cpm) * 100);
  times.push(ms);
  used.push(result.schedules);
  rows.push([name, ok ? 'yes' : 'no', mk, ref ?? '', cpm, result.status, result.schedules, ms.toFixed(1)]);
  process.stderr.write(
    `${name} makespan=${mk} ref=${ref ?? '-'} cpm=${cpm} ${result.status} schedules=${result.schedules} ms=${ms.toFixed(0)}\n`,
  );
}
if (args.out)
  writeCsv(
    args.out,
    ['instance', 'feasible', 'makespan', 'reference', 'cpm_bound', 'status', 'schedules', 'ms'],
    rows,
  );
const schedulesLabel = budget !== undefined ? String(budget) : String(Math.round(mean(used)));
console.log(
  `psplib ${path.basename(path.resolve(dir))}: instances=${instances} feasible=${feasible} ` +
    `mean_dev_ref_pct=${mean(devRef).toFixed(3)} mean_dev_cpm_pct=${mean(devCpm).toFixed(2)} ` +
    `schedules=${schedulesLabel} mean_ms=${Math.round(mean(times))}`,
);
