/** The people directory: search by name, filter by team and skill; owners and leaders add people. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type PersonListQuery } from '../../api/client';
import { ALL, keys, useSkillsLookup, useTeamsLookup } from '../../api/queries';
import { Badge } from '../../components/badges';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Avatar } from '../../components/person-link';
import { SkillSelect, TeamSelect } from '../../components/pickers';
import { SkillDots } from '../../components/skill-dots';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useHotkeys } from '../../lib/hotkeys';
import { roleLabel } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { PersonFormDrawer } from './person-form';

export function PeoplePage() {
  useDocumentTitle('People');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const teamId = params.get('team');
  const skillId = params.get('skill');
  const isCreating = params.get('new') === '1';
  const canCreate = session.can('people.write');
  const deferredQ = useDeferredValue(q.trim());
  const query: PersonListQuery = {
    limit: ALL,
    ...(deferredQ ? { q: deferredQ } : {}),
    ...(teamId ? { teamId } : {}),
    ...(skillId ? { skillId } : {}),
  };
  const people = useQuery({
    queryKey: keys.people(query),
    queryFn: () => api.people.list(query),
    placeholderData: keepPreviousData,
  });
  const teams = useTeamsLookup();
  const skills = useSkillsLookup();

  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key !== 'new' },
    );
  useHotkeys({ n: () => canCreate && setParam('new', '1') });
  const filtered = Boolean(q || teamId || skillId);
  const clear = () => setParams(new URLSearchParams(), { replace: true });

  return (
    <div className="page page-wide">
      <PageHeader
        title="People"
        actions={
          <>
            <Link to="/teams" className="button">
              Teams
            </Link>
            <Link to="/clients" className="button">
              Clients
            </Link>
            {canCreate ? (
              <button type="button" className="button button-primary" onClick={() => setParam('new', '1')}>
                Add person <kbd>n</kbd>
              </button>
            ) : null}
          </>
        }
      />
      <div className="filters" role="search" aria-label="Find people">
        <label className="filter-grow">
          <span>Search</span>
          <input
            type="search"
            data-search
            placeholder="Name, title or email  ( / )"
            value={q}
            onChange={(e) => setParam('q', e.target.value || null)}
          />
        </label>
        <label>
          <span>Team</span>
          <TeamSelect value={teamId} onChange={(v) => setParam('team', v)} emptyLabel="Any team" />
        </label>
        <label>
          <span>Skill</span>
          <SkillSelect value={skillId} onChange={(v) => setParam('skill', v)} emptyLabel="Any skill" />
        </label>
        {filtered ? (
          <button type="button" className="link-button" onClick={clear}>
            Clear
          </button>
        ) : null}
      </div>
      {people.isPending ? (
        <Loading label="Loading people…" />
      ) : people.isError ? (
        <ErrorState error={people.error} what="the people directory" onRetry={() => void people.refetch()} />
      ) : people.data.items.length === 0 ? (
        filtered ? (
          <Empty title="Nobody matches">
            <button type="button" className="link-button" onClick={clear}>
              Clear the search and filters
            </button>
          </Empty>
        ) : (
          <Empty title="No people yet">
            {canCreate ? (
              <button type="button" className="link-button" onClick={() => setParam('new', '1')}>
                Add the first person
              </button>
            ) : (
              'An owner or leader adds people.'
            )}
          </Empty>
        )
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {people.data.total === 1 ? '1 person' : `${people.data.total} people`}
            {people.isFetching ? ' · updating…' : ''}
          </p>
          <ul className="people-grid">
            {people.data.items.map((p) => {
              const topSkills = [...p.skills].sort((a, b) => b.level - a.level).slice(0, 3);
              const team = p.teamId ? teams.byId.get(p.teamId) : null;
              return (
                <li key={p.id}>
                  <Link to={`/people/${p.id}`} className="person-card card">
                    <div className="person-card-head">
                      <Avatar name={p.name} size="lg" />
                      <div>
                        <span className="person-card-name">{p.name}</span>
                        <span className="muted small">{p.title || 'No title'}</span>
                        {team ? <span className="muted small">{team.name}</span> : null}
                      </div>
                      {p.role ? (
                        <Badge tone={p.role === 'member' ? 'neutral' : 'accent'}>{roleLabel[p.role]}</Badge>
                      ) : null}
                    </div>
                    {topSkills.length > 0 ? (
                      <ul className="skill-list compact">
                        {topSkills.map((s) => (
                          <li key={s.skillId}>
                            <span>{skills.byId.get(s.skillId)?.name ?? '…'}</span>
                            <SkillDots level={s.level} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="muted small">No skills recorded yet.</p>
                    )}
                    {p.passions.length > 0 ? (
                      <p className="small muted person-card-passions">
                        ♥ {p.passions.slice(0, 3).join(', ')}
                      </p>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {isCreating && canCreate ? <PersonFormDrawer onClose={() => setParam('new', null)} /> : null}
    </div>
  );
}
