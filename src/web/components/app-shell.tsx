/** The signed-in frame: navigation, the account, global shortcuts and the task drawer. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { useLiveUpdates } from '../api/live';
import { useMe } from '../api/queries';
import { useHotkeys } from '../lib/hotkeys';
import { roleLabel } from '../lib/labels';
import { useSession } from '../lib/session';
import { TASK_PARAM } from '../lib/task-link';
import { ChangePasswordRequired } from '../pages/auth/change-password';
import { TaskDrawer } from '../pages/tasks/task-drawer';
import { Drawer } from './drawer';
import { PeopleNav, peopleShortcuts } from './people-nav';
import { Avatar } from './person-link';
import { PlanningNav, planningShortcuts } from './planning-nav';
import { ErrorState, Loading } from './states';

export function AppShell() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <div className="splash">
        <Loading label="Opening Tandem…" />
      </div>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = `${location.pathname}${location.search}`;
      return (
        <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />
      );
    }
    return (
      <div className="splash">
        <ErrorState error={me.error} what="your account" onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data.mustChangePassword) return <ChangePasswordRequired name={me.data.name} />;
  return <SignedInShell />;
}

const mainNav = [
  { to: '/', label: 'Home', keys: 'g h', end: true },
  { to: '/strategy', label: 'Strategy', keys: 'g s', end: false },
  { to: '/projects', label: 'Projects', keys: 'g p', end: false },
  { to: '/people', label: 'People', keys: 'g e', end: false },
] as const;

const moreNav = [
  { to: '/teams', label: 'Teams' },
  { to: '/clients', label: 'Clients' },
  { to: '/settings', label: 'Settings' },
] as const;

function SignedInShell() {
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [menuOpen, setMenuOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const taskId = params.get(TASK_PARAM);
  // one event stream for as long as someone is signed in: other people's changes appear without reloading
  useLiveUpdates(me.userId);

  useHotkeys({
    'g h': () => void navigate('/'),
    'g s': () => void navigate('/strategy'),
    'g p': () => void navigate('/projects'),
    'g e': () => void navigate('/people'),
    'g t': () => void navigate('/teams'),
    'g c': () => void navigate('/clients'),
    'g ,': () => void navigate('/settings'),
    '/': () => {
      const search = document.querySelector<HTMLElement>('[data-search]');
      search?.focus();
    },
    '?': () => setHelpOpen(true),
  });

  const closeTask = () =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete(TASK_PARAM);
      return next;
    });

  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.auth.logout();
    } finally {
      // leave the signed-in screens first, so nothing renders without an account
      await navigate('/sign-in', { replace: true });
      queryClient.clear();
    }
  };

  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <Link to="/" className="brand-link" onClick={() => setMenuOpen(false)}>
            <span className="brand-mark" aria-hidden="true" />
            <span>
              <span className="brand-name">Tandem</span>
              <span className="brand-org">{me.organization.name}</span>
            </span>
          </Link>
          <button
            type="button"
            className="menu-toggle icon-button"
            aria-expanded={menuOpen}
            aria-controls="primary-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">{menuOpen ? '×' : '☰'}</span>
            <span className="visually-hidden">Menu</span>
          </button>
        </div>
        <nav id="primary-nav" className="nav" aria-label="Main">
          <ul>
            {mainNav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} onClick={() => setMenuOpen(false)}>
                  <span>{item.label}</span>
                  <kbd className="nav-keys" aria-hidden="true">
                    {item.keys}
                  </kbd>
                </NavLink>
              </li>
            ))}
          </ul>
          <PlanningNav onNavigate={() => setMenuOpen(false)} />
          <PeopleNav onNavigate={() => setMenuOpen(false)} />
          <ul className="nav-secondary">
            {moreNav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} onClick={() => setMenuOpen(false)}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="account">
            <div className="account-who">
              <Avatar name={me.name} />
              <div>
                {me.personId ? (
                  <Link
                    to={`/people/${me.personId}`}
                    className="account-name"
                    onClick={() => setMenuOpen(false)}
                  >
                    {me.name}
                  </Link>
                ) : (
                  <span className="account-name">{me.name}</span>
                )}
                <span className="account-role">{roleLabel[me.role]}</span>
              </div>
            </div>
            <div className="account-actions">
              <button type="button" className="link-button" onClick={() => setHelpOpen(true)}>
                Shortcuts <kbd>?</kbd>
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => void signOut()}
                disabled={signingOut}
              >
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
            </div>
          </div>
        </nav>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      {taskId ? <TaskDrawer key={taskId} taskId={taskId} onClose={closeTask} /> : null}
      {helpOpen ? <ShortcutsHelp onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}

const shortcuts: [string, string][] = [
  ['g h', 'Home'],
  ['g s', 'Strategy map'],
  ['g p', 'Projects'],
  ['g e', 'People'],
  ['g t', 'Teams'],
  ['g c', 'Clients'],
  ['g ,', 'Settings'],
  ['/', 'Focus the search or filter of the page'],
  ['1 2 3', 'Project page: List, Board, Timeline'],
  ['n', 'Project page: new task; lists: new item'],
  ['← →', 'Board: move the focused card to the previous/next column'],
  ['Ctrl/⌘ Enter', 'Decomposition: create the projects and tasks'],
  ['Esc', 'Close a drawer'],
  ...planningShortcuts,
  ...peopleShortcuts,
  ['?', 'This list'],
];

function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Drawer title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcuts">
        {shortcuts.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              {keys.split(' ').map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Drawer>
  );
}
