/**
 * The independent validator: checks a plan against every hard constraint of its input, reading the
 * PlanInput directly (it shares no code with the scheduler, so a scheduler bug cannot hide itself).
 */
import type { ActivityPlan, Calendar, PlanInput } from './types';

export type ViolationKind =
  | 'missing-activity'
  | 'unknown-activity'
  | 'duplicate-activity'
  | 'bad-time'
  | 'before-release'
  | 'wrong-finish'
  | 'precedence'
  | 'resource-capacity'
  | 'missing-person'
  | 'unknown-person'
  | 'unqualified-person'
  | 'person-overlap'
  | 'not-working'
  | 'pin';

export interface Violation {
  kind: ViolationKind;
  activities: string[];
  message: string;
}

function capacityAt(cal: Calendar | undefined, t: number): number {
  if (!cal) return 1;
  if (cal.daysOff?.includes(t)) return 0;
  if (cal.periods && t < cal.periods.length) return cal.periods[t]!;
  return cal.capacity ?? 1;
}

/** Finish of `work` started at `start` under a calendar, walking period by period. */
function calendarFinish(cal: Calendar | undefined, start: number, work: number): number {
  if (work <= 0) return start;
  let done = 0;
  let t = start;
  const limit = start + 1000 * (work + 1) + 100000;
  while (done < work - 1e-9) {
    done += capacityAt(cal, t);
    t++;
    if (t > limit) return Infinity;
  }
  return t;
}

export function validatePlan(input: PlanInput, plan: { activities: ActivityPlan[] }): Violation[] {
  const out: Violation[] = [];
  const byId = new Map<string, ActivityPlan>();
  for (const a of plan.activities) {
    if (byId.has(a.activity))
      out.push({
        kind: 'duplicate-activity',
        activities: [a.activity],
        message: `${a.activity} is planned twice.`,
      });
    byId.set(a.activity, a);
  }
  const inputIds = new Set(input.activities.map((a) => a.id));
  for (const a of plan.activities)
    if (!inputIds.has(a.activity))
      out.push({
        kind: 'unknown-activity',
        activities: [a.activity],
        message: `${a.activity} is not in the input.`,
      });
  const people = new Map((input.people ?? []).map((p) => [p.id, p]));
  const finishes = new Map<string, number>();

  for (const act of input.activities) {
    const p = byId.get(act.id);
    if (!p) {
      out.push({ kind: 'missing-activity', activities: [act.id], message: `${act.id} is not planned.` });
      continue;
    }
    if (!Number.isInteger(p.start) || p.start < 0 || !Number.isInteger(p.finish)) {
      out.push({ kind: 'bad-time', activities: [act.id], message: `${act.id} has a bad start or finish.` });
      continue;
    }
    if (p.start < (act.release ?? 0))
      out.push({
        kind: 'before-release',
        activities: [act.id],
        message: `${act.id} starts at ${p.start}, before its release ${act.release}.`,
      });
    const needsPerson = act.skill !== undefined || act.pin?.person !== undefined;
    let cal: Calendar | undefined;
    if (p.person !== undefined) {
      const who = people.get(p.person);
      if (!who)
        out.push({
          kind: 'unknown-person',
          activities: [act.id],
          message: `${act.id} is given to ${p.person}, who is not in the input.`,
        });
      else {
        cal = who.calendar;
        if (act.skill) {
          const level = who.skills[act.skill.skill];
          if (level === undefined || level < (act.skill.level ?? 0))
            out.push({
              kind: 'unqualified-person',
              activities: [act.id],
              message: `${p.person} lacks ${act.skill.skill} at level ${act.skill.level ?? 0} for ${act.id}.`,
            });
        }
        if (act.duration > 0 && capacityAt(cal, p.start) <= 0)
          out.push({
            kind: 'not-working',
            activities: [act.id],
            message: `${act.id} starts at ${p.start}, when ${p.person} is not working.`,
          });
      }
    } else if (needsPerson)
      out.push({
        kind: 'missing-person',
        activities: [act.id],
        message: `${act.id} needs a person and has none.`,
      });
    const expected = calendarFinish(cal, p.start, act.duration);
    if (p.finish !== expected)
      out.push({
        kind: 'wrong-finish',
        activities: [act.id],
        message: `${act.id} should finish at ${expected}, not ${p.finish}.`,
      });
    if (act.pin?.start !== undefined && p.start !== act.pin.start)
      out.push({
        kind: 'pin',
        activities: [act.id],
        message: `${act.id} is pinned to ${act.pin.start} but starts at ${p.start}.`,
      });
    if (act.pin?.person !== undefined && p.person !== act.pin.person)
      out.push({
        kind: 'pin',
        activities: [act.id],
        message: `${act.id} is pinned to ${act.pin.person} but given to ${p.person ?? 'nobody'}.`,
      });
    finishes.set(act.id, p.finish);
  }

  for (const act of input.activities) {
    const p = byId.get(act.id);
    if (!p) continue;
    for (const link of act.predecessors ?? []) {
      const pid = typeof link === 'string' ? link : link.activity;
      const lag = typeof link === 'string' ? 0 : (link.lag ?? 0);
      const f = finishes.get(pid);
      if (f !== undefined && p.start < f + lag)
        out.push({
          kind: 'precedence',
          activities: [pid, act.id],
          message: `${act.id} starts at ${p.start}, before ${pid} finishes at ${f}${lag ? ` plus a lag of ${lag}` : ''}.`,
        });
    }
  }

  // renewable resources: sweep the start and finish events of every resource
  for (const r of input.resources ?? []) {
    const events: [number, number, string][] = [];
    for (const act of input.activities) {
      const amount = act.demands?.[r.id] ?? 0;
      const p = byId.get(act.id);
      if (!p || amount <= 0 || p.finish <= p.start) continue;
      events.push([p.start, amount, act.id], [p.finish, -amount, act.id]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let level = 0;
    const running = new Set<string>();
    for (const [t, delta, id] of events) {
      level += delta;
      if (delta > 0) running.add(id);
      else running.delete(id);
      if (level > r.capacity) {
        out.push({
          kind: 'resource-capacity',
          activities: [...running],
          message: `${r.id} is over its capacity ${r.capacity} at period ${t} (${level} used).`,
        });
        break;
      }
    }
  }

  // people: one activity at a time
  const byPerson = new Map<string, ActivityPlan[]>();
  for (const act of input.activities) {
    const p = byId.get(act.id);
    if (!p || p.person === undefined || p.finish <= p.start) continue;
    const list = byPerson.get(p.person) ?? [];
    list.push(p);
    byPerson.set(p.person, list);
  }
  for (const [who, list] of byPerson) {
    list.sort((a, b) => a.start - b.start);
    let latest = list[0]!;
    for (let x = 1; x < list.length; x++) {
      const cur = list[x]!;
      if (cur.start < latest.finish)
        out.push({
          kind: 'person-overlap',
          activities: [latest.activity, cur.activity],
          message: `${who} would do ${latest.activity} and ${cur.activity} at the same time.`,
        });
      if (cur.finish > latest.finish) latest = cur;
    }
  }
  return out;
}
