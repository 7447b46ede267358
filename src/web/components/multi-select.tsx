/** A filterable checklist for choosing several items (dependencies, linked goals). */
import { useId, useState } from 'react';

export interface Option {
  value: string;
  label: string;
  hint?: string;
  disabled?: boolean;
}

interface MultiSelectProps {
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
  label: string;
  empty?: string;
  id?: string;
}

export function MultiSelect({
  options,
  value,
  onChange,
  label,
  empty = 'Nothing to choose from yet.',
  id,
}: MultiSelectProps) {
  const [filter, setFilter] = useState('');
  const ownId = useId();
  const selected = new Set(value);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((o) => o.label.toLowerCase().includes(needle)) : options;
  const toggle = (optionValue: string) =>
    onChange(selected.has(optionValue) ? value.filter((v) => v !== optionValue) : [...value, optionValue]);
  if (options.length === 0) return <p className="muted small">{empty}</p>;
  const chosen = options.filter((o) => selected.has(o.value));
  return (
    <div className="multi-select" role="group" aria-label={label}>
      {chosen.length > 0 ? (
        <ul className="chips" aria-label={`Chosen: ${label}`}>
          {chosen.map((o) => (
            <li key={o.value} className="chip">
              {o.label}
              <button type="button" aria-label={`Remove ${o.label}`} onClick={() => toggle(o.value)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {options.length > 6 ? (
        <input
          id={id ?? ownId}
          type="search"
          className="multi-select-filter"
          placeholder={`Filter ${options.length} items…`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label={`Filter ${label}`}
        />
      ) : null}
      <ul className="multi-select-list">
        {shown.map((option) => (
          <li key={option.value}>
            <label className={option.disabled ? 'disabled' : undefined}>
              <input
                type="checkbox"
                checked={selected.has(option.value)}
                disabled={option.disabled}
                onChange={() => toggle(option.value)}
              />
              <span>{option.label}</span>
              {option.hint ? <span className="muted small">{option.hint}</span> : null}
            </label>
          </li>
        ))}
        {shown.length === 0 ? <li className="muted small">No match for “{filter}”.</li> : null}
      </ul>
    </div>
  );
}
