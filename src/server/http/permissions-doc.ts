/** Renders docs/permissions.md from the permission table in core/roles.ts (run: npm run docs:permissions). */
import { actions, permissionTable, roles } from '../../core/roles';

const meaning: Record<(typeof actions)[number], string> = {
  'org.update': 'Edit the organization name, vision statement and horizon, and choose its public holidays',
  'users.manage': 'Create sign-in accounts (whose first password must be replaced) and change roles',
  'pillars.write': 'Create, rename, reorder and delete strategic pillars',
  'goals.write': 'Create, edit and delete any objective or key result',
  'goals.checkin': 'Check in on any goal',
  'projects.create': 'Create projects (also by decomposing a goal)',
  'projects.write.any': 'Edit and delete any project',
  'tasks.write.any': 'Create, edit and delete any task',
  'people.write': "Create, edit and delete anyone's profile",
  'teams.write': 'Create, rename and delete teams',
  'clients.write': 'Create, edit and delete clients',
  'skills.create': 'Add skills to the organization’s skill list',
  'plans.create': 'Run the planner and apply its plans (managers: for the projects they manage)',
  'plans.any': 'Plan and apply for any project or the whole organization; see every plan run',
  'planning.view': "See the workload heatmap, deadline forecasts, budgets and everyone's cost and bill rates",
};

export function renderPermissionsDoc(): string {
  const header = `| action | meaning | ${roles.join(' | ')} |\n|---|---|${roles.map(() => '---').join('|')}|`;
  const rows = actions.map(
    (action) =>
      `| \`${action}\` | ${meaning[action]} | ${roles.map((role) => (permissionTable[action].includes(role) ? 'yes' : '—')).join(' | ')} |`,
  );
  return `# Permissions

Generated from \`src/core/roles.ts\` by \`npm run docs:permissions\`; a test fails when this file and the table
disagree.

Everyone signed in can **read** the organization's vision, pillars, goals, projects, tasks, people
(all but their rates, below), teams and clients. Nobody ever sees another organization's records: an
id from another organization answers 404.

${header}
${rows.join('\n')}

## Ownership rules (beyond the role table)

- The **owner of a goal** may edit it and check in on it, whatever their role.
- The **manager of a project** (its \`managerId\`) may edit and delete it, and create, edit and delete its tasks.
- A **task on a goal** (in no project) is created, edited and deleted by whoever holds \`goals.write\`.
- The **assignee of a task** may change its status, and log time on it.
- A **person** may edit their own name, email, title, skills, passions, values and growth goals, and add
  their own time off; not their manager, team, capacity, rates or public holidays (their region is capacity too).
- A **manager** may edit the profiles and time off of their direct reports.
- **Cost and bill rates** are shown to \`planning.view\` roles (a budget is rates × hours: hiding them from
  those who read budgets would hide nothing), to the person themself and to their manager, who sets them;
  everyone else reads \`null\` in every profile the API returns. A rate is someone's pay and price, which
  colleagues have no need to know.
- The **manager of a project** may run the planner on it and apply the plan's rows for it; a plan run is
  seen, cancelled and applied by its author and by owners and leaders.
- **Personal API tokens** belong to their creator: only they list and revoke them.
- There is always at least one owner: the last owner cannot be demoted.
`;
}
