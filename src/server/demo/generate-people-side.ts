/**
 * The demo organization's people side as plain data: values, kudos, growth plans with mentors and
 * milestones, 1:1s with their history (agendas, shared notes, action items; personal notes only in the
 * demo accounts' own 1:1s), talent reviews, twelve weeks of pulse, and self-assessment rounds with 360
 * answers. Pure and deterministic for a seed, like generate.ts, and dated relative to `today`.
 * Records refer to people by their index in `people`.
 */
import { prefillAgenda } from '../../core/one-on-one-agenda';
import { companyValues, skillNames } from './content';
import { dateOf, nextWorkday, previousWorkday } from './dates';
import {
  actionItemTemplates,
  agendaByManager,
  agendaByReport,
  aspirations,
  assessmentLeanings,
  helpingKudosMessages,
  kudosMessages,
  managerPrivateNotes,
  mentoringAgenda,
  mentoringNotes,
  milestoneTemplates,
  pulseComments,
  reportPrivateNotes,
  sharedNotes,
  talentNotes,
  valueDescriptions,
} from './people-side-content';
import type { Rng } from './random';

export interface DemoKudos {
  fromIndex: number;
  toIndex: number;
  message: string;
  valueIndex: number | null;
  helpedOthers: boolean;
  date: string;
}
export interface DemoGrowthPlan {
  personIndex: number;
  mentorIndex: number | null;
  aspiration: string;
  createdOn: string;
  milestones: { title: string; skillIndex: number | null; dueDate: string | null; doneOn: string | null }[];
}
export interface DemoAgendaItem {
  authorIndex: number | null;
  source: 'person' | 'context';
  text: string;
  isDiscussed: boolean;
}
export interface DemoMeeting {
  date: string;
  status: 'upcoming' | 'held';
  agenda: DemoAgendaItem[];
  sharedNotes: { authorIndex: number; body: string }[];
  privateNotes: { authorIndex: number; body: string }[];
}
export interface DemoOneOnOne {
  kind: 'manager' | 'mentor';
  managerIndex: number;
  reportIndex: number;
  cadenceDays: number;
  createdOn: string;
  meetings: DemoMeeting[];
  actionItems: {
    meetingIndex: number | null;
    ownerIndex: number;
    createdByIndex: number;
    text: string;
    dueDate: string | null;
    doneOn: string | null;
  }[];
}
export interface DemoTalentReview {
  personIndex: number;
  reviewerIndex: number;
  performance: number;
  potential: number;
  note: string;
  date: string;
}
export interface DemoPulseAnswer {
  personIndex: number;
  teamIndex: number | null;
  period: string;
  energy: number;
  workload: number;
  comment: string;
}
export interface DemoAssessment {
  personIndex: number;
  status: 'open' | 'closed';
  createdOn: string;
  closedOn: string | null;
  self: number[] | null;
  requests: {
    reviewerIndex: number;
    status: 'pending' | 'answered' | 'declined';
    answeredOn: string | null;
    ratings: number[] | null;
  }[];
}

export interface DemoPeopleSide {
  values: { name: string; description: string }[];
  kudos: DemoKudos[];
  growthPlans: DemoGrowthPlan[];
  oneOnOnes: DemoOneOnOne[];
  talentReviews: DemoTalentReview[];
  pulse: DemoPulseAnswer[];
  assessments: DemoAssessment[];
}

/** What the people side needs from the rest of the demo. */
export interface PeopleSideInput {
  t0: number;
  people: readonly {
    name: string;
    managerIndex: number | null;
    teamIndex: number | null;
    capacityHoursPerWeek: number;
    skills: readonly { skillIndex: number; level: number }[];
    growthGoals: readonly { skillIndex: number; targetLevel: number }[];
  }[];
  kinds: readonly ('owner' | 'lead' | 'manager' | 'member')[];
  /** Team names by team index (to tell Delivery from makers). */
  teamNames: readonly string[];
  projects: readonly { name: string; status: string }[];
  clients: readonly { name: string }[];
  tasks: readonly {
    title: string;
    assigneeIndex: number | null;
    status: string;
    deadline: string;
    estimateHours: number;
  }[];
  /** Person indexes of the sign-in accounts: owner, leader, manager, member. */
  accounts: readonly number[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function generatePeopleSide(rng: Rng, input: PeopleSideInput): DemoPeopleSide {
  const { t0, people, kinds } = input;
  const today = dateOf(t0);
  const n = people.length;
  const staff = people.map((_, i) => i).filter((i) => kinds[i] !== 'owner');
  const [, , managerAccount = -1, memberAccount = -1] = input.accounts;
  const accountSet = new Set(input.accounts);
  const activeProjects = input.projects.filter((p) => p.status === 'active').map((p) => p.name);
  const projectNames = activeProjects.length > 0 ? activeProjects : input.projects.map((p) => p.name);
  const skillOf = (p: number) => skillNames[people[p]!.skills[0]!.skillIndex]!;
  const fill = (template: string, p: number, skill?: string) =>
    template
      .replace(/\{project\}/g, () => rng.pick(projectNames).split(' — ').pop()!)
      .replace(/\{client\}/g, () => rng.pick(input.clients).name)
      .replace(/\{skill\}/g, () => skill ?? skillOf(p))
      .replace(/\{name\}/g, () => people[p]!.name.split(' ')[0]!);
  const level = (p: number, skill: number) =>
    people[p]!.skills.find((s) => s.skillIndex === skill)?.level ?? 0;

  // a few people who act as leaders without the title: senior makers who help, mentor and own goals
  const seniors = staff.filter((p) => kinds[p] === 'member' && people[p]!.skills[0]!.level >= 4);
  const naturalLeaders = new Set(rng.sample(seniors, Math.max(2, Math.round(n / 15))));

  // ------------------------------------------------------------------ values and kudos
  const values = companyValues.map((name) => ({ name, description: valueDescriptions[name] ?? '' }));
  const kudos: DemoKudos[] = [];
  const giveKudos = (from: number, to: number, date: string, forceValue?: number | null) => {
    const helping = naturalLeaders.has(to) ? rng.chance(0.6) : rng.chance(0.2);
    const valueIndex =
      forceValue !== undefined ? forceValue : rng.chance(0.7) ? rng.int(0, companyValues.length - 1) : null;
    const pool = helping
      ? helpingKudosMessages
      : kudosMessages[valueIndex === null ? 'none' : companyValues[valueIndex]!]!;
    const receiverSkill = skillNames[people[to]!.skills[0]!.skillIndex]!;
    kudos.push({
      fromIndex: from,
      toIndex: to,
      message: fill(rng.pick(pool), to, receiverSkill),
      valueIndex,
      helpedOthers: helping,
      date,
    });
  };
  const kudosCount = Math.max(20, Math.round(n * 2.2));
  const givenPairs = new Set<string>();
  for (let k = 0; k < kudosCount; k++) {
    const to = rng.chance(0.25) && naturalLeaders.size > 0 ? rng.pick([...naturalLeaders]) : rng.pick(staff);
    const team = people[to]!.teamIndex;
    const teammates = staff.filter((p) => p !== to && people[p]!.teamIndex === team);
    const from =
      teammates.length > 0 && rng.chance(0.6)
        ? rng.pick(teammates)
        : rng.pick(people.map((_, i) => i).filter((i) => i !== to));
    // the same thanks twice reads like a form letter: one kudos per giver and receiver
    if (givenPairs.has(`${from}>${to}`)) continue;
    givenPairs.add(`${from}>${to}`);
    // more recent kudos than old ones
    const daysAgo = Math.floor(89 * rng.next() ** 1.6);
    giveKudos(from, to, dateOf(previousWorkday(t0 - daysAgo)));
  }
  // the demo accounts have something to be proud of
  for (const [to, count] of [
    [memberAccount, 3],
    [managerAccount, 2],
  ] as const) {
    if (to < 0) continue;
    for (let k = 0; k < count; k++) {
      const from = rng.pick(staff.filter((p) => p !== to));
      giveKudos(from, to, dateOf(previousWorkday(t0 - rng.int(1, 25))), k === 0 ? 0 : undefined);
    }
  }
  kudos.sort((a, b) => a.date.localeCompare(b.date));

  // ------------------------------------------------------------------ growth plans
  const growthPlans: DemoGrowthPlan[] = [];
  const mentorOf = new Map<number, number>();
  for (const p of staff) {
    const person = people[p]!;
    if (person.growthGoals.length === 0) continue;
    if (!accountSet.has(p) && !rng.chance(0.7)) continue;
    const goal = person.growthGoals[0]!;
    const candidates = staff.filter(
      (q) =>
        q !== p && q !== person.managerIndex && level(q, goal.skillIndex) >= Math.max(4, goal.targetLevel),
    );
    let mentor: number | null = null;
    if (candidates.length > 0 && rng.chance(0.8)) {
      const weighted = candidates.map(
        (q) =>
          [q, (naturalLeaders.has(q) ? 4 : 1) * (people[q]!.teamIndex === person.teamIndex ? 2 : 1)] as const,
      );
      mentor = rng.weighted(weighted);
      mentorOf.set(p, mentor);
    }
    const skill = skillNames[goal.skillIndex]!;
    const createdOn = dateOf(t0 - rng.int(30, 120));
    const count = rng.int(1, 3);
    const templates = milestoneTemplates.slice(0, count + 1);
    growthPlans.push({
      personIndex: p,
      mentorIndex: mentor,
      aspiration: fill(rng.pick(aspirations), p, skill),
      createdOn,
      milestones: templates.slice(0, count).map((t, k) => {
        const due = nextWorkday(t0 + 14 + 28 * k + rng.int(0, 10));
        const isDone = k === 0 && rng.chance(0.6);
        return {
          title: fill(t, p, skill),
          skillIndex: goal.skillIndex,
          dueDate: dateOf(isDone ? t0 - rng.int(5, 25) : due),
          doneOn: isDone ? dateOf(t0 - rng.int(1, 20)) : null,
        };
      }),
    });
  }

  // ------------------------------------------------------------------ 1:1s
  const kudosOf = (p: number, since: string) => kudos.filter((k) => k.toIndex === p && k.date >= since);
  const contextAgenda = (p: number): DemoAgendaItem[] => {
    const mine = input.tasks.filter((t) => t.assigneeIndex === p && t.status !== 'done');
    return prefillAgenda({
      lateTasks: mine.filter((t) => t.deadline < today).sort((a, b) => a.deadline.localeCompare(b.deadline)),
      blockedTasks: mine.filter((t) => t.status === 'blocked'),
      workload: { plannedHours: 0, capacityHours: 0 },
      growthGoals: people[p]!.growthGoals.map((g) => ({
        skillName: skillNames[g.skillIndex]!,
        level: level(p, g.skillIndex),
        targetLevel: g.targetLevel,
      })),
      recentKudos: kudosOf(p, dateOf(t0 - 30)).map((k) => ({
        valueName: k.valueIndex === null ? null : companyValues[k.valueIndex]!,
      })),
    }).map((text) => ({ authorIndex: null, source: 'context', text, isDiscussed: false }));
  };

  const oneOnOnes: DemoOneOnOne[] = [];
  // one of the manager account's other reports has slipped off cadence: the demo shows what that looks like
  const lapsedReport = people.findLastIndex(
    (p, i) => p.managerIndex === managerAccount && i !== memberAccount,
  );
  const addPair = (kind: 'manager' | 'mentor', m: number, r: number) => {
    const isMentoring = kind === 'mentor';
    const isDemoPair = m === managerAccount && r === memberAccount;
    const cadenceDays = isMentoring
      ? 28
      : isDemoPair
        ? 14
        : rng.weighted([
            [7, 20],
            [14, 65],
            [28, 15],
          ] as const);
    const created = t0 - rng.int(isMentoring ? 40 : 70, isMentoring ? 90 : 120);
    // some pairs drifted: no 1:1 for a while (the missed cadence the manager sees)
    const lapsed = (!accountSet.has(m) && rng.chance(0.12)) || (m === managerAccount && r === lapsedReport);
    const stopAt = lapsed ? t0 - cadenceDays * rng.int(2, 3) : t0 - 1;
    const heldDates: number[] = [];
    for (let d = created + cadenceDays; d <= stopAt; d += cadenceDays) {
      const day = nextWorkday(d + rng.int(-1, 1));
      if (day <= stopAt && rng.chance(0.88)) heldDates.push(day);
    }
    const kept = heldDates.slice(-6);
    const skill = people[r]!.growthGoals[0] ? skillNames[people[r]!.growthGoals[0].skillIndex]! : skillOf(r);
    const meetings: DemoMeeting[] = kept.map((day, i) => {
      const agenda: DemoAgendaItem[] = [];
      const managerItems = isMentoring ? 0 : rng.int(1, 2);
      for (let k = 0; k < managerItems; k++)
        agenda.push({
          authorIndex: m,
          source: 'person',
          text: fill(rng.pick(agendaByManager), r, skill),
          isDiscussed: true,
        });
      const reportItems = isMentoring ? 1 : rng.int(0, 2);
      for (let k = 0; k < reportItems; k++)
        agenda.push({
          authorIndex: r,
          source: 'person',
          text: fill(rng.pick(isMentoring ? mentoringAgenda : agendaByReport), r, skill),
          isDiscussed: true,
        });
      const notes =
        rng.chance(0.85) || i === kept.length - 1
          ? [
              {
                authorIndex: rng.chance(0.7) ? m : r,
                body: fill(rng.pick(isMentoring ? mentoringNotes : sharedNotes), r, skill),
              },
            ]
          : [];
      const privateNotes: DemoMeeting['privateNotes'] = [];
      if (accountSet.has(m) && !isMentoring && rng.chance(0.5))
        privateNotes.push({ authorIndex: m, body: fill(rng.pick(managerPrivateNotes), r, skill) });
      if (accountSet.has(r) && i === kept.length - 1)
        privateNotes.push({ authorIndex: r, body: fill(rng.pick(reportPrivateNotes), r, skill) });
      return { date: dateOf(day), status: 'held', agenda, sharedNotes: notes, privateNotes };
    });
    const last = kept[kept.length - 1] ?? created;
    const upcomingAgenda = isMentoring ? [] : contextAgenda(r);
    if (rng.chance(0.6))
      upcomingAgenda.push({
        authorIndex: r,
        source: 'person',
        text: fill(rng.pick(agendaByReport), r, skill),
        isDiscussed: false,
      });
    if (rng.chance(0.4) && !isMentoring)
      upcomingAgenda.push({
        authorIndex: m,
        source: 'person',
        text: fill(rng.pick(agendaByManager), r, skill),
        isDiscussed: false,
      });
    meetings.push({
      date: dateOf(nextWorkday(Math.max(last + cadenceDays, lapsed ? last + cadenceDays : t0 - 2))),
      status: 'upcoming',
      agenda: upcomingAgenda,
      sharedNotes: [],
      privateNotes: [],
    });
    const actionItems: DemoOneOnOne['actionItems'] = [];
    if (!isMentoring)
      kept.forEach((day, i) => {
        if (!rng.chance(0.55) && !(accountSet.has(m) && i === kept.length - 1)) return;
        const [text, who] = rng.pick(actionItemTemplates);
        const isRecent = i >= kept.length - 2;
        const doneOn = !isRecent || rng.chance(0.3) ? dateOf(Math.min(t0, day + rng.int(2, 10))) : null;
        actionItems.push({
          meetingIndex: i,
          ownerIndex: who === 'manager' ? m : r,
          createdByIndex: rng.chance(0.6) ? m : r,
          text: fill(text, r, skill),
          dueDate: rng.chance(0.6) ? dateOf(nextWorkday(day + rng.int(5, 14))) : null,
          doneOn,
        });
      });
    oneOnOnes.push({
      kind,
      managerIndex: m,
      reportIndex: r,
      cadenceDays,
      createdOn: dateOf(created),
      meetings,
      actionItems,
    });
  };
  people.forEach((person, r) => {
    if (person.managerIndex !== null) addPair('manager', person.managerIndex, r);
  });
  for (const plan of growthPlans)
    if (plan.mentorIndex !== null && (rng.chance(0.45) || naturalLeaders.has(plan.mentorIndex)))
      addPair('mentor', plan.mentorIndex, plan.personIndex);

  // ------------------------------------------------------------------ talent reviews
  const talentReviews: DemoTalentReview[] = [];
  for (const p of staff) {
    const reviewer = people[p]!.managerIndex;
    if (reviewer === null) continue;
    const primary = people[p]!.skills[0]!.level;
    const performance = clamp(Math.round(1 + (primary - 1) / 2 + 0.6 * rng.normal()), 1, 3);
    const potential = naturalLeaders.has(p)
      ? 3
      : rng.weighted([
          [1, 20],
          [2, 55],
          [3, 25],
        ] as const);
    const noteFor = (perf: number) =>
      rng.chance(0.6)
        ? rng.pick(perf === 3 ? talentNotes.high : perf === 2 ? talentNotes.mid : talentNotes.low)
        : '';
    if (rng.chance(0.4)) {
      const before = {
        performance: clamp(performance + rng.int(-1, 0), 1, 3),
        potential: clamp(potential + rng.int(-1, 0), 1, 3),
      };
      talentReviews.push({
        personIndex: p,
        reviewerIndex: reviewer,
        ...before,
        note: noteFor(before.performance),
        date: dateOf(previousWorkday(t0 - rng.int(150, 200))),
      });
    }
    talentReviews.push({
      personIndex: p,
      reviewerIndex: reviewer,
      performance,
      potential,
      note: noteFor(performance),
      date: dateOf(previousWorkday(t0 - rng.int(10, 45))),
    });
  }

  // ------------------------------------------------------------------ pulse: twelve closed weeks and the running one
  const load = people.map(() => 0);
  for (const t of input.tasks)
    if (t.assigneeIndex !== null && t.status !== 'done') load[t.assigneeIndex]! += t.estimateHours;
  const monday = t0 - ((((t0 + 4) % 7) + 6) % 7); // day 0 (1970-01-01) was a Thursday
  const baseEnergy = people.map(() => clamp(3.5 + 0.6 * rng.normal(), 2, 4.8));
  const pulse: DemoPulseAnswer[] = [];
  for (let w = 12; w >= 0; w--) {
    const period = dateOf(monday - 7 * w);
    // a dip five weeks ago (a hard launch), visible in the trends
    const dip = w === 5 ? -0.7 : w === 4 ? -0.3 : 0;
    for (let p = 0; p < n; p++) {
      if (w === 0 && (accountSet.has(p) || !rng.chance(0.45))) continue;
      if (w > 0 && !rng.chance(0.9)) continue;
      const weeks = load[p]! / Math.max(8, people[p]!.capacityHoursPerWeek);
      const workload = clamp(Math.round(2.4 + weeks / 3 + 0.6 * rng.normal() - dip), 1, 5);
      const energy = clamp(
        Math.round(baseEnergy[p]! + dip - (workload >= 4 ? 0.5 : 0) + 0.7 * rng.normal()),
        1,
        5,
      );
      const comment = rng.chance(0.22)
        ? fill(rng.pick(energy <= 2 || workload >= 4 ? pulseComments.low : pulseComments.ok), p)
        : '';
      pulse.push({ personIndex: p, teamIndex: people[p]!.teamIndex, period, energy, workload, comment });
    }
  }

  // ------------------------------------------------------------------ self-assessments and 360
  const leaningOf = (p: number): readonly number[] => {
    const kind = kinds[p]!;
    if (kind === 'owner' || kind === 'lead') return assessmentLeanings.lead;
    if (kind === 'manager') return assessmentLeanings.manager;
    const team = people[p]!.teamIndex;
    return team !== null && input.teamNames[team] === 'Delivery'
      ? assessmentLeanings.delivery
      : assessmentLeanings.maker;
  };
  const rate = (p: number, spread: number) =>
    leaningOf(p).map((v) => clamp(Math.round(v + spread * rng.normal()), 1, 5));
  const colleaguesOf = (p: number, count: number) => {
    const team = people[p]!.teamIndex;
    const near = staff.filter(
      (q) => q !== p && (people[q]!.teamIndex === team || q === people[p]!.managerIndex),
    );
    const far = staff.filter((q) => q !== p && !near.includes(q));
    return [...rng.sample(near, count), ...rng.sample(far, count)].slice(0, count);
  };
  const assessments: DemoAssessment[] = [];
  const closedRound = (p: number, answered: number) => {
    const closed = t0 - rng.int(100, 160);
    const reviewers = colleaguesOf(p, answered + rng.int(0, 1));
    assessments.push({
      personIndex: p,
      status: 'closed',
      createdOn: dateOf(closed - 21),
      closedOn: dateOf(closed),
      self: rate(p, 0.6),
      requests: reviewers.map((q, i) =>
        i < answered
          ? {
              reviewerIndex: q,
              status: 'answered',
              answeredOn: dateOf(closed - rng.int(1, 18)),
              ratings: rate(p, 0.8),
            }
          : { reviewerIndex: q, status: 'declined', answeredOn: null, ratings: null },
      ),
    });
  };
  for (const p of staff) if (!accountSet.has(p) && rng.chance(0.2)) closedRound(p, rng.int(3, 5));
  if (memberAccount >= 0) closedRound(memberAccount, 4);
  if (managerAccount >= 0) {
    // an open round: two colleagues answered, two (the member account among them) still to answer
    const reviewers = [...new Set([memberAccount, ...colleaguesOf(managerAccount, 4)])]
      .filter((q) => q >= 0 && q !== managerAccount)
      .slice(0, 4);
    assessments.push({
      personIndex: managerAccount,
      status: 'open',
      createdOn: dateOf(t0 - 6),
      closedOn: null,
      self: rate(managerAccount, 0.5),
      requests: reviewers.map((q, i) =>
        q === memberAccount || i >= 2
          ? { reviewerIndex: q, status: 'pending', answeredOn: null, ratings: null }
          : {
              reviewerIndex: q,
              status: 'answered',
              answeredOn: dateOf(t0 - rng.int(1, 4)),
              ratings: rate(managerAccount, 0.8),
            },
      ),
    });
  }

  return { values, kudos, growthPlans, oneOnOnes, talentReviews, pulse, assessments };
}
