/**
 * The agenda a new 1:1 starts with, from the report's context (late and blocked tasks, this week's
 * workload, growth goals, recent kudos): the topics worth raising, not every fact. Pure, so the server
 * and the demo generator write the same lines.
 */
export interface AgendaContext {
  lateTasks: readonly { title: string }[];
  blockedTasks: readonly { title: string }[];
  workload: { plannedHours: number; capacityHours: number };
  growthGoals: readonly { skillName: string; level: number; targetLevel: number }[];
  recentKudos: readonly { valueName: string | null }[];
}

const titles = (tasks: readonly { title: string }[]) =>
  tasks
    .slice(0, 3)
    .map((t) => `“${t.title}”`)
    .join(', ') + (tasks.length > 3 ? ` and ${tasks.length - 3} more` : '');

export function prefillAgenda(context: AgendaContext): string[] {
  const lines: string[] = [];
  const late = context.lateTasks.length;
  if (late > 0)
    lines.push(
      `Late work: ${late === 1 ? '1 task' : `${late} tasks`} past deadline — ${titles(context.lateTasks)}. What would help?`,
    );
  if (context.blockedTasks.length > 0)
    lines.push(`Blocked: ${titles(context.blockedTasks)} — what would unblock it?`);
  const { plannedHours, capacityHours } = context.workload;
  if (capacityHours > 0 && plannedHours > capacityHours * 1.1)
    lines.push(
      `Workload this week: ${plannedHours}h planned for ${capacityHours}h of capacity — what can move?`,
    );
  else if (capacityHours > 0 && plannedHours < capacityHours * 0.5)
    lines.push(
      `Room this week: ${plannedHours}h planned of ${capacityHours}h — anything you would like to take on?`,
    );
  const growing = context.growthGoals.filter((g) => g.targetLevel > g.level);
  if (growing.length > 0)
    lines.push(
      `Growth: ${growing
        .slice(0, 2)
        .map((g) => `${g.skillName} ${g.level === 0 ? 'new' : g.level} → ${g.targetLevel}`)
        .join(', ')} — what stretch work would help?`,
    );
  const kudos = context.recentKudos.length;
  if (kudos > 0) {
    const value = context.recentKudos.find((k) => k.valueName !== null)?.valueName;
    lines.push(
      `Recognition: ${kudos === 1 ? '1 kudos' : `${kudos} kudos`} in the last 30 days${value ? ` (e.g. for ${value})` : ''}.`,
    );
  }
  return lines;
}
