/** "Progress from: the metric / the linked work": the choice of which figure a goal counts, explained. */
import { useId } from 'react';
import type { Goal } from '../../api/client';
import { FieldError, fieldError } from '../../components/form';
import { progressSourceHelp } from './progress-text';

export function ProgressSourceChoice({
  kind,
  value,
  onChange,
  error,
}: {
  kind: Goal['kind'];
  value: Goal['progressSource'];
  onChange: (value: Goal['progressSource']) => void;
  error?: unknown;
}) {
  const name = useId();
  const message = fieldError(error, 'progressSource');
  const choices: { value: Goal['progressSource']; label: string; help: string }[] = [
    { value: 'metric', label: 'the metric', help: progressSourceHelp.metric },
    {
      value: 'work',
      label: kind === 'key_result' ? 'the linked work' : 'its key results and linked work',
      help:
        kind === 'key_result'
          ? progressSourceHelp.work
          : 'Progress is the mean of its key results (and of any work linked to it directly).',
    },
  ];
  return (
    <fieldset className="fieldset progress-source" aria-invalid={Boolean(message)}>
      <legend>Progress from</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="progress-source-option">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>
            <span className="strong">{choice.label}</span>
            <span className="muted small progress-source-help">{choice.help}</span>
          </span>
        </label>
      ))}
      <FieldError message={message} />
    </fieldset>
  );
}
