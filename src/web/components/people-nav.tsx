/** The leader's side of the navigation (1:1s, kudos, growth, pulse, talent) and its shortcuts. */
import { NavLink, useNavigate } from 'react-router-dom';
import { useHotkeys } from '../lib/hotkeys';
import { useSession } from '../lib/session';

export const peopleNav = [
  { to: '/one-on-ones', label: '1:1s', keys: 'g o' },
  { to: '/kudos', label: 'Kudos', keys: 'g k' },
  { to: '/growth', label: 'My growth', keys: 'g r' },
  { to: '/pulse', label: 'Pulse', keys: 'g u' },
  { to: '/talent', label: 'Talent', keys: 'g l' },
] as const;

/** Shortcut lines for the help drawer. */
export const peopleShortcuts: [string, string][] = peopleNav.map((item) => [item.keys, item.label]);

export function PeopleNav({ onNavigate }: { onNavigate: () => void }) {
  const { me } = useSession();
  const navigate = useNavigate();
  useHotkeys(Object.fromEntries(peopleNav.map((item) => [item.keys, () => void navigate(item.to)])));
  // members see the talent review only of people below them; the page says so, the menu does not offer it
  const items = peopleNav.filter((item) => item.to !== '/talent' || me.role !== 'member');
  return (
    <ul className="nav-people" aria-label="People">
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
