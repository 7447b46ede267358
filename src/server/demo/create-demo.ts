/**
 * Creates a generated demo organization (generate.ts) in the database, in one transaction, with one
 * sign-in account per role. Each account gets a fresh random password, returned once and stored only
 * as a hash. Sign-in e-mail addresses are unique across the installation: the organization's domain
 * (`<slug>.example`) gets a number when another organization already uses it.
 */
import type { Role } from '../../core/roles';
import type { Deps } from '../deps';
import { isoNow, today } from '../providers/clock';
import { newId, newSecret } from '../providers/ids';
import { assessmentSkills } from '../../core/people-side';
import { generateDemo, type DemoData } from './generate';
import { demoTables, insertDemoRows, isEmailDomainInUse, type DemoRows, type DemoTable } from './repo';

export interface DemoSignIn {
  role: Role;
  email: string;
  password: string;
  name: string;
}

export interface CreatedDemo {
  orgId: string;
  organizationName: string;
  signIns: DemoSignIn[];
  /** Rows written, per table. */
  counts: Record<DemoTable, number>;
}

export interface CreateDemoOptions {
  people: number;
  tasks: number;
  seed: number;
}

/**
 * 16 letters and digits (about 95 random bits): easy to copy from a terminal, and never starts with a
 * dash that a shell command would take for a flag. Dropping '-' and '_' from uniformly random base64url
 * characters leaves uniformly random alphanumerics.
 */
export function newDemoPassword(): string {
  let password = '';
  while (password.length < 16) password += newSecret(24).replace(/[-_]/g, '');
  return password.slice(0, 16);
}

export async function createDemoOrganization(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  options: CreateDemoOptions,
): Promise<CreatedDemo> {
  const data = generateDemo({ ...options, today: today(deps.clock) });
  const passwords = data.accounts.map(() => newDemoPassword());
  const hashes = await Promise.all(passwords.map((password) => deps.passwords.hash(password)));
  const now = isoNow(deps.clock);

  return deps.db.transaction().execute(async (trx) => {
    let suffix = 1;
    const domainFor = (n: number) => `${data.organization.slug}${n === 1 ? '' : `-${n}`}.example`;
    while (await isEmailDomainInUse(trx, domainFor(suffix))) suffix++;
    const organizationName = suffix === 1 ? data.organization.name : `${data.organization.name} (${suffix})`;
    const { rows, orgId } = toRows(data, { domain: domainFor(suffix), organizationName, hashes, now });
    await insertDemoRows(trx, rows);
    const counts = Object.fromEntries(demoTables.map((table) => [table, rows[table].length])) as Record<
      DemoTable,
      number
    >;
    const signIns = data.accounts.map((account, i) => {
      const person = rows.people[account.personIndex]!;
      return { role: account.role, email: person.email!, password: passwords[i]!, name: person.name };
    });
    return { orgId, organizationName, signIns, counts };
  });
}

function toRows(
  data: DemoData,
  options: { domain: string; organizationName: string; hashes: string[]; now: string },
): { rows: DemoRows; orgId: string } {
  const { now } = options;
  const org_id = newId();
  const ids = (list: readonly unknown[]) => list.map(() => newId());
  const skillIds = ids(data.skills);
  const teamIds = ids(data.teams);
  const personIds = ids(data.people);
  const clientIds = ids(data.clients);
  const pillarIds = ids(data.pillars);
  const goalIds = ids(data.goals);
  const projectIds = ids(data.projects);
  const taskIds = ids(data.tasks);
  const at = (list: readonly string[], index: number | null) => (index === null ? null : list[index]!);
  // a date's record is stamped that morning, never later than now
  const stamp = (date: string, time = '09:00:00.000') => {
    const iso = `${date}T${time}Z`;
    return iso < now ? iso : now;
  };
  const emailOf = (local: string) => `${local}@${options.domain}`;

  const rows: DemoRows = {
    organizations: [
      {
        id: org_id,
        name: options.organizationName,
        vision: data.organization.vision,
        vision_horizon: data.organization.visionHorizon,
        holiday_region: data.organization.holidayRegion,
        created_at: now,
      },
    ],
    skills: data.skills.map((name, i) => ({ id: skillIds[i]!, org_id, name })),
    teams: data.teams.map((team, i) => ({
      id: teamIds[i]!,
      org_id,
      name: team.name,
      lead_id: personIds[team.leadIndex]!,
    })),
    people: data.people.map((person, i) => ({
      id: personIds[i]!,
      org_id,
      name: person.name,
      email: emailOf(person.emailLocal),
      title: person.title,
      manager_id: at(personIds, person.managerIndex),
      team_id: at(teamIds, person.teamIndex),
      capacity_hours_per_week: person.capacityHoursPerWeek,
      cost_rate: person.costRate,
      bill_rate: person.billRate,
      passions: JSON.stringify(person.passions),
      person_values: JSON.stringify(person.values),
      holiday_region: person.holidayRegion,
      created_at: now,
      updated_at: now,
    })),
    users: data.accounts.map((account, i) => ({
      id: newId(),
      org_id,
      person_id: personIds[account.personIndex]!,
      email: emailOf(data.people[account.personIndex]!.emailLocal),
      password_hash: options.hashes[i]!,
      role: account.role,
      created_at: now,
    })),
    person_skills: data.people.flatMap((person, i) =>
      person.skills.map((s) => ({
        org_id,
        person_id: personIds[i]!,
        skill_id: skillIds[s.skillIndex]!,
        level: s.level,
      })),
    ),
    growth_goals: data.people.flatMap((person, i) =>
      person.growthGoals.map((g) => ({
        org_id,
        person_id: personIds[i]!,
        skill_id: skillIds[g.skillIndex]!,
        target_level: g.targetLevel,
      })),
    ),
    time_off: data.people.flatMap((person, i) =>
      person.timeOff.map((t) => ({
        id: newId(),
        org_id,
        person_id: personIds[i]!,
        start_date: t.startDate,
        end_date: t.endDate,
        reason: t.reason,
      })),
    ),
    clients: data.clients.map((client, i) => ({
      id: clientIds[i]!,
      org_id,
      name: client.name,
      owner_id: personIds[client.ownerIndex]!,
    })),
    pillars: data.pillars.map((pillar, i) => ({
      id: pillarIds[i]!,
      org_id,
      name: pillar.name,
      description: pillar.description,
      position: i,
    })),
    goals: data.goals.map((goal, i) => ({
      id: goalIds[i]!,
      org_id,
      pillar_id: at(pillarIds, goal.pillarIndex),
      parent_id: at(goalIds, goal.parentIndex),
      kind: goal.kind,
      title: goal.title,
      description: goal.description,
      owner_id: personIds[goal.ownerIndex]!,
      horizon: goal.horizon,
      is_stretch: goal.isStretch ? 1 : 0,
      status: goal.status,
      metric_start: goal.metricStart,
      metric_target: goal.metricTarget,
      metric_current: goal.metricCurrent,
      metric_unit: goal.metricUnit,
      progress_source: goal.progressSource,
      due_date: goal.dueDate,
      created_at: stamp(goal.createdOn),
      updated_at: now,
    })),
    check_ins: data.checkIns.map((checkIn) => ({
      id: newId(),
      org_id,
      goal_id: goalIds[checkIn.goalIndex]!,
      value: checkIn.value,
      confidence: checkIn.confidence,
      comment: checkIn.comment,
      date: checkIn.date,
      author_id: personIds[checkIn.authorIndex]!,
      created_at: stamp(checkIn.date, '10:00:00.000'),
    })),
    projects: data.projects.map((project, i) => ({
      id: projectIds[i]!,
      org_id,
      name: project.name,
      description: project.description,
      client_id: at(clientIds, project.clientIndex),
      manager_id: personIds[project.managerIndex]!,
      start_date: project.startDate,
      deadline: project.deadline,
      budget_hours: project.budgetHours,
      budget_money: project.budgetMoney,
      status: project.status,
      created_at: stamp(project.createdOn),
      updated_at: now,
    })),
    project_goals: data.projects.flatMap((project, i) =>
      project.goalIndexes.map((g) => ({ org_id, project_id: projectIds[i]!, goal_id: goalIds[g]! })),
    ),
    tasks: data.tasks.map((task, i) => ({
      id: taskIds[i]!,
      org_id,
      project_id: at(projectIds, task.projectIndex),
      goal_id: at(goalIds, task.goalIndex),
      title: task.title,
      description: task.description,
      estimate_hours: task.estimateHours,
      skill_id: skillIds[task.skillIndex]!,
      min_level: task.minLevel,
      deadline: task.deadline,
      assignee_id: at(personIds, task.assigneeIndex),
      status: task.status,
      planned_start: task.plannedStart,
      planned_end: task.plannedEnd,
      position: task.position,
      created_at: stamp(task.createdOn),
      updated_at: now,
    })),
    task_dependencies: data.tasks.flatMap((task, i) =>
      task.dependsOn.map((d) => ({ org_id, task_id: taskIds[i]!, depends_on_id: taskIds[d]! })),
    ),
    time_entries: data.timeEntries.map((entry) => ({
      id: newId(),
      org_id,
      task_id: taskIds[entry.taskIndex]!,
      person_id: personIds[entry.personIndex]!,
      date: entry.date,
      hours: entry.hours,
      note: entry.note,
      created_at: stamp(entry.date, '17:30:00.000'),
    })),
    ...peopleSideRows(data, { org_id, personIds, skillIds, teamIds, stamp, now }),
  };
  return { rows, orgId: org_id };
}

type PeopleSideTable =
  | 'org_values'
  | 'kudos'
  | 'growth_plans'
  | 'growth_milestones'
  | 'one_on_ones'
  | 'one_on_one_meetings'
  | 'one_on_one_agenda_items'
  | 'one_on_one_action_items'
  | 'one_on_one_shared_notes'
  | 'one_on_one_private_notes'
  | 'talent_reviews'
  | 'pulse_responses'
  | 'assessments'
  | 'assessment_requests'
  | 'assessment_ratings';

function peopleSideRows(
  data: DemoData,
  ctx: {
    org_id: string;
    personIds: string[];
    skillIds: string[];
    teamIds: string[];
    stamp: (date: string, time?: string) => string;
    now: string;
  },
): Pick<DemoRows, PeopleSideTable> {
  const { org_id, personIds, stamp } = ctx;
  const side = data.peopleSide;
  const person = (index: number) => personIds[index]!;
  const valueIds = side.values.map(() => newId());
  const rows: Pick<DemoRows, PeopleSideTable> = {
    org_values: side.values.map((v, i) => ({
      id: valueIds[i]!,
      org_id,
      name: v.name,
      description: v.description,
      position: i,
      created_at: ctx.now,
    })),
    kudos: side.kudos.map((k, i) => ({
      id: newId(),
      org_id,
      from_id: person(k.fromIndex),
      to_id: person(k.toIndex),
      message: k.message,
      value_id: k.valueIndex === null ? null : valueIds[k.valueIndex]!,
      helped_others: k.helpedOthers ? 1 : 0,
      created_at: stamp(
        k.date,
        `${String(9 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00.000`,
      ),
    })),
    growth_plans: side.growthPlans.map((g) => ({
      person_id: person(g.personIndex),
      org_id,
      mentor_id: g.mentorIndex === null ? null : person(g.mentorIndex),
      aspiration: g.aspiration,
      created_at: stamp(g.createdOn),
      updated_at: stamp(g.createdOn),
    })),
    growth_milestones: side.growthPlans.flatMap((g) =>
      g.milestones.map((m) => ({
        id: newId(),
        org_id,
        person_id: person(g.personIndex),
        skill_id: m.skillIndex === null ? null : ctx.skillIds[m.skillIndex]!,
        title: m.title,
        due_date: m.dueDate,
        done_at: m.doneOn === null ? null : stamp(m.doneOn, '16:00:00.000'),
        created_at: stamp(g.createdOn),
      })),
    ),
    one_on_ones: [],
    one_on_one_meetings: [],
    one_on_one_agenda_items: [],
    one_on_one_action_items: [],
    one_on_one_shared_notes: [],
    one_on_one_private_notes: [],
    talent_reviews: side.talentReviews.map((t) => ({
      id: newId(),
      org_id,
      person_id: person(t.personIndex),
      reviewer_id: person(t.reviewerIndex),
      performance: t.performance,
      potential: t.potential,
      note: t.note,
      created_at: stamp(t.date, '15:00:00.000'),
    })),
    pulse_responses: side.pulse.map((p) => ({
      id: newId(),
      org_id,
      person_id: person(p.personIndex),
      team_id: p.teamIndex === null ? null : ctx.teamIds[p.teamIndex]!,
      period: p.period,
      energy: p.energy,
      workload: p.workload,
      comment: p.comment,
      created_at: stamp(p.period, '16:30:00.000'),
      updated_at: stamp(p.period, '16:30:00.000'),
    })),
    assessments: [],
    assessment_requests: [],
    assessment_ratings: [],
  };
  for (const pair of side.oneOnOnes) {
    const pairId = newId();
    rows.one_on_ones.push({
      id: pairId,
      org_id,
      kind: pair.kind,
      manager_id: person(pair.managerIndex),
      report_id: person(pair.reportIndex),
      cadence_days: pair.cadenceDays,
      is_active: 1,
      created_at: stamp(pair.createdOn),
      updated_at: stamp(pair.createdOn),
    });
    const meetingIds = pair.meetings.map(() => newId());
    pair.meetings.forEach((m, i) => {
      const meetingId = meetingIds[i]!;
      const at = stamp(m.date, '10:00:00.000');
      rows.one_on_one_meetings.push({
        id: meetingId,
        org_id,
        pair_id: pairId,
        date: m.date,
        status: m.status,
        held_at: m.status === 'held' ? stamp(m.date, '10:45:00.000') : null,
        created_at: at,
      });
      m.agenda.forEach((item, k) =>
        rows.one_on_one_agenda_items.push({
          id: newId(),
          org_id,
          pair_id: pairId,
          meeting_id: meetingId,
          author_id: item.authorIndex === null ? null : person(item.authorIndex),
          source: item.source,
          text: item.text,
          is_discussed: item.isDiscussed ? 1 : 0,
          // in list order: the pre-filled context first, in the rule's order
          created_at: stamp(m.date, `10:00:00.${String(k).padStart(3, '0')}`),
        }),
      );
      const note = (n: { authorIndex: number; body: string }) => ({
        id: newId(),
        org_id,
        pair_id: pairId,
        meeting_id: meetingId,
        author_id: person(n.authorIndex),
        body: n.body,
        created_at: stamp(m.date, '10:40:00.000'),
        updated_at: stamp(m.date, '10:40:00.000'),
      });
      rows.one_on_one_shared_notes.push(...m.sharedNotes.map(note));
      rows.one_on_one_private_notes.push(...m.privateNotes.map(note));
    });
    for (const a of pair.actionItems) {
      const meeting = a.meetingIndex === null ? null : pair.meetings[a.meetingIndex]!;
      rows.one_on_one_action_items.push({
        id: newId(),
        org_id,
        pair_id: pairId,
        meeting_id: a.meetingIndex === null ? null : meetingIds[a.meetingIndex]!,
        owner_id: person(a.ownerIndex),
        text: a.text,
        due_date: a.dueDate,
        done_at: a.doneOn === null ? null : stamp(a.doneOn, '17:00:00.000'),
        created_by: person(a.createdByIndex),
        created_at: stamp(meeting?.date ?? pair.createdOn, '10:30:00.000'),
      });
    }
  }
  const ratingRows = (assessmentId: string, raterIndex: number, isSelf: boolean, values: readonly number[]) =>
    assessmentSkills.map((skill, i) => ({
      org_id,
      assessment_id: assessmentId,
      rater_id: person(raterIndex),
      is_self: isSelf ? 1 : 0,
      skill,
      rating: values[i]!,
    }));
  for (const a of side.assessments) {
    const id = newId();
    rows.assessments.push({
      id,
      org_id,
      person_id: person(a.personIndex),
      status: a.status,
      created_at: stamp(a.createdOn),
      closed_at: a.closedOn === null ? null : stamp(a.closedOn, '18:00:00.000'),
    });
    if (a.self) rows.assessment_ratings.push(...ratingRows(id, a.personIndex, true, a.self));
    for (const r of a.requests) {
      rows.assessment_requests.push({
        id: newId(),
        org_id,
        assessment_id: id,
        reviewer_id: person(r.reviewerIndex),
        status: r.status,
        created_at: stamp(a.createdOn),
        answered_at: r.answeredOn === null ? null : stamp(r.answeredOn, '14:00:00.000'),
      });
      if (r.ratings) rows.assessment_ratings.push(...ratingRows(id, r.reviewerIndex, false, r.ratings));
    }
  }
  return rows;
}
