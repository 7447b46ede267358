/**
 * The proposed plan beside the current one, task by task: who and when now, who and when proposed,
 * the deadline, and why — one line, with the full reasons a click away. Rows can be chosen and
 * applied, or the whole plan (or the group shown) at once. The rows are filtered, searched, counted
 * and paged on the server: a whole-organization plan is read a page at a time, never whole.
 */
import { Fragment, useDeferredValue, useState } from 'react';
import type { ApplyChoice, PlanRun, ProposalQuery, ProposalShow } from '../../api/planning';
import { PROPOSAL_PAGE, useProposals } from '../../api/planning-queries';
import { Badge } from '../../components/badges';
import { ErrorState, Loading } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { plural } from '../../lib/format';
import { fmtDay, fmtLate, fmtLatePair, fmtRange } from './format';

/** Rows of one project (key null: on no project) or one person's (theirs now or proposed to them). */
export interface RowGroup {
  by: 'project' | 'person';
  key: string | null;
  name: string;
}

/** A group is listed and applied by its project or person on the server (`none`: no project, or nobody). */
export function groupChoice(
  by: RowGroup['by'],
  key: string | null,
): { projectId: string } | { personId: string } {
  return by === 'project' ? { projectId: key ?? 'none' } : { personId: key ?? 'none' };
}

interface PlanDiffProps {
  run: PlanRun;
  applying: boolean;
  onApply: (choice: ApplyChoice) => void;
  group?: RowGroup | null;
  onClearGroup?: () => void;
}

export function PlanDiff({ run, applying, onApply, group, onClearGroup }: PlanDiffProps) {
  const [filter, setFilter] = useState<ProposalShow>('changes');
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Set<string>>(new Set());
  const query: ProposalQuery = {
    show: filter,
    ...(q ? { q } : {}),
    ...(group ? groupChoice(group.by, group.key) : {}),
  };
  const proposals = useProposals(run.id, query);

  if (proposals.isPending) return <Loading label="Loading the proposals…" />;
  if (proposals.isError)
    return (
      <ErrorState error={proposals.error} what="the proposals" onRetry={() => void proposals.refetch()} />
    );
  const pages = proposals.data.pages;
  const visible = pages.flatMap((p) => p.items);
  const total = pages[0]?.total ?? 0;
  const counts = pages[0]?.counts ?? { changes: 0, person: 0, late: 0, unplaceable: 0, all: 0, pending: 0 };
  const selectable = visible.filter((r) => r.isChanged && r.appliedAt === null);
  const allChosen = selectable.length > 0 && selectable.every((r) => selected.has(r.taskId));

  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const filters: { id: ProposalShow; label: string }[] = [
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
              onClick={() => setFilter(f.id)}
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
              {visible.map((row) => {
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
          {proposals.hasNextPage ? (
            <p className="table-note">
              <button
                type="button"
                className="link-button"
                disabled={proposals.isFetchingNextPage}
                onClick={() => void proposals.fetchNextPage()}
              >
                {proposals.isFetchingNextPage
                  ? 'Loading…'
                  : `Show ${Math.min(PROPOSAL_PAGE, total - visible.length)} more of ${total}`}
              </button>
            </p>
          ) : null}
        </div>
      )}
      <div className="plan-diff-footer">
        <span className="muted small">
          {run.appliedCount > 0 ? `${plural(run.appliedCount, 'change')} applied · ` : ''}
          {plural(counts.pending, 'change')} to apply
          {selected.size > 0 ? ` · ${selected.size} chosen` : ''}
        </span>
        <div className="row-end">
          <button
            type="button"
            className="button"
            disabled={selected.size === 0 || applying}
            onClick={() => {
              onApply({ taskIds: [...selected] });
              setSelected(new Set());
            }}
          >
            Apply {selected.size > 0 ? plural(selected.size, 'chosen change') : 'chosen changes'}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={counts.pending === 0 || applying}
            onClick={() => {
              if (group) onApply(groupChoice(group.by, group.key));
              else if (window.confirm(`Apply all ${plural(counts.pending, 'change')} of this plan?`))
                onApply(undefined);
            }}
          >
            {applying
              ? 'Applying…'
              : group
                ? `Apply the ${plural(counts.pending, 'change')} shown`
                : `Apply the whole plan (${counts.pending})`}
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
