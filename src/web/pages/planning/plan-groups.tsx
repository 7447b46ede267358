/**
 * The proposal collapsed by project or by person: one row per group saying what changes in it and
 * what that buys, with its lateness (and, by person, overload) before and after — so thousands of
 * rows are reviewed a group at a time. A group opens as its task rows, or is applied whole.
 */
import type { GroupBy, PlanGroup } from '../../api/planning';
import { plural } from '../../lib/format';
import { fmtLatePair } from './format';

interface PlanGroupsProps {
  by: GroupBy;
  groups: PlanGroup[];
  applying: boolean;
  onShow: (group: PlanGroup) => void;
  onApply: (group: PlanGroup) => void;
}

export function PlanGroupsTable({ by, groups, applying, onShow, onApply }: PlanGroupsProps) {
  const withChanges = groups.filter((g) => g.changes > 0 || g.unplaceable > 0);
  const quiet = groups.length - withChanges.length;
  if (withChanges.length === 0)
    return (
      <p className="muted plan-diff-empty">
        The proposal changes nothing: the current plan is already as good as the planner can make it.
      </p>
    );
  return (
    <div className="table-wrap">
      <table className="table plan-groups-table" aria-label={by === 'project' ? 'By project' : 'By person'}>
        <thead>
          <tr>
            <th scope="col">{by === 'project' ? 'Project' : 'Person'}</th>
            <th scope="col" className="num">
              Changes
            </th>
            <th scope="col">What they buy</th>
            <th scope="col">Late</th>
            {by === 'person' ? <th scope="col">Overload</th> : null}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {withChanges.map((group) => (
            <GroupRow
              key={group.key ?? 'none'}
              by={by}
              group={group}
              applying={applying}
              onShow={onShow}
              onApply={onApply}
            />
          ))}
        </tbody>
      </table>
      {quiet > 0 ? (
        <p className="table-note muted small">
          {plural(
            quiet,
            by === 'project' ? 'other project' : 'other person',
            by === 'project' ? 'other projects' : 'other people',
          )}{' '}
          {quiet === 1 ? 'keeps its' : 'keep their'} plan unchanged.
        </p>
      ) : null}
    </div>
  );
}

function GroupRow({
  by,
  group,
  applying,
  onShow,
  onApply,
}: {
  by: GroupBy;
  group: PlanGroup;
  applying: boolean;
  onShow: (group: PlanGroup) => void;
  onApply: (group: PlanGroup) => void;
}) {
  const [lateBefore, lateAfter] = fmtLatePair(group.lateHoursBefore, group.lateHoursAfter);
  const lateSame = Math.round(group.lateHoursBefore) === Math.round(group.lateHoursAfter);
  return (
    <tr data-testid="plan-group">
      <th scope="row">
        {group.name}
        <div className="muted small">
          {plural(group.tasks, 'task')}
          {by === 'person' && group.arriving > 0 ? ` · ${group.arriving} arriving` : ''}
          {by === 'person' && group.leaving > 0 ? ` · ${group.leaving} leaving` : ''}
        </div>
      </th>
      <td className="num">
        {group.changes}
        {group.pending < group.changes ? <div className="muted small">{group.pending} to apply</div> : null}
      </td>
      <td className="plan-group-summary">
        {group.summary}
        {group.unplaceable > 0 ? (
          <div className="text-bad small">{plural(group.unplaceable, 'task')} cannot be placed</div>
        ) : null}
      </td>
      <td className="nowrap">
        {lateSame ? (
          <span className={group.lateHoursAfter > 0 ? 'text-bad' : 'muted'}>{lateAfter}</span>
        ) : (
          <span>
            <span className="muted">{lateBefore}</span> →{' '}
            <span className={group.lateHoursAfter < group.lateHoursBefore ? 'text-good' : 'text-bad'}>
              {lateAfter}
            </span>
          </span>
        )}
      </td>
      {by === 'person' ? (
        <td className="nowrap">
          {group.overloadBefore === 0 && group.overloadAfter === 0 ? (
            <span className="muted">none</span>
          ) : (
            `${Math.round(group.overloadBefore)} h → ${Math.round(group.overloadAfter)} h`
          )}
        </td>
      ) : null}
      <td className="row-end nowrap">
        <button type="button" className="link-button small" onClick={() => onShow(group)}>
          Show tasks
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={group.pending === 0 || applying}
          onClick={() => onApply(group)}
        >
          {group.pending === 0 ? 'Applied' : `Apply ${group.pending}`}
        </button>
      </td>
    </tr>
  );
}
