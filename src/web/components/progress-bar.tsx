import { pct } from '../lib/format';

interface ProgressBarProps {
  value: number | null | undefined;
  /** Rendered as data-testid="progress-<testId>" so browser tests can read the percentage. */
  testId?: string;
  size?: 'sm' | 'md' | 'lg';
  label?: string;
  tone?: 'default' | 'late';
}

/** A bar with its percentage as text; null means "no signal yet" (nothing beneath it). */
export function ProgressBar({ value, testId, size = 'md', label, tone = 'default' }: ProgressBarProps) {
  const known = value !== null && value !== undefined && !Number.isNaN(value);
  const clamped = known ? Math.min(1, Math.max(0, value)) : 0;
  const text = pct(value);
  return (
    <div
      className={`progress progress-${size}${known ? '' : ' progress-none'}${tone === 'late' ? ' progress-late' : ''}`}
      role="progressbar"
      aria-label={label ?? 'Progress'}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(known
        ? { 'aria-valuenow': Math.round(clamped * 100) }
        : { 'aria-valuetext': 'no progress signal yet' })}
      title={known ? undefined : 'No signal yet: nothing beneath it has progress'}
    >
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${clamped * 100}%` }} />
      </span>
      <span className="progress-text" {...(testId ? { 'data-testid': `progress-${testId}` } : {})}>
        {text}
      </span>
    </div>
  );
}
