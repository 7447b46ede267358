/**
 * Create a person, or edit a profile with only the fields the API lets this user change
 * (people themselves do not change their manager, team, rates, capacity or public holidays). An edit sends the fields
 * that changed with the version they were changed from.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, type CreatePersonBody, type Person, type UpdatePersonBody } from '../../api/client';
import { invalidate, keys, useOrganization, useSkillsLookup } from '../../api/queries';
import { Drawer } from '../../components/drawer';
import { SaveError } from '../../components/edit-conflict';
import { Field, FieldError, FormActions, FormError, fieldError } from '../../components/form';
import {
  HolidayRegionSelect,
  LevelSelect,
  PersonSelect,
  SkillSelect,
  TeamSelect,
} from '../../components/pickers';
import { TagInput } from '../../components/tag-input';
import { useToast } from '../../components/toast';
import { emptyToNull } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useEditForm } from '../../lib/use-edit-form';
import { readNumber } from '../../lib/validate';

interface SkillRow {
  skillId: string | null;
  level: number;
}

const allFields = [
  'name',
  'email',
  'title',
  'managerId',
  'teamId',
  'capacityHoursPerWeek',
  'costRate',
  'billRate',
  'skills',
  'passions',
  'values',
  'growthGoals',
  'holidayRegion',
];

interface PersonFormProps {
  person?: Person;
  /** Manager, team, rates and capacity are not editable (a person editing their own profile). */
  restricted?: boolean;
  onClose: () => void;
}

/** The profile being edited, or none yet (version 0) while adding a person. */
interface Editing {
  version: number;
  person: Person | undefined;
}

interface GrowthRow {
  skillId: string | null;
  targetLevel: number;
}

function toForm({ person }: Editing) {
  const skills: SkillRow[] = person?.skills ?? [];
  const growth: GrowthRow[] = person?.growthGoals ?? [];
  return {
    name: person?.name ?? '',
    email: person?.email ?? '',
    title: person?.title ?? '',
    managerId: person?.managerId ?? null,
    teamId: person?.teamId ?? null,
    capacityHoursPerWeek: String(person?.capacityHoursPerWeek ?? 40),
    costRate: String(person?.costRate ?? 0),
    billRate: String(person?.billRate ?? 0),
    passions: person?.passions ?? [],
    values: person?.values ?? [],
    holidayRegion: person?.holidayRegion ?? null,
    skills,
    growth,
  };
}

export function PersonFormDrawer({ person: latest, restricted = false, onClose }: PersonFormProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notify = useToast();
  const edit = useEditForm<Editing, ReturnType<typeof toForm>>(
    { version: latest?.version ?? 0, person: latest },
    toForm,
  );
  const { form, setForm } = edit;
  const { skills, growth } = form;
  const organization = useOrganization();
  const orgRegion = organization.data?.holidays.region;
  const person = edit.base.person;
  // Rates the caller may not see arrive as null: their fields are hidden and never sent back.
  const showsRates = !person || (person.costRate !== null && person.billRate !== null);

  const save = useMutation({
    mutationFn: (version: number) => {
      const skillList = skills.filter((s): s is { skillId: string; level: number } => s.skillId !== null);
      const growthList = growth.filter(
        (g): g is { skillId: string; targetLevel: number } => g.skillId !== null,
      );
      const full: CreatePersonBody = {
        name: form.name,
        email: emptyToNull(form.email),
        title: form.title,
        managerId: form.managerId,
        teamId: form.teamId,
        capacityHoursPerWeek: readNumber(form.capacityHoursPerWeek, 'capacityHoursPerWeek') ?? 0,
        costRate: readNumber(form.costRate, 'costRate') ?? 0,
        billRate: readNumber(form.billRate, 'billRate') ?? 0,
        skills: skillList,
        passions: form.passions,
        values: form.values,
        growthGoals: growthList,
        holidayRegion: form.holidayRegion,
      };
      if (!person) return api.people.create(full);
      const body: UpdatePersonBody = { version };
      if (full.name !== person.name) body.name = full.name;
      if ((full.email ?? null) !== person.email) body.email = full.email;
      if (full.title !== person.title) body.title = full.title;
      if (!restricted) {
        if (full.managerId !== person.managerId) body.managerId = full.managerId;
        if (full.teamId !== person.teamId) body.teamId = full.teamId;
        if (full.capacityHoursPerWeek !== person.capacityHoursPerWeek)
          body.capacityHoursPerWeek = full.capacityHoursPerWeek;
        if (showsRates && full.costRate !== person.costRate) body.costRate = full.costRate;
        if (showsRates && full.billRate !== person.billRate) body.billRate = full.billRate;
        if (full.holidayRegion !== person.holidayRegion) body.holidayRegion = full.holidayRegion;
      }
      if (JSON.stringify(skillList) !== JSON.stringify(person.skills)) body.skills = skillList;
      if (JSON.stringify(form.passions) !== JSON.stringify(person.passions)) body.passions = form.passions;
      if (JSON.stringify(form.values) !== JSON.stringify(person.values)) body.values = form.values;
      if (JSON.stringify(growthList) !== JSON.stringify(person.growthGoals)) body.growthGoals = growthList;
      return api.people.update(person.id, body);
    },
    onSuccess: async (saved) => {
      notify(person ? 'Profile saved' : `${saved.name} added`);
      onClose();
      if (!person) await navigate(`/people/${saved.id}`);
      await invalidate.people(queryClient);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(edit.base.version);
  };
  const showTheirs = async () => {
    if (!person) return;
    const stored = await queryClient.fetchQuery({
      queryKey: keys.person(person.id),
      queryFn: () => api.people.get(person.id),
    });
    edit.reset({ version: stored.version, person: stored });
    save.reset();
    await invalidate.people(queryClient);
  };

  return (
    <Drawer title={person ? `Edit ${person.name}` : 'Add a person'} onClose={onClose} wide>
      <form className="stack" onSubmit={submit}>
        <div className="row">
          <Field label="Name" name="name" error={save.error} className="field-grow">
            {(props) => (
              <input
                {...props}
                autoFocus
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
              />
            )}
          </Field>
          <Field label="Title" name="title" error={save.error} className="field-grow">
            {(props) => (
              <input
                {...props}
                value={form.title}
                placeholder="e.g. Senior designer"
                onChange={(e) => setForm({ ...form, title: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field label="Email" name="email" error={save.error} hint="Used for their sign-in, if they get one.">
          {(props) => (
            <input
              {...props}
              type="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          )}
        </Field>
        {restricted ? (
          <p className="notice small">
            Your manager, team, capacity, rates and public holidays are set by your manager or a leader.
          </p>
        ) : (
          <>
            <div className="row">
              <Field label="Manager" name="managerId" error={save.error}>
                {(props) => (
                  <PersonSelect
                    {...props}
                    value={form.managerId}
                    onChange={(managerId) => setForm({ ...form, managerId })}
                    emptyLabel="No manager"
                    exclude={person ? [person.id] : []}
                  />
                )}
              </Field>
              <Field label="Team" name="teamId" error={save.error}>
                {(props) => (
                  <TeamSelect
                    {...props}
                    value={form.teamId}
                    onChange={(teamId) => setForm({ ...form, teamId })}
                    emptyLabel="No team"
                  />
                )}
              </Field>
            </div>
            <div className="row">
              <Field label="Capacity (hours/week)" name="capacityHoursPerWeek" error={save.error}>
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={form.capacityHoursPerWeek}
                    onChange={(e) => setForm({ ...form, capacityHoursPerWeek: e.target.value })}
                  />
                )}
              </Field>
              {showsRates ? (
                <>
                  <Field label="Cost rate (per hour)" name="costRate" error={save.error}>
                    {(props) => (
                      <input
                        {...props}
                        inputMode="decimal"
                        value={form.costRate}
                        onChange={(e) => setForm({ ...form, costRate: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label="Bill rate (per hour)" name="billRate" error={save.error}>
                    {(props) => (
                      <input
                        {...props}
                        inputMode="decimal"
                        value={form.billRate}
                        onChange={(e) => setForm({ ...form, billRate: e.target.value })}
                      />
                    )}
                  </Field>
                </>
              ) : null}
            </div>
            <Field
              label="Public holidays"
              name="holidayRegion"
              error={save.error}
              hint="Their public holidays are days off: the planner schedules no work on them."
            >
              {(props) => (
                <HolidayRegionSelect
                  {...props}
                  value={form.holidayRegion}
                  onChange={(holidayRegion) => setForm({ ...form, holidayRegion })}
                  emptyLabel={
                    // until the organization is read, say nothing rather than "none chosen"
                    organization.data === undefined
                      ? 'Organization’s'
                      : `Organization’s (${orgRegion ? orgRegion.name : 'none chosen'})`
                  }
                />
              )}
            </Field>
          </>
        )}
        <SkillRowsEditor
          legend="Skills"
          hint="Level 1 (learning) to 5 (expert)."
          rows={skills.map((s) => ({ skillId: s.skillId, level: s.level }))}
          onChange={(rows) => setForm({ ...form, skills: rows })}
          error={fieldError(save.error, 'skills')}
          addLabel="+ Add a skill"
        />
        <SkillRowsEditor
          legend="Growth goals"
          hint="Skills they want to grow, and to what level; the planner offers them stretch work."
          rows={growth.map((g) => ({ skillId: g.skillId, level: g.targetLevel }))}
          onChange={(rows) =>
            setForm({ ...form, growth: rows.map((r) => ({ skillId: r.skillId, targetLevel: r.level })) })
          }
          error={fieldError(save.error, 'growthGoals')}
          addLabel="+ Add a growth goal"
          levelLabel="Target level"
        />
        <Field
          label="Passions"
          name="passions"
          error={save.error}
          hint="What they love doing. Enter adds one."
        >
          {(props) => (
            <TagInput
              id={props.id}
              value={form.passions}
              onChange={(passions) => setForm({ ...form, passions })}
            />
          )}
        </Field>
        <Field label="Values" name="values" error={save.error} hint="What matters to them at work.">
          {(props) => (
            <TagInput id={props.id} value={form.values} onChange={(values) => setForm({ ...form, values })} />
          )}
        </Field>
        <SaveError
          error={save.error}
          fields={allFields}
          thing="profile"
          onShowTheirs={showTheirs}
          onSaveMine={(version) => save.mutate(version)}
          isSaving={save.isPending}
        />
        <FormActions>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : person ? 'Save profile' : 'Add person'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </FormActions>
      </form>
    </Drawer>
  );
}

interface SkillRowsEditorProps {
  legend: string;
  hint: string;
  rows: SkillRow[];
  onChange: (rows: SkillRow[]) => void;
  error: string | undefined;
  addLabel: string;
  levelLabel?: string;
}

function SkillRowsEditor({
  legend,
  hint,
  rows,
  onChange,
  error,
  addLabel,
  levelLabel = 'Level',
}: SkillRowsEditorProps) {
  const session = useSession();
  const skills = useSkillsLookup();
  const queryClient = useQueryClient();
  const [newSkill, setNewSkill] = useState('');
  const canCreateSkill = session.me.role !== 'member';
  const createSkill = useMutation({
    mutationFn: () => api.skills.create(newSkill),
    onSuccess: async (skill) => {
      setNewSkill('');
      onChange([...rows, { skillId: skill.id, level: 3 }]);
      await invalidate.catalog(queryClient);
    },
  });
  const used = new Set(rows.map((r) => r.skillId));
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <p className="muted small">{hint}</p>
      {rows.length > 0 ? (
        <ul className="skill-rows">
          {rows.map((row, index) => (
            <li key={`${row.skillId ?? 'new'}-${index}`} className="row">
              <SkillSelect
                aria-label={`${legend}: skill ${index + 1}`}
                value={row.skillId}
                onChange={(skillId) => onChange(rows.map((r, i) => (i === index ? { ...r, skillId } : r)))}
                emptyLabel="Choose a skill…"
              />
              <LevelSelect
                aria-label={`${levelLabel} of ${row.skillId ? (skills.byId.get(row.skillId)?.name ?? 'skill') : 'skill'}`}
                value={row.level}
                onChange={(level) =>
                  onChange(rows.map((r, i) => (i === index ? { ...r, level: level ?? 1 } : r)))
                }
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${row.skillId ? (skills.byId.get(row.skillId)?.name ?? 'skill') : 'row'}`}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldError message={error} />
      <div className="row">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            const free = skills.list.find((s) => !used.has(s.id));
            onChange([...rows, { skillId: free?.id ?? null, level: 3 }]);
          }}
          disabled={skills.list.length === 0}
        >
          {addLabel}
        </button>
        {canCreateSkill ? (
          <span className="row-tight">
            <input
              aria-label="New skill name"
              placeholder="New skill, e.g. Motion design"
              value={newSkill}
              onChange={(e) => setNewSkill(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (newSkill.trim()) createSkill.mutate();
                }
              }}
            />
            <button
              type="button"
              className="button button-small"
              disabled={!newSkill.trim() || createSkill.isPending}
              onClick={() => createSkill.mutate()}
            >
              Create skill
            </button>
          </span>
        ) : null}
      </div>
      <FormError error={createSkill.error} />
    </fieldset>
  );
}
