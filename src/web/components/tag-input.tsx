/** Free-text tags (passions, values) as chips: Enter or comma adds one, Backspace on empty removes the last. */
import { useState, type KeyboardEvent } from 'react';

interface TagInputProps {
  id?: string;
  value: string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
  max?: number;
}

export function TagInput({ id, value, onChange, placeholder, max = 20 }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const add = (raw: string) => {
    const tag = raw.trim().slice(0, 80);
    if (!tag || value.some((v) => v.toLowerCase() === tag.toLowerCase()) || value.length >= max) return;
    onChange([...value, tag]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
      setDraft('');
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className="tag-input">
      {value.map((tag) => (
        <span key={tag} className="chip">
          {tag}
          <button
            type="button"
            aria-label={`Remove ${tag}`}
            onClick={() => onChange(value.filter((v) => v !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          add(draft);
          setDraft('');
        }}
        placeholder={value.length >= max ? `At most ${max}` : (placeholder ?? 'Type and press Enter')}
      />
    </div>
  );
}
