import type { ReactNode } from 'react';
import { confidenceLabel, confidenceTone } from '../lib/format';
import { labelOf, projectStatusLabel, taskStatusLabel } from '../lib/labels';

type Tone = 'neutral' | 'accent' | 'good' | 'warn' | 'bad' | 'stretch';

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: Tone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

export function StretchBadge() {
  return (
    <Badge tone="stretch" title="A stretch goal: pushing the envelope, not a commitment">
      Stretch
    </Badge>
  );
}

const taskTone: Record<string, Tone> = { todo: 'neutral', doing: 'accent', blocked: 'bad', done: 'good' };
export function TaskStatusBadge({ status }: { status: string }) {
  return <Badge tone={taskTone[status] ?? 'neutral'}>{labelOf(taskStatusLabel, status)}</Badge>;
}

const projectTone: Record<string, Tone> = {
  planned: 'neutral',
  active: 'accent',
  on_hold: 'warn',
  done: 'good',
  cancelled: 'neutral',
};
export function ProjectStatusBadge({ status }: { status: string }) {
  return <Badge tone={projectTone[status] ?? 'neutral'}>{labelOf(projectStatusLabel, status)}</Badge>;
}

export function ConfidenceBadge({ value }: { value: number | null | undefined }) {
  const tone = confidenceTone(value);
  return (
    <span className={`confidence confidence-${tone}`} title="Confidence from the latest check-in (0–1)">
      <span className="confidence-dot" aria-hidden="true" />
      {confidenceLabel(value)}
    </span>
  );
}

export function LateBadge() {
  return <Badge tone="bad">Late</Badge>;
}
