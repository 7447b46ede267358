/**
 * A person's profile: reporting line, team, capacity, skills, passions, values, growth, time off, public
 * holidays and open work.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, type Person } from '../../api/client';
import {
  ALL,
  invalidate,
  usePeopleLookup,
  usePerson,
  useProjectsLookup,
  useSkillsLookup,
  useTasks,
  useTeamsLookup,
} from '../../api/queries';
import { Badge, LateBadge } from '../../components/badges';
import { Field, FormActions, FormError } from '../../components/form';
import { HolidayList } from '../../components/holiday-list';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Avatar, PersonLink } from '../../components/person-link';
import { levelNames } from '../../components/pickers';
import { SkillDots } from '../../components/skill-dots';
import { Empty, ErrorState, Loading } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { TaskStatusSelect } from '../../components/task-status-select';
import { useToast } from '../../components/toast';
import { daysBetween, fmtDate, fmtHours, fmtMoney, plural, relativeDue } from '../../lib/format';
import { roleLabel } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { useToday } from '../../lib/today';
import { GrowthPlanCard } from './growth-plan-card';
import { PersonFormDrawer } from './person-form';
import { OneOnOneAction, TalentCard } from './person-people-side';
import { RecognitionCard } from './recognition-card';

export function PersonPage() {
  const { id = '' } = useParams();
  return <PersonView key={id} id={id} />;
}

function PersonView({ id }: { id: string }) {
  const person = usePerson(id);
  useDocumentTitle(person.data?.name ?? 'Person');
  if (person.isPending) return <Loading label="Loading the profile…" />;
  if (person.isError)
    return <ErrorState error={person.error} what="this profile" onRetry={() => void person.refetch()} />;
  return <PersonContent person={person.data} />;
}

function PersonContent({ person }: { person: Person }) {
  const session = useSession();
  const people = usePeopleLookup();
  const teams = useTeamsLookup();
  const skills = useSkillsLookup();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [editing, setEditing] = useState(false);
  const isSelf = session.isMe(person.id);
  const isTheirManager = session.isMe(person.managerId);
  const canEditAll = session.can('people.write') || isTheirManager;
  const canEdit = canEditAll || isSelf;
  const canDelete = session.can('people.write') && !isSelf;
  const team = person.teamId ? teams.byId.get(person.teamId) : null;
  const reports = people.list
    .filter((p) => p.managerId === person.id)
    .sort((a, b) => a.name.localeCompare(b.name));
  const skillLevel = new Map(person.skills.map((s) => [s.skillId, s.level]));

  const remove = useMutation({
    mutationFn: () => api.people.remove(person.id),
    onSuccess: async () => {
      notify(`${person.name} removed`);
      await navigate('/people', { replace: true });
      await invalidate.people(queryClient);
    },
    onError: (error) => notify(error.message, 'bad'),
  });

  return (
    <div className="page">
      <PageHeader
        title={
          <span className="row-tight">
            <Avatar name={person.name} size="lg" /> {person.name}
          </span>
        }
        crumbs={[
          { label: 'People', to: '/people' },
          ...(team ? [{ label: team.name, to: `/people?team=${team.id}` }] : []),
        ]}
        actions={
          <>
            <OneOnOneAction person={person} />
            {canEdit ? (
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {isSelf && !canEditAll ? 'Edit my profile' : 'Edit profile'}
              </button>
            ) : null}
            {canDelete ? (
              <button
                type="button"
                className="button button-danger"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Remove ${person.name} from the organization? This cannot be undone.`))
                    remove.mutate();
                }}
              >
                Remove
              </button>
            ) : null}
          </>
        }
      >
        <div className="meta-row">
          <span>{person.title || <span className="muted">No title</span>}</span>
          {person.role ? <Badge tone="accent">{roleLabel[person.role]}</Badge> : <Badge>No sign-in</Badge>}
          {person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : null}
          {isSelf ? <Badge tone="good">You</Badge> : null}
        </div>
      </PageHeader>

      <div className="grid-main-side">
        <div className="stack">
          <section className="card" aria-labelledby="skills-heading">
            <h2 id="skills-heading">Skills</h2>
            {person.skills.length === 0 ? (
              <p className="muted small">
                {canEdit
                  ? 'No skills recorded yet. Edit the profile to add them.'
                  : 'No skills recorded yet.'}
              </p>
            ) : (
              <ul className="skill-list">
                {[...person.skills]
                  .sort((a, b) => b.level - a.level)
                  .map((s) => {
                    const goal = person.growthGoals.find((g) => g.skillId === s.skillId);
                    return (
                      <li key={s.skillId}>
                        <span>{skills.byId.get(s.skillId)?.name ?? '…'}</span>
                        <span className="row-tight">
                          <SkillDots level={s.level} target={goal?.targetLevel ?? null} />
                          <span className="muted small">{levelNames[s.level - 1]}</span>
                        </span>
                      </li>
                    );
                  })}
              </ul>
            )}
          </section>

          <section className="card" aria-labelledby="growth-heading">
            <h2 id="growth-heading">Growth goals</h2>
            {person.growthGoals.length === 0 ? (
              <p className="muted small">No growth goals yet: which skill do they want to grow?</p>
            ) : (
              <ul className="skill-list">
                {person.growthGoals.map((g) => {
                  const current = skillLevel.get(g.skillId) ?? 0;
                  return (
                    <li key={g.skillId}>
                      <span>{skills.byId.get(g.skillId)?.name ?? '…'}</span>
                      <span className="row-tight">
                        <SkillDots level={current} target={g.targetLevel} />
                        <span className="muted small">
                          {current ? `${current} → ${g.targetLevel}` : `new → ${g.targetLevel}`}
                        </span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <GrowthPlanCard person={person} />

          <div className="grid-2">
            <section className="card" aria-labelledby="passions-heading">
              <h2 id="passions-heading">Passions</h2>
              {person.passions.length === 0 ? (
                <p className="muted small">Not recorded yet.</p>
              ) : (
                <ul className="chips">
                  {person.passions.map((p) => (
                    <li key={p} className="chip">
                      {p}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="values-heading">
              <h2 id="values-heading">Values</h2>
              {person.values.length === 0 ? (
                <p className="muted small">Not recorded yet.</p>
              ) : (
                <ul className="chips">
                  {person.values.map((v) => (
                    <li key={v} className="chip chip-value">
                      {v}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          <RecognitionCard personId={person.id} name={person.name} />
          <OpenTasks person={person} />
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="place-heading">
            <h2 id="place-heading">Place in the organization</h2>
            <dl className="facts">
              <div>
                <dt>Manager</dt>
                <dd>
                  <PersonLink id={person.managerId} empty="none" />
                </dd>
              </div>
              <div>
                <dt>Team</dt>
                <dd>
                  {team ? (
                    <Link to={`/people?team=${team.id}`}>{team.name}</Link>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>Reports</dt>
                <dd>
                  {reports.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="plain-list compact">
                      {reports.map((r) => (
                        <li key={r.id}>
                          <Link to={`/people/${r.id}`}>{r.name}</Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              <div>
                <dt>Capacity</dt>
                <dd>{fmtHours(person.capacityHoursPerWeek)} a week</dd>
              </div>
              {person.costRate !== null && person.billRate !== null ? (
                // the server leaves rates out (null) for those who may not see them
                <div>
                  <dt>Rates</dt>
                  <dd>
                    cost {fmtMoney(person.costRate)}/h · bill {fmtMoney(person.billRate)}/h
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>
          <TalentCard person={person} />
          <TimeOffCard person={person} canEdit={canEditAll || isSelf} />
          <HolidaysCard person={person} />
        </div>
      </div>
      {editing ? (
        <PersonFormDrawer person={person} restricted={!canEditAll} onClose={() => setEditing(false)} />
      ) : null}
    </div>
  );
}

function OpenTasks({ person }: { person: Person }) {
  const tasks = useTasks({ assigneeId: person.id, limit: ALL });
  const projects = useProjectsLookup();
  const today = useToday();
  const open = (tasks.data?.items ?? [])
    .filter((t) => t.status !== 'done')
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  const hours = open.reduce((sum, t) => sum + Math.max(0, (t.estimateHours ?? 0) - t.loggedHours), 0);
  return (
    <section className="card" aria-labelledby="tasks-heading">
      <div className="card-title-row">
        <h2 id="tasks-heading">Open tasks</h2>
        <span className="muted small">
          {plural(open.length, 'task')} · {fmtHours(hours)} left
        </span>
      </div>
      {tasks.isPending ? (
        <Loading label="Loading tasks…" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} what="their tasks" onRetry={() => void tasks.refetch()} />
      ) : open.length === 0 ? (
        <Empty title="No open tasks assigned." />
      ) : (
        <ul className="plain-list">
          {open.map((t) => (
            <li key={t.id} className="task-glance">
              <div>
                <TaskLink id={t.id}>{t.title}</TaskLink> {t.isLate ? <LateBadge /> : null}
                <p className="muted small">
                  {t.projectId ? (
                    <Link to={`/projects/${t.projectId}`}>
                      {projects.byId.get(t.projectId)?.name ?? 'Project'}
                    </Link>
                  ) : (
                    'On a goal'
                  )}{' '}
                  · {relativeDue(t.deadline, today)}
                  {t.estimateHours !== null ? ` · ${fmtHours(t.estimateHours)}` : ''}
                </p>
              </div>
              <TaskStatusSelect task={t} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Whose public holidays are their days off (their own region, else the organization's), and the next ones. */
function HolidaysCard({ person }: { person: Person }) {
  const { region } = person.holidays;
  return (
    <section className="card" aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">Public holidays</h2>
      {region ? (
        <p className="small" data-testid="holiday-region">
          {region.name}{' '}
          <span className="muted">
            · {person.holidayRegion === null ? 'the organization’s' : 'their own region'}
          </span>
        </p>
      ) : null}
      <HolidayList holidays={person.holidays} label={`Next public holidays of ${person.name}`} />
    </section>
  );
}

function TimeOffCard({ person, canEdit }: { person: Person; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const today = useToday();
  const [form, setForm] = useState({ startDate: '', endDate: '', reason: '' });
  const add = useMutation({
    mutationFn: () => api.people.addTimeOff(person.id, form),
    onSuccess: async () => {
      notify('Time off added');
      setForm({ startDate: '', endDate: '', reason: '' });
      await invalidate.people(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: (timeOffId: string) => api.people.deleteTimeOff(person.id, timeOffId),
    onSuccess: async () => {
      notify('Time off removed');
      await invalidate.people(queryClient);
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const list = [...person.timeOff].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const upcoming = list.filter((t) => t.endDate >= today);
  const past = list.filter((t) => t.endDate < today);
  return (
    <section className="card" aria-labelledby="time-off-heading">
      <h2 id="time-off-heading">Time off</h2>
      {upcoming.length === 0 ? <p className="muted small">No time off coming up.</p> : null}
      <ul className="plain-list compact">
        {upcoming.map((t) => (
          <li key={t.id} className="row-between">
            <span>
              {fmtDate(t.startDate)}
              {t.endDate !== t.startDate ? ` – ${fmtDate(t.endDate)}` : ''}{' '}
              <span className="muted small">
                ({plural(daysBetween(t.startDate, t.endDate) + 1, 'day')}){t.reason ? ` · ${t.reason}` : ''}
              </span>
            </span>
            {canEdit ? (
              <button
                type="button"
                className="link-button small"
                onClick={() => remove.mutate(t.id)}
                disabled={remove.isPending}
                aria-label={`Delete time off from ${fmtDate(t.startDate)}`}
              >
                Delete
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {past.length > 0 ? (
        <details>
          <summary className="small">{plural(past.length, 'past absence', 'past absences')}</summary>
          <ul className="plain-list compact">
            {past.map((t) => (
              <li key={t.id} className="muted small">
                {fmtDate(t.startDate)} – {fmtDate(t.endDate)}
                {t.reason ? ` · ${t.reason}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canEdit ? (
        <form className="stack time-off-form" onSubmit={submit}>
          <div className="row">
            <Field label="From" name="startDate" error={add.error}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={form.startDate}
                  onChange={(e) =>
                    setForm({ ...form, startDate: e.target.value, endDate: form.endDate || e.target.value })
                  }
                />
              )}
            </Field>
            <Field label="To" name="endDate" error={add.error}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={form.endDate}
                  onChange={(e) => setForm({ ...form, endDate: e.target.value })}
                />
              )}
            </Field>
          </div>
          <Field label="Reason (optional)" name="reason" error={add.error}>
            {(props) => (
              <input
                {...props}
                value={form.reason}
                onChange={(e) => setForm({ ...form, reason: e.target.value })}
              />
            )}
          </Field>
          <FormError error={add.error} fields={['startDate', 'endDate', 'reason']} />
          <FormActions>
            <button type="submit" className="button button-small" disabled={add.isPending}>
              Add time off
            </button>
          </FormActions>
        </form>
      ) : null}
    </section>
  );
}
