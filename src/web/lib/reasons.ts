/**
 * Why a control is disabled, in words for the person who may not use it. Whether they may is never
 * decided here: the server answers it with each record (`can`) and in `me.can`; these only name who
 * may, so a disabled control is not a riddle.
 */
interface Placed {
  projectId: string | null;
}

/** Who edits a task: its project’s manager, owners and leaders; managers and up for a task on a goal. */
export const whoEditsTask = (task: Placed) =>
  task.projectId !== null ? 'the project’s manager, owners and leaders' : 'managers, leaders and owners';

export const reasons = {
  taskWrite: (task: Placed) => `Only ${whoEditsTask(task)} can edit or delete this task`,
  taskStatus: (task: Placed) => `Only its assignee, ${whoEditsTask(task)} can change this task’s status`,
  taskReadOnly: (task: Placed) => `Only its assignee, ${whoEditsTask(task)} change this task`,
  taskLogTime: 'Only its assignee, the project’s manager, owners and leaders log time on this task',
  timeEntryDelete: 'Only the person who logged it, the project’s manager, owners and leaders can remove it',
  projectWrite: 'Only the project’s manager, owners and leaders can change this project',
  projectAddTasks: 'Only the project’s manager, owners and leaders can add tasks to this project',
  projectPlan: 'Only the project’s manager, owners and leaders can plan this project',
  projectCreate: 'Only managers, leaders and owners create projects',
  goalEdit: 'Only the goal’s owner, managers, leaders and organization owners can edit this goal',
  goalCheckIn: 'Only the goal’s owner, managers, leaders and organization owners check in on this goal',
  goalDelete: 'Only managers, leaders and organization owners can delete goals',
  goalDecompose: 'Only managers, leaders and organization owners break goals down into projects',
  goalCreate: 'Only managers, leaders and organization owners add goals',
  cannotAddTasksHere: 'you cannot add tasks here',
} as const;
