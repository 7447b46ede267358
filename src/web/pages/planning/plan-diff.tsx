/**
 * The proposed plan beside the current one, task by task: who and when now, who and when proposed,
 * the deadline, and why — one line, with the full reasons a click away. Rows can be chosen and
 * applied, or the whole plan at once.
 */
import { Fragment, useMemo, useState } from 'react';
import type { PlanProposal, PlanRun } from '../../api/planning';
import { Badge } from '../../components/badges';
import { TaskLink } from '../../components/task-link';
import { plural } from '../../lib/format';
import { fmtDay, fmtLate, fmtLatePair, fmtRange } from './format';

type Filter = 'changes' | 'person' | 'late' | 'unplaceable' | 'all';
const PAGE = 150;

/** Rows of one project (key null: on no project) or one person's (theirs now or proposed to them). */
export interface RowGroup {
  by: 'project' | 'person';
  key: string | null;
  name: string;
}

interface PlanDiffProps {
  run: PlanRun;
  rows: PlanProposal[];
  applying: boolean;
  onApply: (taskIds: string[] | undefined) => void;
  group?: RowGroup | null;
  onClearGroup?: () => void;
}

export function inGroup(row: PlanProposal, group: RowGroup | null | undefined): boolean {
  if (!group) return true;
  if (group.by === 'project') return row.projectId === group.key;
  return row.current.personId === group.key || (row.proposed !== null && row.proposed.personId === group.key);
}

export function PlanDiff({ run, rows: allRows, applying, onApply, group, onClearGroup }: PlanDiffProps) {
  const rows = useMemo(() => allRows.filter((r) => inGroup(r, group)), [allRows, group]);
  const [filter, setFilter] = useState<Filter>('changes');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(PAGE);

  const counts = useMemo(
    () => ({
      changes: rows.filter((r) => r.isChanged).length,
      person: rows.filter((r) => r.isChanged && r.changesPerson).length,
      late: rows.filter((r) => r.proposedLateHours > 0).length,
      unplaceable: rows.filter((r) => r.unplaceable !== null).length,
      all: rows.length,
    }),
    [rows],
  );
  const pending = rows.filter((r) => r.isChanged && r.appliedAt === null);
  const needle = search.trim().toLowerCase();
  const visible = rows.filter((r) => {
    const keep =
      filter === 'changes'
        ? r.isChanged
        : filter === 'person'
          ? r.isChanged && r.changesPerson
          : filter === 'late'
            ? r.proposedLateHours > 0
            : filter === 'unplaceable'
              ? r.unplaceable !== null
              : true;
    if (!keep) return false;
    if (!needle) return true;
    return [r.title, r.projectName, r.current.personName, r.proposed?.personName]
      .filter(Boolean)
      .some((text) => text!.toLowerCase().includes(needle));
  });
  const selectable = visible.filter((r) => r.isChanged && r.appliedAt === null);
  const allChosen = selectable.length > 0 && selectable.every((r) => selected.has(r.taskId));
  const chosen = pending.filter((r) => selected.has(r.taskId));

  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const filters: { id: Filter; label: string }[] = [
    { id: 'changes', label: `Changes (${counts.changes})` },
    { id: 'person', label: `New person (${counts.person})` },
    { id: 'late', label: `Late (${counts.late})` },
    { id: 'unplaceable', label: `Cannot be placed (${counts.unplaceable})` },
    { id: 'all', label: `All tasks (${counts.all})` },
  ];

  return (
    <div className="card card-flush plan-diff">
      <div className="plan-diff-toolbar">
        <div className="tabs" role="tablist" aria-label="Which rows">
          {filters.map((f) => (
            <button
              key={f.id}
              type="button"
              role="tab"
              aria-selected={filter === f.id}
              className={`tab${filter === f.id ? ' is-active' : ''}`}
              onClick={() => {
                setFilter(f.id);
                setShown(PAGE);
              }}
            >
              {f.label}
            </button>
          ))}
        </div>
        {group ? (
          <span className="plan-group-chip">
            {group.by === 'project' ? 'Project' : 'Person'}: {group.name}{' '}
            <button type="button" className="link-button small" onClick={onClearGroup}>
              Show every task
            </button>
          </span>
        ) : null}
        <input
          type="search"
          data-search
          placeholder="Find a task, project or person…"
          aria-label="Find a task, project or person"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {visible.length === 0 ? (
        <p className="muted plan-diff-empty">
          {filter === 'changes' && counts.changes === 0
            ? 'The proposal changes nothing: the current plan is already as good as the planner can make it.'
            : 'No task matches.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table plan-diff-table">
            <thead>
              <tr>
                <th scope="col" className="plan-diff-check">
                  <input
                    type="checkbox"
                    aria-label="Choose every change shown"
                    checked={allChosen}
                    disabled={selectable.length === 0}
                    onChange={() =>
                      setSelected((set) => {
                        const next = new Set(set);
                        for (const r of selectable) {
                          if (allChosen) next.delete(r.taskId);
                          else next.add(r.taskId);
                        }
                        return next;
                      })
                    }
                  />
                </th>
                <th scope="col">Task</th>
                <th scope="col">Now</th>
                <th scope="col">Proposed</th>
                <th scope="col">Deadline</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {visible.slice(0, shown).map((row) => {
                const isOpen = open.has(row.taskId);
                return (
                  <Fragment key={row.taskId}>
                    <tr
                      className={`${row.appliedAt ? 'is-applied' : ''}${isOpen ? ' is-open' : ''}`}
                      data-testid="plan-row"
                    >
                      <td className="plan-diff-check">
                        <input
                          type="checkbox"
                          aria-label={`Choose “${row.title}”`}
                          disabled={!row.isChanged || row.appliedAt !== null}
                          checked={selected.has(row.taskId)}
                          onChange={() => setSelected((set) => toggle(set, row.taskId))}
                        />
                      </td>
                      <td>
                        <TaskLink id={row.taskId}>{row.title}</TaskLink>
                        <div className="muted small">
                          {row.projectName ?? 'On a goal'} · {Math.round(row.hours * 10) / 10} h
                        </div>
                        <div className="plan-diff-badges">
                          {row.isPinned ? <Badge>Pinned</Badge> : null}
                          {row.isInProgress ? <Badge tone="accent">In progress</Badge> : null}
                          {row.isGrowth ? <Badge tone="stretch">Growth</Badge> : null}
                          {row.appliedAt ? <Badge tone="good">Applied</Badge> : null}
                        </div>
                      </td>
                      <td>
                        <Slot
                          person={row.current.personName}
                          range={fmtRange(row.current.start, row.current.end)}
                        />
                      </td>
                      <td>
                        {row.proposed ? (
                          <Slot
                            person={row.proposed.personName}
                            range={fmtRange(row.proposed.start, row.proposed.end)}
                            personChanged={row.changesPerson}
                            datesChanged={row.changesDates}
                          />
                        ) : (
                          <span className="text-bad">Cannot be placed</span>
                        )}
                      </td>
                      <td className="nowrap">
                        {row.deadline ? fmtDay(row.deadline) : <span className="muted">none</span>}
                        {row.deadline ? (
                          <div className="small">
                            <LateChange
                              now={row.currentLateHours}
                              proposed={row.proposed ? row.proposedLateHours : null}
                            />
                          </div>
                        ) : null}
                      </td>
                      <td className="plan-diff-why">
                        <span>{row.headline}</span>{' '}
                        <button
                          type="button"
                          className="link-button small"
                          aria-expanded={isOpen}
                          onClick={() => setOpen((set) => toggle(set, row.taskId))}
                        >
                          {isOpen ? 'Hide reasons' : 'Why?'}
                        </button>
                      </td>
                    </tr>
                    {isOpen ? (
                      <tr className="plan-diff-reasons">
                        <td />
                        <td colSpan={5}>
                          <ul data-testid="plan-reasons">
                            {row.reasons.map((reason) => (
                              <li key={reason}>{reason}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {visible.length > shown ? (
            <p className="table-note">
              <button type="button" className="link-button" onClick={() => setShown((n) => n + PAGE)}>
                Show {Math.min(PAGE, visible.length - shown)} more of {visible.length}
              </button>
            </p>
          ) : null}
        </div>
      )}
      <div className="plan-diff-footer">
        <span className="muted small">
          {run.appliedCount > 0 ? `${plural(run.appliedCount, 'change')} applied · ` : ''}
          {plural(pending.length, 'change')} to apply
          {chosen.length > 0 ? ` · ${chosen.length} chosen` : ''}
        </span>
        <div className="row-end">
          <button
            type="button"
            className="button"
            disabled={chosen.length === 0 || applying}
            onClick={() => {
              onApply(chosen.map((r) => r.taskId));
              setSelected(new Set());
            }}
          >
            Apply {chosen.length > 0 ? plural(chosen.length, 'chosen change') : 'chosen changes'}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={pending.length === 0 || applying}
            onClick={() => {
              if (group) onApply(pending.map((r) => r.taskId));
              else if (window.confirm(`Apply all ${plural(pending.length, 'change')} of this plan?`))
                onApply(undefined);
            }}
          >
            {applying
              ? 'Applying…'
              : group
                ? `Apply the ${plural(pending.length, 'change')} shown`
                : `Apply the whole plan (${pending.length})`}
          </button>
        </div>
      </div>
    </div>
  );
}

function Slot({
  person,
  range,
  personChanged,
  datesChanged,
}: {
  person: string | null;
  range: string;
  personChanged?: boolean;
  datesChanged?: boolean;
}) {
  return (
    <div className="plan-slot">
      <span className={personChanged ? 'plan-changed' : undefined}>
        {person ?? <span className="muted">Unassigned</span>}
      </span>
      <span className={`small${datesChanged ? ' plan-changed' : ' muted'}`}>{range}</span>
    </div>
  );
}

function LateChange({ now, proposed }: { now: number; proposed: number | null }) {
  if (proposed === null || Math.round(now) === Math.round(proposed))
    return <span className={now > 0 ? 'text-bad' : 'muted'}>{fmtLate(now)}</span>;
  const [nowText, proposedText] = fmtLatePair(now, proposed);
  return (
    <span>
      <span className="muted">{nowText}</span> →{' '}
      <span className={proposed > 0 ? (proposed < now ? 'text-warn' : 'text-bad') : 'text-good'}>
        {proposedText}
      </span>
    </span>
  );
}
