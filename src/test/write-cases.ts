/**
 * The small language the role sweep's table (src/server/http/role-sweep.test.ts) is written in: who
 * may (`may('goals.write', 'member')`: the holders of an action in core/roles.ts, and the roles an
 * ownership rule lets in), on which record (`on(goalOf(member))`: made fresh for the calling role, or
 * the fixture's), with which body, and which roles do not even see the record (`hidden`: 404).
 */
import { can, roles, type Action, type Role } from '../core/roles';
import { fresh, type Kind } from './openapi-sweep';
import type { Factories } from './sweep-factories';
import { ok, type SeededOrganization } from './sweep-fixture';
import type { Client } from './world';

export interface Ctx {
  role: Role;
  me: Client;
  as: Record<Role, Client>;
  fx: SeededOrganization;
  make: Factories;
}
export interface Request {
  params?: Record<string, string>;
  body?: Record<string, unknown>;
}
export interface Case {
  /** The rule this case checks, in words. */
  rule: string;
  may: readonly Role[];
  /** Roles to whom the record does not exist: they get 404, not 403. */
  hidden?: readonly Role[];
  /** One more answer a role that may can get, and why it still shows the role was let through. */
  also?: { status: number; why: string };
  target?: (ctx: Ctx) => Promise<Request> | Request;
}
export type Entry = Case[] | { skip: string };

type Who = Action | Role;
const isRole = (w: Who): w is Role => (roles as readonly string[]).includes(w);
/** The roles holding any action named (core/roles.ts), and the roles named (an ownership rule lets them). */
export const may = (...who: Who[]): Role[] =>
  roles.filter((r) => who.some((w) => w === r || (!isRole(w) && can(r, w))));
export const everyone = roles;
export const pairOf: Role[] = ['manager', 'member'];
const finished = { status: 409, why: 'a finished or stale run is refused only after the caller is let in' };
let rate = 10;

type Target = NonNullable<Case['target']>;
type Pick = (c: Ctx) => Promise<string> | string;
type Body =
  Record<string, unknown> | ((c: Ctx) => Promise<Record<string, unknown>> | Record<string, unknown>);
const bodyOf = async (c: Ctx, body?: Body) =>
  body === undefined ? {} : { body: typeof body === 'function' ? await body(c) : body };
export const rule = (
  text: string,
  roles: readonly Role[],
  target?: Target,
  extra: Partial<Case> = {},
): Case => ({
  rule: text,
  may: roles,
  ...(target ? { target } : {}),
  ...extra,
});
/** Only the holders of `action` may. */
export const act = (action: Action, target?: Target) => rule(action, may(action), target);
/** On the record `id` picks (`more` adds path parameters), with a body. */
export const on =
  (id: Pick, body?: Body, more?: (c: Ctx, id: string) => Promise<Record<string, string>>): Target =>
  async (c) => {
    const value = await id(c);
    return { params: { id: value, ...(await more?.(c, value)) }, ...(await bodyOf(c, body)) };
  };
export const send =
  (body: Body): Target =>
  async (c) =>
    bodyOf(c, body);

export const neutral: Pick = (c) => c.fx.neutral.personId;
export const member: Pick = (c) => c.as.member.actor.personId!;
export const manager: Pick = (c) => c.as.manager.actor.personId!;
export const fixture =
  (kind: Kind, i = 0): Pick =>
  (c) =>
    c.fx.ids[kind][i]!;
export const goalOf =
  (owner: Pick): Pick =>
  async (c) =>
    c.make.goal(await owner(c));
export const projectOf =
  (by: Pick): Pick =>
  async (c) =>
    c.make.project(await by(c));
const newProject: Pick = (c) => c.make.project();
/** A fresh task: in the manager's project (`managed`) or in a project nobody manages. */
export const taskOf =
  (managed: boolean, assignee?: Pick): Pick =>
  async (c) =>
    c.make.task(await (managed ? fixture('project')(c) : newProject(c)), assignee ? await assignee(c) : null);

/** On the fixture's 1:1 of the manager and the member; to everyone else it does not exist. */
export const inPair = (
  text: string,
  roles: readonly Role[],
  more: Record<string, Pick> = {},
  body?: Body,
  extra: Partial<Case> = {},
) =>
  rule(
    text,
    roles,
    async (c) => {
      const params = { id: c.fx.ids.oneOnOne[0]!, meetingId: c.fx.ids.meeting[0]! };
      for (const [name, pick] of Object.entries(more)) Object.assign(params, { [name]: await pick(c) });
      return { params, ...(await bodyOf(c, body)) };
    },
    { hidden: ['owner', 'leader'], ...extra },
  );
/** A fresh item of the fixture's 1:1, written by its manager. */
export const byManager =
  (what: 'agenda-items' | 'notes' | 'action-items'): Pick =>
  async (c) => {
    const at = `/api/one-on-ones/${c.fx.ids.oneOnOne[0]!}`;
    const url = what === 'action-items' ? `${at}/${what}` : `${at}/meetings/${c.fx.ids.meeting[0]!}/${what}`;
    const body = { text: fresh(), body: fresh(), visibility: 'shared', ownerId: await member(c) };
    return ok(await c.as.manager.post<{ id: string }>(url, body), `POST ${url}`).id;
  };

/** A fresh record of the factory `kind`. */
export const made =
  (kind: 'pillar' | 'team' | 'client' | 'value' | 'user' | 'person'): Pick =>
  (c) =>
    c.make[kind]();
export const newPerson = made('person');
/** Whose growth plan: nobody's of the roles, the member's (the manager's report), the member's mentee. */
const plans: [string, Role[], Pick][] = [
  ["anyone's plan: people.write", may('people.write'), newPerson],
  ['the person and their management chain', may('people.write', 'manager', 'member'), member],
  [
    "the plan's mentor keeps its milestones",
    may('people.write', 'member'),
    async (c) => c.make.mentee(await member(c)),
  ],
];
const milestone = async (c: Ctx, id: string) => ({ milestoneId: await c.make.milestone(c.as.owner, id) });
export const milestoneCases = (onOne: boolean, body?: Body) =>
  plans.map(([text, roles, id]) => rule(text, roles, on(id, body, onOne ? milestone : undefined)));
export const timeEntry =
  (managed: boolean, who: Pick): Pick =>
  async (c) =>
    c.make.timeEntry(await taskOf(managed)(c), await who(c));
export const runCases = [
  rule('any run: plans.any', may('plans.any'), on(fixture('planRun', 0)), { also: finished }),
  rule('its author', may('plans.create'), on(fixture('planRun', 1)), { also: finished }),
];
export const tokenOf =
  (who: 'me' | 'owner'): Pick =>
  (c) =>
    c.make.token(who === 'me' ? c.me : c.as.owner);
export const memberKudos: Pick = async (c) => c.make.kudos(c.as.member, await neutral(c));
const requestTo =
  (who: 'me' | 'neutral'): Pick =>
  async (c) =>
    c.make.request(await c.make.account(), who === 'me' ? c.me : c.fx.neutral);
export const roundOf =
  (who: 'me' | 'neutral'): Pick =>
  (c) =>
    c.make.ownRequest(who === 'me' ? c.me : c.fx.neutral);
export const requestCases = [
  rule('the reviewer it asks', everyone, on(requestTo('me'))),
  rule('a request to someone else is not there for them', [], on(requestTo('neutral')), { hidden: everyone }),
];
export const timeOff = async (c: Ctx, id: string) => ({ timeOffId: await c.make.timeOff(id) });
export const renamed = { title: 'Renamed' };
export const quick = { timeLimitMs: 500 };
export const bodies = {
  user: async (c: Ctx) => ({ role: 'member', personId: await newPerson(c) }),
  decompose: () => ({ tasks: [{ title: fresh() }] }),
  inNewProject: async (c: Ctx) => ({ projectId: await newProject(c) }),
  inManagedProject: (c: Ctx) => ({ projectId: c.fx.ids.project[0] }),
  onGoal: (c: Ctx) => ({ goalId: c.fx.ids.goal[0] }),
  forNeutral: async (c: Ctx) => ({ personId: await neutral(c) }),
  newRate: () => ({ costRate: (rate += 1) }),
  managedRun: (c: Ctx) => ({ projectIds: c.fx.ids.project, ...quick }),
  othersRun: async (c: Ctx) => ({ projectIds: [await newProject(c)], ...quick }),
  directReport: async (c: Ctx) => ({ reportId: await c.make.person({ managerId: await manager(c) }) }),
  mentee: async (c: Ctx) => ({ kind: 'mentor', reportId: await c.make.mentee(c.me.actor.personId!) }),
  ownedByMember: async (c: Ctx) => ({ ownerId: await member(c) }),
};
export const comingUp: Partial<Case> = { also: { status: 409, why: 'one is coming up already' } };
export const personalNote: Partial<Case> = { hidden: ['owner', 'leader', 'manager'] };
