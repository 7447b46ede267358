/**
 * Selects over the organization's people, skills, teams, clients, projects and goals (ids in, ids out),
 * and over the holiday regions (codes in, codes out).
 */
import type { SelectHTMLAttributes } from 'react';
import {
  useClientsLookup,
  useGoalsLookup,
  useHolidayRegions,
  usePeopleLookup,
  useProjectsLookup,
  useSkillsLookup,
  useTeamsLookup,
} from '../api/queries';
import { kindLabel, labelOf } from '../lib/labels';
import { reasons } from '../lib/reasons';

type BaseProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
  /** The label of the empty choice; omit to require a choice. */
  emptyLabel?: string;
};

interface Item {
  id: string;
  label: string;
  /** Shown but not choosable (the server says you may not), with the reason in the label. */
  disabled?: boolean;
}

function IdSelect({ value, onChange, emptyLabel, items, ...rest }: BaseProps & { items: Item[] }) {
  const known = value === null || items.some((i) => i.id === value);
  return (
    <select
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      {emptyLabel !== undefined || value === null ? (
        <option value="">{emptyLabel ?? 'Choose…'}</option>
      ) : null}
      {!known && value ? <option value={value}>(loading…)</option> : null}
      {items.map((item) => (
        <option key={item.id} value={item.id} disabled={item.disabled}>
          {item.label}
        </option>
      ))}
    </select>
  );
}

export function PersonSelect(props: BaseProps & { exclude?: string[] }) {
  const { exclude, ...rest } = props;
  const people = usePeopleLookup();
  const items = people.list
    .filter((p) => !exclude?.includes(p.id))
    .map((p) => ({ id: p.id, label: p.title ? `${p.name} — ${p.title}` : p.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return <IdSelect {...rest} items={items} />;
}

export function SkillSelect(props: BaseProps) {
  const skills = useSkillsLookup();
  const items = skills.list
    .map((s) => ({ id: s.id, label: s.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return <IdSelect {...props} items={items} />;
}

export function TeamSelect(props: BaseProps) {
  const teams = useTeamsLookup();
  return <IdSelect {...props} items={teams.list.map((t) => ({ id: t.id, label: t.name }))} />;
}

export function ClientSelect(props: BaseProps) {
  const clients = useClientsLookup();
  return <IdSelect {...props} items={clients.list.map((c) => ({ id: c.id, label: c.name }))} />;
}

/** For a task's place: a project or goal you may not add tasks to (its `can.addTasks`) stays visible but not choosable. */
interface TaskPlaceProps {
  forTasks?: boolean;
}

const placeItem = (forTasks: boolean | undefined, value: string | null, canAdd: boolean, item: Item) =>
  forTasks && !canAdd && item.id !== value
    ? { ...item, label: `${item.label} (${reasons.cannotAddTasksHere})`, disabled: true }
    : item;

export function ProjectSelect(props: BaseProps & TaskPlaceProps) {
  const { forTasks, ...rest } = props;
  const projects = useProjectsLookup();
  const items = projects.list.map((p) =>
    placeItem(forTasks, rest.value, p.can.addTasks, { id: p.id, label: p.name }),
  );
  return <IdSelect {...rest} items={items} />;
}

export function GoalSelect(props: BaseProps & TaskPlaceProps & { excludeId?: string }) {
  const { excludeId, forTasks, ...rest } = props;
  const goals = useGoalsLookup();
  const items = goals.list
    .filter((g) => g.id !== excludeId)
    .map((g) =>
      placeItem(forTasks, rest.value, g.can.addTasks, {
        id: g.id,
        label: `${labelOf(kindLabel, g.kind)}: ${g.title}`,
      }),
    );
  return <IdSelect {...rest} items={items} />;
}

/**
 * A country or region whose public holidays are days off, by name (about 600 of them: typing the first
 * letters of a name in a select jumps to it). The codes are date-holidays' (`DE-BE`).
 */
export function HolidayRegionSelect(props: BaseProps) {
  const regions = useHolidayRegions();
  const items = (regions.data?.regions ?? []).map((r) => ({ id: r.code, label: r.name }));
  return <IdSelect {...props} items={items} />;
}

export function LevelSelect({
  value,
  onChange,
  emptyLabel,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: number | null;
  onChange: (value: number | null) => void;
  emptyLabel?: string;
}) {
  return (
    <select
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {[1, 2, 3, 4, 5].map((n) => (
        <option key={n} value={n}>
          {n} — {levelNames[n - 1]}
        </option>
      ))}
    </select>
  );
}

export const levelNames = ['learning', 'working', 'solid', 'strong', 'expert'];
