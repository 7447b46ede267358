import { Link } from 'react-router-dom';
import { usePeopleLookup } from '../api/queries';
import { initials } from '../lib/format';

export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' }) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ backgroundColor: `hsl(${hash} 35% 42%)` }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}

/** A person's name linking to their profile; "Unassigned"/"—" when there is none. */
export function PersonLink({
  id,
  empty = '—',
  avatar,
}: {
  id: string | null | undefined;
  empty?: string;
  avatar?: boolean;
}) {
  const people = usePeopleLookup();
  if (!id) return <span className="muted">{empty}</span>;
  const person = people.byId.get(id);
  if (!person) return <span className="muted">…</span>;
  return (
    <Link to={`/people/${id}`} className="person-link">
      {avatar ? <Avatar name={person.name} size="sm" /> : null}
      {person.name}
    </Link>
  );
}
