/**
 * A person's growth plan on their profile: aspiration, mentor, skills to grow with the evidence (done
 * tasks that needed the skill), milestones, and what the planner reads from it. Shown to the people
 * who may read it; for anyone else the card says who can.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, type Person } from '../../api/client';
import { peopleSideApi, type GrowthPlan, type Milestone } from '../../api/people-side';
import { invalidateSide, sideKeys, useGrowthPlan } from '../../api/people-side-queries';
import { invalidate } from '../../api/queries';
import { Drawer } from '../../components/drawer';
import { SaveError } from '../../components/edit-conflict';
import { Field, FormActions, FormError } from '../../components/form';
import { LevelSelect, PersonSelect, SkillSelect } from '../../components/pickers';
import { PersonLink } from '../../components/person-link';
import { SkillDots } from '../../components/skill-dots';
import { Loading } from '../../components/states';
import { TaskLink } from '../../components/task-link';
import { useToast } from '../../components/toast';
import { fmtDate, fmtHours, plural } from '../../lib/format';
import { useToday } from '../../lib/today';
import { useEditForm } from '../../lib/use-edit-form';

export function GrowthPlanCard({ person }: { person: Person }) {
  const plan = useGrowthPlan(person.id);
  const [editing, setEditing] = useState(false);
  if (plan.isPending) return <Loading label="Loading the growth plan…" />;
  if (plan.isError) {
    const hidden = plan.error instanceof ApiError && plan.error.status === 403;
    return (
      <section className="card" id="growth-plan" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Growth plan</h2>
        <p className="muted small">
          {hidden
            ? `${person.name.split(' ')[0]}'s growth plan is for them, their managers, their mentor, owners and leaders. Their growth goals are below.`
            : plan.error.message}
        </p>
      </section>
    );
  }
  const data = plan.data;
  const hasPlan = data.updatedAt !== null || data.skills.length > 0;
  return (
    <section className="card" id="growth-plan" aria-labelledby="plan-heading">
      <div className="card-title-row">
        <h2 id="plan-heading">Growth plan</h2>
        {data.canEdit ? (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            {hasPlan ? 'Edit plan' : 'Start a plan'}
          </button>
        ) : null}
      </div>
      {!hasPlan ? (
        <p className="muted small">No growth plan yet: which skills, to what level, with whose help?</p>
      ) : (
        <div className="stack">
          {data.aspiration ? <p className="aspiration">“{data.aspiration}”</p> : null}
          <p className="small">
            Mentor: <PersonLink id={data.mentorId} empty="none yet" />
          </p>
          {data.skills.length > 0 ? (
            <ul className="plain-list growth-skills">
              {data.skills.map((s) => (
                <li key={s.skillId}>
                  <div className="row-between">
                    <span className="strong">{s.skillName}</span>
                    <span className="row-tight small">
                      <SkillDots level={s.level} target={s.targetLevel} />
                      {s.level === 0 ? 'new' : s.level} → {s.targetLevel}
                    </span>
                  </div>
                  <p className="muted small">
                    Evidence: {plural(s.evidence.doneTasks, 'task', 'tasks')} done with this skill
                    {s.evidence.hoursLogged > 0 ? ` · ${fmtHours(s.evidence.hoursLogged)} logged` : ''}
                    {s.evidence.recent.length > 0 ? ' — latest: ' : ''}
                    {s.evidence.recent.slice(0, 2).map((t, i) => (
                      <span key={t.id}>
                        {i > 0 ? ', ' : ''}
                        <TaskLink id={t.id}>{t.title}</TaskLink>
                      </span>
                    ))}
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
          <Milestones plan={data} />
          {data.plannerPreferences.length > 0 ? (
            <div className="planner-note small">
              <p className="strong">What the planner reads from this</p>
              <ul className="plain-list compact">
                {data.plannerPreferences.slice(0, 4).map((p) => (
                  <li key={p.skillId}>
                    Stretch work in <strong>{p.skillName}</strong> is preferred ({Math.round(p.weight * 100)}
                    %): {p.explanation}.
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
      {editing ? <PlanDrawer person={person} plan={data} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}

function Milestones({ plan }: { plan: GrowthPlan }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const today = useToday();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const refresh = () => invalidateSide.growth(queryClient);
  const add = useMutation({
    mutationFn: () =>
      peopleSideApi.growth.addMilestone(plan.personId, {
        title,
        dueDate: dueDate || null,
        skillId: plan.skills[0]?.skillId ?? null,
      }),
    onSuccess: async () => {
      setTitle('');
      setDueDate('');
      await refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (m: Milestone) =>
      peopleSideApi.growth.updateMilestone(plan.personId, m.id, { isDone: !m.isDone }),
    onSuccess: refresh,
    onError: (error) => notify(error.message, 'bad'),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) add.mutate();
  };
  return (
    <div>
      <h3 className="subheading">Milestones</h3>
      {plan.milestones.length === 0 ? <p className="muted small">No milestones yet.</p> : null}
      <ul className="agenda-list">
        {plan.milestones.map((m) => (
          <li key={m.id} className={m.isDone ? 'is-done' : undefined}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={m.isDone}
                disabled={!plan.canEditMilestones}
                onChange={() => toggle.mutate(m)}
                aria-label={`Done: ${m.title}`}
              />
              <span className="agenda-text">{m.title}</span>
            </label>
            <span className="agenda-meta small">
              {m.isDone ? (
                <span className="text-good">done {fmtDate(m.doneAt)}</span>
              ) : m.dueDate ? (
                <span className={m.dueDate < today ? 'text-bad' : 'muted'}>by {fmtDate(m.dueDate)}</span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {plan.canEditMilestones ? (
        <form className="add-row" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="milestone-new">
            New milestone
          </label>
          <input
            id="milestone-new"
            placeholder="New milestone…"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <label className="visually-hidden" htmlFor="milestone-due">
            Due
          </label>
          <input
            id="milestone-due"
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
          />
          <button type="submit" className="button button-small" disabled={!title.trim() || add.isPending}>
            Add
          </button>
        </form>
      ) : null}
      <FormError error={add.error} />
    </div>
  );
}

interface PlanSkill {
  skillId: string | null;
  targetLevel: number;
}

function planForm(plan: GrowthPlan) {
  const skills: PlanSkill[] = plan.skills.map((s) => ({ skillId: s.skillId, targetLevel: s.targetLevel }));
  return { aspiration: plan.aspiration, mentorId: plan.mentorId, skills };
}

function PlanDrawer({
  person,
  plan: latest,
  onClose,
}: {
  person: Person;
  plan: GrowthPlan;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const edit = useEditForm(latest, planForm);
  const { aspiration, mentorId, skills } = edit.form;
  const setAspiration = (value: string) => edit.setForm({ ...edit.form, aspiration: value });
  const setMentorId = (value: string | null) => edit.setForm({ ...edit.form, mentorId: value });
  const setSkills = (value: PlanSkill[]) => edit.setForm({ ...edit.form, skills: value });
  const save = useMutation({
    // the whole plan, with the version it was edited from (a plan not started yet has none)
    mutationFn: (version: number) =>
      peopleSideApi.growth.save(person.id, {
        aspiration,
        mentorId,
        skills: skills.flatMap((s) =>
          s.skillId ? [{ skillId: s.skillId, targetLevel: s.targetLevel }] : [],
        ),
        ...(version > 0 ? { version } : {}),
      }),
    onSuccess: async () => {
      notify('Growth plan saved');
      await Promise.all([invalidateSide.growth(queryClient), invalidate.people(queryClient)]);
      onClose();
    },
  });
  const showTheirs = async () => {
    const stored = await queryClient.fetchQuery({
      queryKey: sideKeys.growthPlan(person.id),
      queryFn: () => peopleSideApi.growth.plan(person.id),
    });
    edit.reset(stored);
    save.reset();
    await invalidate.people(queryClient);
  };
  return (
    <Drawer title={`Growth plan: ${person.name}`} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(edit.base.version);
        }}
      >
        <Field
          label="Aspiration"
          name="aspiration"
          error={save.error}
          hint="Where do they want to be in a year?"
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              maxLength={2000}
              value={aspiration}
              onChange={(e) => setAspiration(e.target.value)}
            />
          )}
        </Field>
        <Field label="Mentor" name="mentorId" error={save.error}>
          {(props) => (
            <PersonSelect
              {...props}
              value={mentorId}
              onChange={setMentorId}
              exclude={[person.id]}
              emptyLabel="No mentor"
            />
          )}
        </Field>
        <fieldset className="fieldset">
          <legend>Skills to grow (also the profile’s growth goals; the planner reads them)</legend>
          {skills.map((s, i) => (
            <div key={i} className="row row-end">
              <Field label="Skill" name={`skills.${i}`} error={save.error}>
                {(props) => (
                  <SkillSelect
                    {...props}
                    value={s.skillId}
                    onChange={(skillId) => setSkills(skills.map((x, j) => (j === i ? { ...x, skillId } : x)))}
                  />
                )}
              </Field>
              <Field label="Target level" name={`skills.${i}.targetLevel`} error={save.error}>
                {(props) => (
                  <LevelSelect
                    {...props}
                    value={s.targetLevel}
                    onChange={(level) =>
                      setSkills(skills.map((x, j) => (j === i ? { ...x, targetLevel: level ?? 3 } : x)))
                    }
                  />
                )}
              </Field>
              <button
                type="button"
                className="icon-button"
                aria-label="Remove this skill"
                onClick={() => setSkills(skills.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-small"
            onClick={() => setSkills([...skills, { skillId: null, targetLevel: 3 }])}
          >
            + Skill
          </button>
        </fieldset>
        <SaveError
          error={save.error}
          fields={['aspiration', 'mentorId', 'skills']}
          thing="growth plan"
          onShowTheirs={showTheirs}
          onSaveMine={(version) => save.mutate(version)}
          isSaving={save.isPending}
        />
        <FormActions>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            Save plan
          </button>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
        </FormActions>
      </form>
    </Drawer>
  );
}
