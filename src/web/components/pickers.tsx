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

type BaseProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
  /** The label of the empty choice; omit to require a choice. */
  emptyLabel?: string;
};

interface Item {
  id: string;
  label: string;
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
        <option key={item.id} value={item.id}>
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

export function ProjectSelect(props: BaseProps) {
  const projects = useProjectsLookup();
  return <IdSelect {...props} items={projects.list.map((p) => ({ id: p.id, label: p.name }))} />;
}

export function GoalSelect(props: BaseProps & { excludeId?: string }) {
  const { excludeId, ...rest } = props;
  const goals = useGoalsLookup();
  const items = goals.list
    .filter((g) => g.id !== excludeId)
    .map((g) => ({ id: g.id, label: `${labelOf(kindLabel, g.kind)}: ${g.title}` }));
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
