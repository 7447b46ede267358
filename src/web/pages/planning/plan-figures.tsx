/** The figures of the current plan and the proposal, side by side, with what changes. */
import type { PlanFigures } from '../../api/planning';
import { fmtMoney, fmtNumber } from '../../lib/format';

interface Row {
  key: keyof PlanFigures;
  label: string;
  hint: string;
  better: 'lower' | 'higher';
  format: (value: number) => string;
}

const rows: Row[] = [
  {
    key: 'lateTasks',
    label: 'Late tasks',
    hint: 'Tasks that finish after their deadline',
    better: 'lower',
    format: fmtNumber,
  },
  {
    key: 'latenessHours',
    label: 'Total lateness',
    hint: 'Working hours after the deadlines, summed (8 h a day)',
    better: 'lower',
    format: (v) => `${fmtNumber(Math.round(v))} h`,
  },
  {
    key: 'overloadHours',
    label: 'Overload',
    hint: 'Hours planned beyond people’s capacity, week by week (their work on other projects included)',
    better: 'lower',
    format: (v) => `${fmtNumber(Math.round(v))} h`,
  },
  {
    key: 'growthAssignments',
    label: 'Growth assignments',
    hint: 'Tasks given to someone who wants to grow that skill',
    better: 'higher',
    format: fmtNumber,
  },
  {
    key: 'cost',
    label: 'Cost of the work',
    hint: 'Remaining hours × the assignee’s cost rate (unassigned work at the average rate of those who could do it)',
    better: 'lower',
    format: fmtMoney,
  },
  {
    key: 'unplannedTasks',
    label: 'Without person or dates',
    hint: 'Open tasks with no assignee or no dates (in the proposal: tasks that cannot be placed)',
    better: 'lower',
    format: fmtNumber,
  },
];

export function PlanFiguresCompare({
  figures,
}: {
  figures: { current: PlanFigures; proposed: PlanFigures };
}) {
  return (
    <ul className="plan-figures" aria-label="The current plan against the proposal">
      {rows.map((row) => {
        const current = figures.current[row.key];
        const proposed = figures.proposed[row.key];
        const diff = proposed - current;
        const improved = row.better === 'lower' ? diff < 0 : diff > 0;
        const tone = Math.abs(diff) < 0.5 ? 'same' : improved ? 'better' : 'worse';
        return (
          <li key={row.key} className={`plan-figure card plan-figure-${tone}`} title={row.hint}>
            <span className="eyebrow">{row.label}</span>
            <span className="plan-figure-values">
              <span className="plan-figure-current">
                <span className="visually-hidden">now </span>
                {row.format(current)}
              </span>
              <span aria-hidden="true" className="plan-figure-arrow">
                →
              </span>
              <span className="plan-figure-proposed" data-testid={`figure-${row.key}`}>
                <span className="visually-hidden">proposed </span>
                {row.format(proposed)}
              </span>
            </span>
            <span className="small plan-figure-note">
              {tone === 'same'
                ? 'no change'
                : `${tone === 'better' ? 'better' : 'worse'} by ${row.format(Math.abs(diff))}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
