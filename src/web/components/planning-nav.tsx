/** The manager's side of the navigation (planner, workload) and its shortcuts. */
import { NavLink, useNavigate } from 'react-router-dom';
import type { Action } from '../../core/roles';
import { useHotkeys } from '../lib/hotkeys';
import { useSession } from '../lib/session';

export const planningNav: readonly { to: string; label: string; keys: string; action: Action }[] = [
  { to: '/planner', label: 'Planner', keys: 'g n', action: 'plans.create' },
  { to: '/workload', label: 'Workload', keys: 'g w', action: 'planning.view' },
];

/** Shortcut lines for the help drawer. */
export const planningShortcuts: [string, string][] = planningNav.map((item) => [item.keys, item.label]);

export function PlanningNav({ onNavigate }: { onNavigate: () => void }) {
  const session = useSession();
  const navigate = useNavigate();
  const items = planningNav.filter((item) => session.can(item.action));
  useHotkeys(Object.fromEntries(items.map((item) => [item.keys, () => void navigate(item.to)])));
  if (items.length === 0) return null;
  return (
    <ul className="nav-planning" aria-label="Planning">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} onClick={onNavigate}>
            <span>{item.label}</span>
            <kbd className="nav-keys" aria-hidden="true">
              {item.keys}
            </kbd>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
