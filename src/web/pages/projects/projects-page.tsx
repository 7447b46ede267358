/** All projects, filterable by status, manager and client (kept in the URL), and a form to start one. */
import { Link, useSearchParams } from 'react-router-dom';
import type { ProjectListQuery } from '../../api/client';
import { ALL, useClientsLookup, useProjects } from '../../api/queries';
import { LateBadge, ProjectStatusBadge } from '../../components/badges';
import { Gate } from '../../components/gate';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { ClientSelect, PersonSelect } from '../../components/pickers';
import { PersonLink } from '../../components/person-link';
import { ProgressBar } from '../../components/progress-bar';
import { Empty, ErrorState, Loading } from '../../components/states';
import { fmtDate, fmtHours } from '../../lib/format';
import { useHotkeys } from '../../lib/hotkeys';
import { isProjectStatus, projectStatuses, projectStatusLabel } from '../../lib/labels';
import { reasons } from '../../lib/reasons';
import { useSession } from '../../lib/session';
import { ProjectFormDrawer } from './project-form';

export function ProjectsPage() {
  useDocumentTitle('Projects');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const managerId = params.get('manager');
  const clientId = params.get('client');
  const isCreating = params.get('new') === '1';
  const text = params.get('q') ?? '';
  const canCreate = session.can('projects.create');
  const query: ProjectListQuery = {
    limit: ALL,
    ...(isProjectStatus(status) ? { status } : {}),
    ...(managerId ? { managerId } : {}),
    ...(clientId ? { clientId } : {}),
  };
  const projects = useProjects(query);
  const clients = useClientsLookup();

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
  const filtered = Boolean(status || managerId || clientId || text);
  const needle = text.trim().toLowerCase();
  const items = (projects.data?.items ?? []).filter((p) => !needle || p.name.toLowerCase().includes(needle));

  return (
    <div className="page page-wide">
      <PageHeader
        title="Projects"
        actions={
          <Gate allowed={canCreate} reason={reasons.projectCreate}>
            {(gate) => (
              <button
                type="button"
                className="button button-primary"
                {...gate}
                onClick={() => setParam('new', '1')}
              >
                New project <kbd>n</kbd>
              </button>
            )}
          </Gate>
        }
      />
      <div className="filters" role="search" aria-label="Filter projects">
        <label className="filter-grow">
          <span>Name</span>
          <input
            type="search"
            data-search
            placeholder="Filter by name  ( / )"
            value={text}
            onChange={(e) => setParam('q', e.target.value || null)}
          />
        </label>
        <label>
          <span>Status</span>
          <select value={status} onChange={(e) => setParam('status', e.target.value || null)}>
            <option value="">Any status</option>
            {projectStatuses.map((s) => (
              <option key={s} value={s}>
                {projectStatusLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Manager</span>
          <PersonSelect value={managerId} onChange={(v) => setParam('manager', v)} emptyLabel="Anyone" />
        </label>
        <label>
          <span>Client</span>
          <ClientSelect value={clientId} onChange={(v) => setParam('client', v)} emptyLabel="Any client" />
        </label>
        {session.me.personId ? (
          <button
            type="button"
            className={`button button-small${managerId === session.me.personId ? ' is-active' : ''}`}
            onClick={() =>
              setParam('manager', managerId === session.me.personId ? null : session.me.personId)
            }
          >
            Managed by me
          </button>
        ) : null}
        {filtered ? (
          <button
            type="button"
            className="link-button"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            Clear filters
          </button>
        ) : null}
      </div>

      {projects.isPending ? (
        <Loading label="Loading projects…" />
      ) : projects.isError ? (
        <ErrorState error={projects.error} what="the projects" onRetry={() => void projects.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <Empty title="No project matches these filters">
            <button
              type="button"
              className="link-button"
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              Clear the filters
            </button>{' '}
            to see every project.
          </Empty>
        ) : (
          <Empty title="No projects yet">
            {canCreate ? (
              <>
                <button type="button" className="link-button" onClick={() => setParam('new', '1')}>
                  Create a project
                </button>
                , or open a goal on the <Link to="/strategy">strategy map</Link> and break it down into
                projects and tasks.
              </>
            ) : (
              'A manager creates projects, usually by breaking a goal down on the strategy map.'
            )}
          </Empty>
        )
      ) : (
        <div className="card card-flush">
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Status</th>
                  <th scope="col">Manager</th>
                  <th scope="col">Client</th>
                  <th scope="col">Deadline</th>
                  <th scope="col" className="num">
                    Tasks
                  </th>
                  <th scope="col" className="num">
                    Budget
                  </th>
                  <th scope="col" className="col-progress">
                    Progress
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/projects/${p.id}`} className="strong">
                        {p.name}
                      </Link>
                      {p.lateCount > 0 ? (
                        <>
                          {' '}
                          <LateBadge />
                        </>
                      ) : null}
                    </td>
                    <td>
                      <ProjectStatusBadge status={p.status} />
                    </td>
                    <td>
                      <PersonLink id={p.managerId} empty="no manager" />
                    </td>
                    <td>
                      {p.clientId ? (
                        (clients.byId.get(p.clientId)?.name ?? '…')
                      ) : (
                        <span className="muted">internal</span>
                      )}
                    </td>
                    <td className="nowrap">{fmtDate(p.deadline)}</td>
                    <td className="num">
                      {p.doneCount}/{p.taskCount}
                      {p.lateCount > 0 ? <span className="text-bad"> · {p.lateCount} late</span> : null}
                    </td>
                    <td className="num">{p.budgetHours !== null ? fmtHours(p.budgetHours) : '—'}</td>
                    <td>
                      <ProgressBar
                        value={p.progress}
                        size="sm"
                        testId={p.id}
                        label={`Progress of ${p.name}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {projects.data.total > projects.data.items.length ? (
            <p className="muted small table-note">
              Showing {projects.data.items.length} of {projects.data.total}. Narrow the filters to find the
              rest.
            </p>
          ) : null}
        </div>
      )}
      {isCreating && canCreate ? <ProjectFormDrawer onClose={() => setParam('new', null)} /> : null}
    </div>
  );
}
