/**
 * A control the signed-in user may not use. Whether they may is the server's answer (a record's `can`,
 * or `me.can` for the organization); the page only puts the reason into words (lib/reasons.ts). The
 * control is disabled and carries the reason as its tooltip and as its accessible description, so a
 * mouse user and a screen reader both learn why, and nothing is offered that would answer 403.
 *
 *   <Gate allowed={task.can.delete} reason={reasons.taskWrite(task)}>
 *     {(gate) => <button {...gate} onClick={…}>Delete</button>}
 *   </Gate>
 */
import { useId, type ReactNode } from 'react';

/** Spread onto the control (after its own props); empty when the action is allowed. */
export interface GateProps {
  disabled?: true;
  title?: string;
  'aria-describedby'?: string;
}

interface Props {
  allowed: boolean;
  reason: string;
  children: (gate: GateProps) => ReactNode;
}

export function Gate({ allowed, reason, children }: Props) {
  const id = useId();
  if (allowed) return <>{children({})}</>;
  return (
    <>
      {children({ disabled: true, title: reason, 'aria-describedby': id })}
      <span id={id} className="visually-hidden" data-denied-reason="">
        {reason}
      </span>
    </>
  );
}
