/** The one schedule model as the API shows it: where and when the current plan puts each open task. */
import { z } from 'zod';
import { id, isoDate } from './common';

export const moment = z
  .object({
    date: isoDate,
    hour: z.number().describe('Calendar hours into the working day, 0 (its start) to 8 (its end)'),
  })
  .describe('A point in working time');

export const scheduledTask = z.object({
  taskId: id,
  personId: id.nullable(),
  start: moment,
  finish: moment,
  hours: z.number().describe('Remaining hours'),
  source: z
    .enum(['plan', 'dates'])
    .describe('plan: laid hour by hour by the applied plan; dates: spread evenly over its planned dates'),
});

export const projectSchedule = z.object({
  projectId: id,
  tasks: z.array(scheduledTask),
  dependencies: z
    .array(z.object({ taskId: id, dependsOnId: id, isBroken: z.boolean() }))
    .describe(
      'Finish-to-start links between scheduled open tasks; broken: it starts before the other finishes',
    ),
});
export type ProjectSchedule = z.infer<typeof projectSchedule>;
