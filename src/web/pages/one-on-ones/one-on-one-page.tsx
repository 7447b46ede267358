/**
 * The page a manager keeps open during a 1:1: the agenda (pre-filled with context, both can add),
 * shared notes, personal notes (clearly private), action items that carry over, and the report's
 * context beside it. The report sees the same page, without the other's personal notes.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { cadenceLabel, cadences } from '../../../core/people-side';
import {
  peopleSideApi,
  type ActionItem,
  type Cadence,
  type MeetingDetail,
  type OneOnOneDetail,
  type OneOnOneNote,
} from '../../api/people-side';
import { invalidateSide, sideKeys, useMeeting, useOneOnOne } from '../../api/people-side-queries';
import { usePeopleLookup } from '../../api/queries';
import { Badge, LateBadge } from '../../components/badges';
import { SaveError } from '../../components/edit-conflict';
import { FormError } from '../../components/form';
import { LockIcon } from '../../components/lock-icon';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Avatar, PersonLink } from '../../components/person-link';
import { levelNames } from '../../components/pickers';
import { SkillDots } from '../../components/skill-dots';
import { ErrorState, Loading } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { useToast } from '../../components/toast';
import { fmtDate, fmtDateTime, fmtHours, fmtShortDate, plural } from '../../lib/format';
import { useToday } from '../../lib/today';
import { CadenceBadge } from './cadence-badge';

export function OneOnOnePage() {
  const { id = '' } = useParams();
  return <OneOnOneView key={id} id={id} />;
}

function OneOnOneView({ id }: { id: string }) {
  const pair = useOneOnOne(id);
  const people = usePeopleLookup();
  const otherId = pair.data
    ? pair.data.myRole === 'manager'
      ? pair.data.reportId
      : pair.data.managerId
    : null;
  const other = otherId ? people.byId.get(otherId) : undefined;
  useDocumentTitle(other ? `1:1 with ${other.name}` : '1:1');
  if (pair.isPending) return <Loading label="Opening the 1:1…" />;
  if (pair.isError)
    return <ErrorState error={pair.error} what="this 1:1" onRetry={() => void pair.refetch()} />;
  return <OneOnOneContent pair={pair.data} otherName={other?.name ?? '…'} />;
}

function OneOnOneContent({ pair, otherName }: { pair: OneOnOneDetail; otherName: string }) {
  const [params, setParams] = useSearchParams();
  const current = pair.nextMeeting?.id ?? pair.meetings[0]?.id ?? null;
  const selected = params.get('meeting') ?? current;
  const meeting = useMeeting(pair.id, selected);
  const today = useToday();
  const first = otherName.split(' ')[0] ?? otherName;
  const subject = pair.kind === 'mentor' ? 'Mentoring 1:1' : '1:1';

  return (
    <div className="page page-wide">
      <PageHeader
        title={
          <span className="row-tight">
            <Avatar name={otherName} size="lg" /> {subject} with {otherName}
          </span>
        }
        crumbs={[{ label: '1:1s', to: '/one-on-ones' }]}
      >
        <div className="meta-row">
          <span>{cadenceLabel[pair.cadence]}</span>
          <span>Last held: {pair.lastHeldOn ? fmtDate(pair.lastHeldOn) : 'not yet'}</span>
          <CadenceBadge pair={pair} today={today} />
        </div>
        <p className="privacy-line">
          <LockIcon /> Only you and {first} can see this 1:1. Personal notes are yours alone — not {first},
          not managers above you, not admins.
        </p>
      </PageHeader>

      <div className="grid-main-side">
        <div className="stack">
          {meeting.isPending && selected ? (
            <Loading label="Loading the meeting…" />
          ) : meeting.isError ? (
            <ErrorState error={meeting.error} what="this meeting" onRetry={() => void meeting.refetch()} />
          ) : meeting.data ? (
            <MeetingView
              pair={pair}
              detail={meeting.data}
              otherName={otherName}
              onSelect={(meetingId) => setParams({ meeting: meetingId }, { replace: true })}
            />
          ) : (
            <NoMeeting pair={pair} />
          )}
          <ActionItems pair={pair} otherName={otherName} meetingId={selected} />
        </div>
        <div className="stack">
          <ContextCard pair={pair} name={otherName} />
          <History
            pair={pair}
            selected={selected}
            onSelect={(meetingId) => setParams({ meeting: meetingId }, { replace: true })}
          />
          <SettingsCard pair={pair} />
        </div>
      </div>
    </div>
  );
}

function NoMeeting({ pair }: { pair: OneOnOneDetail }) {
  const today = useToday();
  const [date, setDate] = useState(today);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => peopleSideApi.oneOnOnes.createMeeting(pair.id, date),
    onSuccess: () => invalidateSide.oneOnOnes(queryClient),
  });
  return (
    <section className="card">
      <h2>No meeting coming up</h2>
      <div className="row row-end">
        <label className="field">
          <span>Date</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button
          type="button"
          className="button button-primary"
          onClick={() => create.mutate()}
          disabled={create.isPending}
        >
          Plan the next 1:1
        </button>
      </div>
      <FormError error={create.error} />
    </section>
  );
}

function MeetingView({
  pair,
  detail,
  otherName,
  onSelect,
}: {
  pair: OneOnOneDetail;
  detail: MeetingDetail;
  otherName: string;
  onSelect: (meetingId: string) => void;
}) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const { meeting } = detail;
  const isUpcoming = meeting.status === 'upcoming';
  const refresh = () => invalidateSide.oneOnOnes(queryClient);
  const reschedule = useMutation({
    mutationFn: (date: string) => peopleSideApi.oneOnOnes.updateMeeting(pair.id, meeting.id, { date }),
    onSuccess: refresh,
    onError: (error) => notify(error.message, 'bad'),
  });
  const hold = useMutation({
    mutationFn: () => peopleSideApi.oneOnOnes.updateMeeting(pair.id, meeting.id, { status: 'held' }),
    onSuccess: async () => {
      notify('Marked as held. Open agenda items moved to the next 1:1.');
      await refresh();
      onSelect(meeting.id);
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  const open = detail.agenda.filter((a) => !a.isDiscussed).length;

  return (
    <>
      <section className="card meeting-head" aria-label="Meeting">
        <div className="row-between">
          <div>
            <p className="eyebrow">{isUpcoming ? 'Next 1:1' : 'Held 1:1'}</p>
            <h2>{fmtDate(meeting.date)}</h2>
          </div>
          <div className="row-tight">
            {isUpcoming ? (
              <>
                <label className="visually-hidden" htmlFor="meeting-date">
                  Reschedule
                </label>
                <input
                  id="meeting-date"
                  type="date"
                  value={meeting.date}
                  onChange={(e) => e.target.value && reschedule.mutate(e.target.value)}
                />
                <button
                  type="button"
                  className="button button-primary"
                  disabled={hold.isPending}
                  title={
                    open > 0 ? `${plural(open, 'open agenda item')} will move to the next 1:1` : undefined
                  }
                  onClick={() => hold.mutate()}
                >
                  Mark as held
                </button>
              </>
            ) : (
              <Badge tone="good">Held {meeting.heldAt ? fmtShortDate(meeting.heldAt) : ''}</Badge>
            )}
          </div>
        </div>
      </section>
      <Agenda pair={pair} detail={detail} otherName={otherName} />
      <div className="notes-grid">
        <SharedNotes pair={pair} detail={detail} otherName={otherName} />
        <PersonalNotes pair={pair} detail={detail} otherName={otherName} />
      </div>
    </>
  );
}

function Agenda({
  pair,
  detail,
  otherName,
}: {
  pair: OneOnOneDetail;
  detail: MeetingDetail;
  otherName: string;
}) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const [text, setText] = useState('');
  const myId = pair.myRole === 'manager' ? pair.managerId : pair.reportId;
  const refresh = () => invalidateSide.oneOnOnes(queryClient);
  const add = useMutation({
    mutationFn: () => peopleSideApi.oneOnOnes.addAgendaItem(pair.id, detail.meeting.id, text),
    onSuccess: async () => {
      setText('');
      await refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (item: { id: string; isDiscussed: boolean }) =>
      peopleSideApi.oneOnOnes.updateAgendaItem(pair.id, item.id, { isDiscussed: item.isDiscussed }),
    onSuccess: refresh,
    onError: (error) => notify(error.message, 'bad'),
  });
  const remove = useMutation({
    mutationFn: (itemId: string) => peopleSideApi.oneOnOnes.removeAgendaItem(pair.id, itemId),
    onSuccess: refresh,
    onError: (error) => notify(error.message, 'bad'),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) add.mutate();
  };
  const context = detail.agenda.filter((a) => a.source === 'context');
  const written = detail.agenda.filter((a) => a.source === 'person');

  return (
    <section className="card" aria-labelledby="agenda-heading">
      <div className="card-title-row">
        <h2 id="agenda-heading">Agenda</h2>
        <span className="muted small">Both of you can add to it</span>
      </div>
      {detail.agenda.length === 0 ? <p className="muted small">Nothing on the agenda yet.</p> : null}
      <ul className="agenda-list">
        {[...context, ...written].map((item) => (
          <li key={item.id} className={item.isDiscussed ? 'is-done' : undefined}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={item.isDiscussed}
                onChange={(e) => toggle.mutate({ id: item.id, isDiscussed: e.target.checked })}
                aria-label={`Discussed: ${item.text}`}
              />
              <span className="agenda-text">{item.text}</span>
            </label>
            <span className="agenda-meta small">
              {item.source === 'context' ? (
                <Badge
                  tone="accent"
                  title="Pre-filled by Tandem from their tasks, workload, growth goals and kudos"
                >
                  Context
                </Badge>
              ) : item.authorId === myId ? (
                <span className="muted">You</span>
              ) : (
                <span className="muted">{otherName.split(' ')[0]}</span>
              )}
              {item.authorId === null || item.authorId === myId ? (
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={`Remove “${item.text}” from the agenda`}
                  onClick={() => remove.mutate(item.id)}
                >
                  ×
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <form className="add-row" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="agenda-new">
          Add to the agenda
        </label>
        <input
          id="agenda-new"
          placeholder="Add to the agenda…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
        />
        <button type="submit" className="button" disabled={add.isPending || !text.trim()}>
          Add
        </button>
      </form>
      <FormError error={add.error} />
    </section>
  );
}

function NoteList({
  notes,
  pair,
  myId,
  otherName,
}: {
  notes: OneOnOneNote[];
  pair: OneOnOneDetail;
  myId: string;
  otherName: string;
}) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const remove = useMutation({
    mutationFn: (noteId: string) => peopleSideApi.oneOnOnes.removeNote(pair.id, noteId),
    onSuccess: () => invalidateSide.oneOnOnes(queryClient),
    onError: (error) => notify(error.message, 'bad'),
  });
  if (notes.length === 0) return null;
  return (
    <ul className="note-list">
      {notes.map((note) => (
        <li key={note.id}>
          <p className="note-body">{note.body}</p>
          <p className="muted small row-between">
            <span>
              {note.authorId === myId ? 'You' : otherName.split(' ')[0]} · {fmtDateTime(note.createdAt)}
            </span>
            {note.authorId === myId ? (
              <button
                type="button"
                className="link-button small"
                onClick={() => {
                  if (window.confirm('Delete this note?')) remove.mutate(note.id);
                }}
              >
                Delete
              </button>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

function useAddNote(pair: OneOnOneDetail, meetingId: string, visibility: 'shared' | 'private') {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => peopleSideApi.oneOnOnes.addNote(pair.id, meetingId, { body, visibility }),
    onSuccess: async () => {
      setBody('');
      await invalidateSide.oneOnOnes(queryClient);
    },
  });
  return { body, setBody, add };
}

function SharedNotes({
  pair,
  detail,
  otherName,
}: {
  pair: OneOnOneDetail;
  detail: MeetingDetail;
  otherName: string;
}) {
  const myId = pair.myRole === 'manager' ? pair.managerId : pair.reportId;
  const { body, setBody, add } = useAddNote(pair, detail.meeting.id, 'shared');
  const first = otherName.split(' ')[0];
  return (
    <section className="card" aria-labelledby="shared-heading">
      <div className="card-title-row">
        <h2 id="shared-heading">Shared notes</h2>
        <span className="muted small">You and {first}</span>
      </div>
      <NoteList notes={detail.sharedNotes} pair={pair} myId={myId} otherName={otherName} />
      <form
        className="stack note-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate();
        }}
      >
        <label className="visually-hidden" htmlFor="shared-note">
          Shared note
        </label>
        <textarea
          id="shared-note"
          rows={3}
          placeholder={`What you agreed — ${first} reads this too`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <FormError error={add.error} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={add.isPending || !body.trim()}>
            Add shared note
          </button>
        </div>
      </form>
    </section>
  );
}

function PersonalNotes({
  pair,
  detail,
  otherName,
}: {
  pair: OneOnOneDetail;
  detail: MeetingDetail;
  otherName: string;
}) {
  const myId = pair.myRole === 'manager' ? pair.managerId : pair.reportId;
  const { body, setBody, add } = useAddNote(pair, detail.meeting.id, 'private');
  const first = otherName.split(' ')[0];
  return (
    <section className="card private-card" aria-labelledby="private-heading">
      <div className="card-title-row">
        <h2 id="private-heading">
          <LockIcon /> Personal notes
        </h2>
        <Badge tone="stretch">Only you</Badge>
      </div>
      <p className="muted small">Private to you. {first} never sees these; nor does anyone else.</p>
      <NoteList notes={detail.privateNotes} pair={pair} myId={myId} otherName={otherName} />
      <form
        className="stack note-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate();
        }}
      >
        <label className="visually-hidden" htmlFor="personal-note">
          Personal note
        </label>
        <textarea
          id="personal-note"
          rows={3}
          placeholder="A note to yourself"
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <FormError error={add.error} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={add.isPending || !body.trim()}>
            Add personal note
          </button>
        </div>
      </form>
    </section>
  );
}

function ActionItems({
  pair,
  otherName,
  meetingId,
}: {
  pair: OneOnOneDetail;
  otherName: string;
  meetingId: string | null;
}) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const today = useToday();
  const myId = pair.myRole === 'manager' ? pair.managerId : pair.reportId;
  const otherId = pair.myRole === 'manager' ? pair.reportId : pair.managerId;
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(otherId);
  const [dueDate, setDueDate] = useState('');
  const refresh = () => invalidateSide.oneOnOnes(queryClient);
  const add = useMutation({
    mutationFn: () =>
      peopleSideApi.oneOnOnes.addActionItem(pair.id, {
        text,
        ownerId,
        dueDate: dueDate || null,
        meetingId,
      }),
    onSuccess: async () => {
      setText('');
      setDueDate('');
      await refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (item: ActionItem) =>
      peopleSideApi.oneOnOnes.updateActionItem(pair.id, item.id, { isDone: !item.isDone }),
    onSuccess: refresh,
    onError: (error) => notify(error.message, 'bad'),
  });
  const open = pair.actionItems.filter((a) => !a.isDone);
  const done = pair.actionItems.filter((a) => a.isDone);
  const nameOf = (id: string | null) =>
    id === myId ? 'You' : id === otherId ? otherName.split(' ')[0] : '—';

  const row = (item: ActionItem) => (
    <li key={item.id} className={item.isDone ? 'is-done' : undefined}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={item.isDone}
          onChange={() => toggle.mutate(item)}
          aria-label={`Done: ${item.text}`}
        />
        <span className="agenda-text">{item.text}</span>
      </label>
      <span className="agenda-meta small">
        <span className="muted">{nameOf(item.ownerId)}</span>
        {item.dueDate ? (
          <span className={!item.isDone && item.dueDate < today ? 'text-bad' : 'muted'}>
            due {fmtShortDate(item.dueDate)}
          </span>
        ) : null}
      </span>
    </li>
  );

  return (
    <section className="card" aria-labelledby="actions-heading">
      <div className="card-title-row">
        <h2 id="actions-heading">Action items</h2>
        <span className="muted small">Carry over from 1:1 to 1:1 until done</span>
      </div>
      {open.length === 0 ? (
        <p className="muted small">No open action items.</p>
      ) : (
        <ul className="agenda-list">{open.map(row)}</ul>
      )}
      <form
        className="add-row action-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) add.mutate();
        }}
      >
        <label className="visually-hidden" htmlFor="action-new">
          New action item
        </label>
        <input
          id="action-new"
          placeholder="New action item…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label className="visually-hidden" htmlFor="action-owner">
          Who does it
        </label>
        <select id="action-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
          <option value={otherId}>{otherName.split(' ')[0]}</option>
          <option value={myId}>Me</option>
        </select>
        <label className="visually-hidden" htmlFor="action-due">
          Due date
        </label>
        <input id="action-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        <button type="submit" className="button" disabled={add.isPending || !text.trim()}>
          Add action
        </button>
      </form>
      <FormError error={add.error} />
      {done.length > 0 ? (
        <details className="done-details">
          <summary className="small">
            {plural(done.length, 'done in the last 30 days', 'done in the last 30 days')}
          </summary>
          <ul className="agenda-list">{done.map(row)}</ul>
        </details>
      ) : null}
    </section>
  );
}

function ContextCard({ pair, name }: { pair: OneOnOneDetail; name: string }) {
  const { context } = pair;
  const first = name.split(' ')[0];
  const { workload } = context;
  const load = workload.capacityHours > 0 ? workload.plannedHours / workload.capacityHours : 0;
  return (
    <section className="card context-card" aria-labelledby="context-heading">
      <div className="card-title-row">
        <h2 id="context-heading">{pair.myRole === 'manager' ? `${first}'s context` : 'Your context'}</h2>
        <Link to={`/people/${context.personId}`} className="small">
          Profile →
        </Link>
      </div>

      <h3 className="subheading">This week</h3>
      <div
        className="load-bar"
        role="img"
        aria-label={`${fmtHours(workload.plannedHours)} planned of ${fmtHours(workload.capacityHours)} capacity`}
      >
        <span
          className={`load-fill${load > 1.1 ? ' is-over' : ''}`}
          style={{ width: `${Math.min(100, Math.round(load * 100))}%` }}
        />
      </div>
      <p className="small muted">
        {fmtHours(workload.plannedHours)} planned of {fmtHours(workload.capacityHours)} capacity ·{' '}
        {fmtHours(workload.loggedHours)} logged
        {workload.timeOffDays > 0 ? ` · ${plural(workload.timeOffDays, 'day')} off` : ''}
      </p>

      <h3 className="subheading">Late or blocked</h3>
      {context.lateTasks.length === 0 && context.blockedTasks.length === 0 ? (
        <p className="small muted">Nothing late or blocked.</p>
      ) : (
        <ul className="plain-list compact">
          {context.lateTasks.map((t) => (
            <li key={`late-${t.id}`} className="small">
              <TaskLink id={t.id}>{t.title}</TaskLink> <LateBadge />{' '}
              <span className="muted">{plural(t.daysLate, 'day')} late</span>
            </li>
          ))}
          {context.blockedTasks
            .filter((t) => !context.lateTasks.some((l) => l.id === t.id))
            .map((t) => (
              <li key={`blocked-${t.id}`} className="small">
                <TaskLink id={t.id}>{t.title}</TaskLink> <Badge tone="bad">Blocked</Badge>
              </li>
            ))}
        </ul>
      )}

      <h3 className="subheading">Growing</h3>
      {context.growthGoals.length === 0 ? (
        <p className="small muted">No growth goals yet — a good question for this 1:1.</p>
      ) : (
        <ul className="skill-list">
          {context.growthGoals.map((g) => (
            <li key={g.skillId} className="small">
              <span>{g.skillName}</span>
              <span className="row-tight">
                <SkillDots level={g.level} target={g.targetLevel} />
                <span className="muted">
                  {g.level ? levelNames[g.level - 1] : 'new'} → {g.targetLevel}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3 className="subheading">Recent kudos</h3>
      {context.recentKudos.length === 0 ? (
        <p className="small muted">None in the last 30 days.</p>
      ) : (
        <ul className="plain-list compact">
          {context.recentKudos.map((k) => (
            <li key={k.id} className="small">
              “{k.message}” — <PersonLink id={k.fromId} />
              {k.valueName ? (
                <>
                  {' '}
                  <span className="chip chip-value">{k.valueName}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({
  pair,
  selected,
  onSelect,
}: {
  pair: OneOnOneDetail;
  selected: string | null;
  onSelect: (meetingId: string) => void;
}) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Meetings</h2>
      <ul className="history-list">
        {pair.meetings.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className={`history-item${m.id === selected ? ' is-active' : ''}`}
              onClick={() => onSelect(m.id)}
              aria-current={m.id === selected ? 'true' : undefined}
            >
              <span>{fmtDate(m.date)}</span>
              <span className="small muted">
                {m.status === 'upcoming'
                  ? 'upcoming'
                  : `${plural(m.agendaCount, 'topic')} · ${plural(m.sharedNoteCount, 'note')}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface SettingsChange {
  cadence?: Cadence;
  isActive?: boolean;
  /** The pair's version the change was chosen from: the other participant may have changed it since. */
  version: number;
}

function SettingsCard({ pair }: { pair: OneOnOneDetail }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const update = useMutation({
    mutationFn: (body: SettingsChange) => peopleSideApi.oneOnOnes.update(pair.id, body),
    onSuccess: async () => {
      notify('Saved');
      await invalidateSide.oneOnOnes(queryClient);
    },
  });
  const showTheirs = async () => {
    await queryClient.fetchQuery({
      queryKey: sideKeys.oneOnOne(pair.id),
      queryFn: () => peopleSideApi.oneOnOnes.get(pair.id),
    });
    update.reset();
    await invalidateSide.oneOnOnes(queryClient);
  };
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Cadence</h2>
      <div className="row row-end">
        <label className="field">
          <span className="visually-hidden">How often</span>
          <select
            value={pair.cadence}
            onChange={(e) => update.mutate({ cadence: e.target.value as Cadence, version: pair.version })}
          >
            {cadences.map((c) => (
              <option key={c} value={c}>
                {cadenceLabel[c]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-small"
          onClick={() => update.mutate({ isActive: !pair.isActive, version: pair.version })}
        >
          {pair.isActive ? 'Pause' : 'Resume'}
        </button>
      </div>
      <SaveError
        error={update.error}
        thing="1:1"
        onShowTheirs={showTheirs}
        onSaveMine={(version) => {
          if (update.variables) update.mutate({ ...update.variables, version });
        }}
        isSaving={update.isPending}
      />
    </section>
  );
}
