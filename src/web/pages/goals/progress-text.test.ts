import { describe, expect, it } from 'vitest';
import { fmtDate } from '../../lib/format';
import { countsSentence, dueText, hoursText, metricText, workLine, type GoalFigures } from './progress-text';

const eightyHours = { projects: 1, tasks: 4, doneTasks: 2, hours: 80, doneHours: 12 };
const noWork = { projects: 0, tasks: 0, doneTasks: 0, hours: 0, doneHours: 0 };
const sellPackages: GoalFigures = {
  kind: 'key_result',
  status: 'active',
  progressSource: 'work',
  metricStart: 0,
  metricTarget: 3,
  metricCurrent: 0,
  metricUnit: 'packages',
  metricProgress: 0,
  workSummary: eightyHours,
};

describe('countsSentence', () => {
  it('says a work-driven key result counts its linked work, in hours', () => {
    expect(countsSentence(sellPackages)).toBe('Counts the linked work: 12 of 80 h done.');
  });

  it('says a metric-driven key result counts its metric, as counted from zero', () => {
    expect(countsSentence({ ...sellPackages, progressSource: 'metric' })).toBe(
      'Counts the metric: 0 of 3 packages.',
    );
  });

  it('says where a metric that does not start at zero stands, from its start toward its target', () => {
    expect(
      countsSentence({
        ...sellPackages,
        progressSource: 'metric',
        metricStart: 30,
        metricTarget: 50,
        metricCurrent: 41,
        metricUnit: 'NPS',
        metricProgress: 0.55,
      }),
    ).toBe('Counts the metric: 41 NPS, from 30 toward 50.');
  });

  it('says what a metric-driven goal lacks before it has progress', () => {
    const incomplete = { ...sellPackages, progressSource: 'metric' as const, metricProgress: null };
    expect(countsSentence({ ...incomplete, metricTarget: null })).toBe(
      'Counts the metric, which has no target yet: no progress until it does.',
    );
    expect(countsSentence({ ...incomplete, metricTarget: 0 })).toBe(
      'Counts the metric, which has a target equal to its start: no progress until it does.',
    );
  });

  it('says a work-driven key result without linked work has none yet', () => {
    expect(countsSentence({ ...sellPackages, workSummary: noWork })).toBe(
      'Counts the linked work: none is linked yet.',
    );
  });

  it('says a work-driven objective counts the mean of its key results and its own work', () => {
    const objective = { ...sellPackages, kind: 'objective' as const };
    expect(countsSentence(objective)).toMatch(/^Counts the mean of its key results/);
    expect(countsSentence(objective, { keyResults: 1, hasOwnWork: false })).toBe(
      'Counts the mean of its 1 key result.',
    );
    expect(countsSentence(objective, { keyResults: 2, hasOwnWork: true })).toBe(
      'Counts the mean of its 2 key results and the work linked to it directly.',
    );
    expect(countsSentence(objective, { keyResults: 0, hasOwnWork: false })).toBe(
      'Counts the mean of its key results and linked work: it has none yet.',
    );
  });

  it('lets an achieved or dropped goal say so, whatever its source', () => {
    expect(countsSentence({ ...sellPackages, status: 'achieved' })).toMatch(/^Achieved: counts as done/);
    expect(countsSentence({ ...sellPackages, status: 'dropped' })).toMatch(/^Dropped: counts for nothing/);
  });
});

describe('figures in words', () => {
  it('gives no metric text while the metric cannot be measured', () => {
    expect(metricText({ ...sellPackages, metricProgress: null })).toBeNull();
  });

  it('counts the work line, and has none without linked work', () => {
    expect(workLine(eightyHours)).toBe('1 project · 4 tasks (2 done) · 12 of 80 h done');
    expect(workLine(noWork)).toBeNull();
    expect(hoursText(noWork)).toBeNull();
  });
});

describe('dueText', () => {
  it('marks an active goal past its due date as overdue', () => {
    expect(dueText('2026-06-30', '2026-07-01', 'active')).toEqual({
      text: `Overdue since ${fmtDate('2026-06-30')}`,
      isOverdue: true,
    });
  });

  it('does not call an achieved or dropped goal overdue', () => {
    expect(dueText('2026-06-30', '2026-07-01', 'achieved')?.isOverdue).toBe(false);
    expect(dueText('2026-06-30', '2026-07-01', 'dropped')?.isOverdue).toBe(false);
  });

  it('says due today, due on a date, or nothing without a due date', () => {
    expect(dueText('2026-06-30', '2026-06-30', 'active')).toEqual({ text: 'Due today', isOverdue: false });
    expect(dueText('2026-06-30', '2026-06-01', 'active')?.text).toBe(`Due ${fmtDate('2026-06-30')}`);
    expect(dueText(null, '2026-06-01', 'active')).toBeNull();
  });
});
