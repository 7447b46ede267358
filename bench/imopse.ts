/**
 * iMOPSE MS-RCPSP benchmark: plans every `.def` instance in a folder under a time budget and reports
 * the gap to the largest lower bound the engine computes (critical path; total work / people; the
 * work only a group of qualified people can do, which includes every skill-and-level group).
 *
 *   npx tsx bench/imopse.ts --dir DIR [--time-ms T] [--seed S] [--out CSV]
 *
 * When the folder holds PEER-imopse-library.csv, the per-instance comparison with it goes to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makespanBounds, parseImopse, plan, validatePlan } from '../src/engine/index';
import { listFiles, mean, numberArg, parseArgs, writeCsv } from './common';

const args = parseArgs(process.argv.slice(2), ['dir', 'time-ms', 'seed', 'out', 'schedules']);
const dir = args.dir;
if (!dir) throw new Error('--dir DIR is required');
const timeMs = numberArg(args, 'time-ms') ?? 1000;
const schedules = numberArg(args, 'schedules');
const seed = numberArg(args, 'seed') ?? 1;

const peer = new Map<string, number>();
const peerFile = path.join(dir, 'PEER-imopse-library.csv');
if (fs.existsSync(peerFile)) {
  const [head, ...lines] = fs.readFileSync(peerFile, 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  const at = cols.indexOf('best_makespan_any_method');
  for (const line of lines) {
    const cells = line.split(',');
    if (at >= 0) peer.set(cells[0]!, Number(cells[at]));
  }
}

const rows: (string | number)[][] = [];
const gaps: number[] = [];
const times: number[] = [];
let instances = 0;
let feasible = 0;
let worseThanPeer = 0;
for (const file of listFiles(dir, '.def')) {
  const name = path.basename(file, '.def');
  const inst = parseImopse(fs.readFileSync(file, 'latin1'));
  instances++;
  const bounds = makespanBounds(inst.input);
  const lb = bounds?.best ?? NaN;
  const t0 = performance.now();
  const result = plan(
    { ...inst.input, objectives: ['makespan'] },
    { seed, timeLimitMs: timeMs, maxSchedules: schedules },
  );
  const ms = performance.now() - t0;
  const ok = result.activities.length > 0 && validatePlan(inst.input, result).length === 0;
  if (ok) feasible++;
  const salary = new Map(inst.resources.map((r) => [String(r.id), r.salary]));
  const duration = new Map(inst.tasks.map((t) => [String(t.id), t.duration]));
  let cost = 0;
  for (const a of result.activities)
    cost += (salary.get(a.person ?? '') ?? 0) * (duration.get(a.activity) ?? 0);
  const gap = ((result.makespan - lb) / lb) * 100;
  if (ok) gaps.push(gap);
  times.push(ms);
  const best = peer.get(name);
  if (best !== undefined && result.makespan > best) worseThanPeer++;
  rows.push([
    name,
    ok ? 'yes' : 'no',
    result.makespan,
    cost.toFixed(1),
    lb,
    gap.toFixed(2),
    best ?? '',
    result.status,
    result.schedules,
    ms.toFixed(0),
  ]);
  process.stderr.write(
    `${name} makespan=${result.makespan} cost=${cost.toFixed(1)} lb=${lb} gap=${gap.toFixed(2)}% peer_best=${best ?? '-'} schedules=${result.schedules} ms=${ms.toFixed(0)}\n`,
  );
}
if (args.out)
  writeCsv(
    args.out,
    [
      'instance',
      'feasible',
      'makespan',
      'cost',
      'lower_bound',
      'gap_pct',
      'peer_best',
      'status',
      'schedules',
      'ms',
    ],
    rows,
  );
if (peer.size > 0) process.stderr.write(`instances worse than the peer library's best: ${worseThanPeer}\n`);
console.log(
  `imopse ${path.basename(path.resolve(dir))}: instances=${instances} feasible=${feasible} ` +
    `mean_gap_lb_pct=${mean(gaps).toFixed(2)} mean_ms=${Math.round(mean(times))}`,
);
