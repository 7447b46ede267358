/**
 * Roles and the permission table. docs/permissions.md renders this table; the server checks every
 * route against it (ownership rules, such as "a manager edits the projects they manage", live in the
 * use cases and are listed in the docs too).
 */
export const roles = ['owner', 'leader', 'manager', 'member'] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'org.update', // vision, horizon, organization name, public holidays
  'users.manage', // sign-in accounts and their roles
  'pillars.write',
  'goals.write', // create/edit/delete any goal
  'goals.checkin', // check in on any goal (owners of a goal may always check in on it)
  'projects.create',
  'projects.write.any', // edit any project (managers edit the ones they manage)
  'tasks.write.any', // edit any task (managers: tasks of their projects; members: their own tasks)
  'people.write', // create/edit anyone's profile (everyone edits their own)
  'teams.write',
  'clients.write',
  'skills.create',
  'plans.create', // run the planner and apply its plans (managers: projects they manage)
  'plans.any', // plan and apply for any project or the whole organization
  'planning.view', // workload, deadline forecasts, budgets, and everyone's cost and bill rates
] as const;
export type Action = (typeof actions)[number];

const table: Record<Action, readonly Role[]> = {
  'org.update': ['owner', 'leader'],
  'users.manage': ['owner'],
  'pillars.write': ['owner', 'leader'],
  'goals.write': ['owner', 'leader', 'manager'],
  'goals.checkin': ['owner', 'leader', 'manager'],
  'projects.create': ['owner', 'leader', 'manager'],
  'projects.write.any': ['owner', 'leader'],
  'tasks.write.any': ['owner', 'leader'],
  'people.write': ['owner', 'leader'],
  'teams.write': ['owner', 'leader'],
  'clients.write': ['owner', 'leader', 'manager'],
  'skills.create': ['owner', 'leader', 'manager'],
  'plans.create': ['owner', 'leader', 'manager'],
  'plans.any': ['owner', 'leader'],
  'planning.view': ['owner', 'leader', 'manager'],
};

export const permissionTable: Readonly<Record<Action, readonly Role[]>> = table;

export function can(role: Role, action: Action): boolean {
  return table[action].includes(role);
}
