/** The strategy map: the vision on top, pillars as columns, objectives → key results → projects inside. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type Organization, type Pillar, type StrategyMap, type StrategyNode } from '../../api/client';
import { invalidate, keys, usePeopleLookup, usePillars, useStrategy } from '../../api/queries';
import { StretchBadge } from '../../components/badges';
import { SaveError } from '../../components/edit-conflict';
import { Field, FormActions, FormError } from '../../components/form';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { ProgressBar } from '../../components/progress-bar';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { horizonLabel, kindLabel, labelOf } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { useEditForm } from '../../lib/use-edit-form';
import { AddObjective } from './add-objective';

export function StrategyPage() {
  useDocumentTitle('Strategy');
  const strategy = useStrategy();
  const session = useSession();
  if (strategy.isPending) return <Loading label="Drawing the strategy map…" />;
  if (strategy.isError) {
    return (
      <ErrorState error={strategy.error} what="the strategy map" onRetry={() => void strategy.refetch()} />
    );
  }
  const map = strategy.data;
  const canEditVision = session.can('org.update');
  const canAddPillar = session.can('pillars.write');
  const canAddGoal = session.can('goals.write');

  return (
    <div className="page page-wide">
      <PageHeader title="Strategy map" />
      <VisionBanner map={map} canEdit={canEditVision} />
      {map.pillars.length === 0 && !canAddPillar ? (
        <Empty title="No strategic pillars yet">
          An owner or leader adds the pillars (the themes of the strategy); objectives then sit under them.
        </Empty>
      ) : null}
      <div className="pillars" role="list" aria-label="Strategic pillars">
        {map.pillars.map((pillar) => (
          <PillarColumn
            key={pillar.id}
            pillar={pillar}
            canAddGoal={canAddGoal}
            canEditPillar={canAddPillar}
          />
        ))}
        {canAddPillar ? <AddPillar position={map.pillars.length} /> : null}
      </div>
      {map.unaligned.length > 0 ? (
        <section className="section" aria-labelledby="unaligned-heading">
          <h2 id="unaligned-heading">Objectives without a pillar</h2>
          <p className="muted small">
            These objectives do not trace to a pillar yet; open one, choose Edit and pick its pillar.
          </p>
          <div className="unaligned">
            {map.unaligned.map((node) => (
              <NodeCard key={node.id} node={node} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}

const visionForm = (org: Organization) => ({ vision: org.vision, horizon: org.visionHorizon });

function VisionBanner({ map, canEdit }: { map: StrategyMap; canEdit: boolean }) {
  const org = map.organization;
  const [editing, setEditing] = useState(false);
  const edit = useEditForm(org, visionForm);
  const { vision, horizon } = edit.form;
  const setVision = (value: string) => edit.setForm({ ...edit.form, vision: value });
  const setHorizon = (value: string) => edit.setForm({ ...edit.form, horizon: value });
  const queryClient = useQueryClient();
  const notify = useToast();
  const save = useMutation({
    // only what changed, with the version it was changed from
    mutationFn: (version: number) =>
      api.organization.update({
        ...(vision !== edit.base.vision ? { vision } : {}),
        ...(horizon !== edit.base.visionHorizon ? { visionHorizon: horizon } : {}),
        version,
      }),
    onSuccess: async (saved) => {
      setEditing(false);
      edit.reset(saved);
      notify('Vision saved');
      await invalidate.strategy(queryClient);
    },
  });
  const start = () => {
    edit.discard();
    save.reset();
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(edit.base.version);
  };
  const showTheirs = async () => {
    const stored = await queryClient.fetchQuery({
      queryKey: keys.organization,
      queryFn: api.organization.get,
    });
    edit.reset(stored);
    save.reset();
    await invalidate.strategy(queryClient);
  };

  return (
    <section className="vision-banner card" aria-labelledby="vision-heading">
      <div className="vision-text">
        <p className="eyebrow" id="vision-heading">
          Vision{org.visionHorizon && !editing ? ` · ${org.visionHorizon}` : ''}
        </p>
        {editing ? (
          <form onSubmit={submit} className="stack">
            <Field label="Vision statement" name="vision" error={save.error}>
              {(props) => (
                <textarea
                  {...props}
                  rows={3}
                  autoFocus
                  value={vision}
                  onChange={(e) => setVision(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      save.mutate(edit.base.version);
                    }
                  }}
                  placeholder="Where are we going, and why does it matter?"
                />
              )}
            </Field>
            <Field label="Horizon" name="visionHorizon" error={save.error} hint="e.g. 2028, or “three years”">
              {(props) => <input {...props} value={horizon} onChange={(e) => setHorizon(e.target.value)} />}
            </Field>
            <SaveError
              error={save.error}
              fields={['vision', 'visionHorizon']}
              thing="vision"
              onShowTheirs={showTheirs}
              onSaveMine={(version) => save.mutate(version)}
              isSaving={save.isPending}
            />
            <FormActions>
              <button type="submit" className="button button-primary" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save vision'}
              </button>
              <button type="button" className="button" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </FormActions>
          </form>
        ) : org.vision ? (
          <p className="vision-statement">{org.vision}</p>
        ) : (
          <p className="muted">
            {canEdit
              ? 'No vision yet. Write the sentence everything else here should trace back to.'
              : 'No vision written yet. An owner or leader writes it here.'}
          </p>
        )}
        {canEdit && !editing ? (
          <button type="button" className="button button-small" onClick={start}>
            {org.vision ? 'Edit vision' : 'Write the vision'}
          </button>
        ) : null}
      </div>
      <div className="vision-progress">
        <p className="eyebrow">Progress toward the vision</p>
        <ProgressBar
          value={org.progress}
          size="lg"
          testId={`org-${org.id}`}
          label="Progress toward the vision"
        />
      </div>
    </section>
  );
}

function PillarColumn({
  pillar,
  canAddGoal,
  canEditPillar,
}: {
  pillar: StrategyNode;
  canAddGoal: boolean;
  canEditPillar: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const pillars = usePillars();
  // the pillar's own record: its description, and the version an edit is made from
  const record = pillars.data?.items.find((p) => p.id === pillar.id);
  const description = record?.description ?? '';
  return (
    <section
      className="pillar"
      role="listitem"
      aria-labelledby={`pillar-${pillar.id}`}
      data-testid={`pillar-${pillar.id}`}
    >
      <header className="pillar-header">
        {editing && record ? (
          <EditPillar pillar={record} onDone={() => setEditing(false)} />
        ) : (
          <>
            <div className="row-between">
              <h2 id={`pillar-${pillar.id}`}>{pillar.title}</h2>
              {canEditPillar && record ? (
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => setEditing(true)}
                  aria-label={`Edit pillar ${pillar.title}`}
                >
                  Edit
                </button>
              ) : null}
            </div>
            {description ? <p className="muted small pillar-description">{description}</p> : null}
          </>
        )}
        <ProgressBar
          value={pillar.progress}
          testId={pillar.id}
          label={`Progress of pillar ${pillar.title}`}
        />
      </header>
      <div className="pillar-body">
        {pillar.children.length === 0 ? (
          <p className="muted small">
            {canAddGoal ? 'No objectives yet. Add the first one below.' : 'No objectives yet.'}
          </p>
        ) : (
          pillar.children.map((node) => <NodeCard key={node.id} node={node} />)
        )}
      </div>
      <AddObjective pillarId={pillar.id} allowed={canAddGoal} />
    </section>
  );
}

function nodeHref(node: StrategyNode): string {
  return node.kind === 'project' ? `/projects/${node.id}` : `/goals/${node.id}`;
}

/** One objective, key result or project, with what is nested beneath it. */
function NodeCard({ node }: { node: StrategyNode }) {
  const people = usePeopleLookup();
  const owner = node.ownerId ? people.byId.get(node.ownerId)?.name : null;
  const projects = node.children.filter((c) => c.kind === 'project');
  const goals = node.children.filter((c) => c.kind !== 'project');
  if (node.kind === 'project') {
    return (
      <Link to={nodeHref(node)} className="project-chip" data-testid={`goal-card-${node.id}`}>
        <span className="project-chip-name">
          <span className="kind-dot kind-project" aria-hidden="true" />
          {node.title}
        </span>
        <ProgressBar
          value={node.progress}
          size="sm"
          testId={node.id}
          label={`Progress of project ${node.title}`}
        />
      </Link>
    );
  }
  const dimmed =
    node.status === 'dropped' ? ' node-dropped' : node.status === 'achieved' ? ' node-achieved' : '';
  return (
    <article className={`node-card node-${node.kind}${dimmed}`} data-testid={`goal-card-${node.id}`}>
      <Link to={nodeHref(node)} className="node-head">
        <span className="node-meta">
          <span className="node-kind">{labelOf(kindLabel, node.kind)}</span>
          {node.horizon ? <span>{labelOf(horizonLabel, node.horizon)}</span> : null}
          {node.status !== 'active' ? <span>{node.status}</span> : null}
          {owner ? <span className="node-owner">{owner}</span> : null}
        </span>
        <span className="node-title">
          {node.title} {node.isStretch ? <StretchBadge /> : null}
        </span>
      </Link>
      <ProgressBar value={node.progress} size="sm" testId={node.id} label={`Progress of ${node.title}`} />
      {goals.length > 0 ? (
        <div className="node-children">
          {goals.map((child) => (
            <NodeCard key={child.id} node={child} />
          ))}
        </div>
      ) : null}
      {projects.length > 0 ? (
        <div className="node-projects">
          {projects.map((child) => (
            <NodeCard key={child.id} node={child} />
          ))}
        </div>
      ) : node.kind === 'key_result' && goals.length === 0 ? (
        <Link to={`/goals/${node.id}#decompose`} className="no-work">
          No work yet — break it down
        </Link>
      ) : null}
    </article>
  );
}

const pillarForm = (pillar: Pillar) => ({ name: pillar.name, description: pillar.description });

function EditPillar({ pillar: latest, onDone }: { pillar: Pillar; onDone: () => void }) {
  const edit = useEditForm(latest, pillarForm);
  const pillar = edit.base;
  const { name, description } = edit.form;
  const setName = (value: string) => edit.setForm({ ...edit.form, name: value });
  const setDescription = (value: string) => edit.setForm({ ...edit.form, description: value });
  const queryClient = useQueryClient();
  const notify = useToast();
  const save = useMutation({
    // only what changed, with the version it was changed from
    mutationFn: (version: number) =>
      api.pillars.update(pillar.id, {
        ...(name !== pillar.name ? { name } : {}),
        ...(description !== pillar.description ? { description } : {}),
        version,
      }),
    onSuccess: async () => {
      notify('Pillar saved');
      onDone();
      await invalidate.strategy(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.pillars.remove(pillar.id),
    onSuccess: async () => {
      notify(`Pillar “${pillar.name}” deleted`);
      onDone();
      await invalidate.strategy(queryClient);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(pillar.version);
  };
  const showTheirs = async () => {
    const stored = await queryClient.fetchQuery({ queryKey: keys.pillars, queryFn: api.pillars.list });
    const mine = stored.items.find((p) => p.id === pillar.id);
    if (!mine) throw new Error('This pillar has been deleted.');
    edit.reset(mine);
    save.reset();
    await invalidate.strategy(queryClient);
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <Field label="Pillar name" name="name" error={save.error}>
        {(props) => <input {...props} autoFocus value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="What it means" name="description" error={save.error}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <SaveError
        error={save.error ?? remove.error}
        fields={['name', 'description']}
        thing="pillar"
        onShowTheirs={showTheirs}
        onSaveMine={(version) => save.mutate(version)}
        isSaving={save.isPending}
      />
      <FormActions>
        <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
          Save
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Delete the pillar “${pillar.name}”? This cannot be undone.`)) remove.mutate();
          }}
        >
          Delete
        </button>
      </FormActions>
    </form>
  );
}

function AddPillar({ position }: { position: number }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => api.pillars.create({ name, description, position }),
    onSuccess: async (pillar) => {
      setName('');
      setDescription('');
      setOpen(false);
      notify(`Pillar “${pillar.name}” added`);
      await invalidate.strategy(queryClient);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="pillar pillar-add" role="listitem" aria-label="Add a pillar">
      {open ? (
        <form className="inline-form" onSubmit={submit}>
          <Field label="Pillar name" name="name" error={create.error}>
            {(props) => (
              <input
                {...props}
                autoFocus
                value={name}
                placeholder="e.g. Craft, Growth, People"
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label="What it means (optional)" name="description" error={create.error}>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            )}
          </Field>
          <FormError error={create.error} fields={['name', 'description']} />
          <FormActions>
            <button type="submit" className="button button-primary button-small" disabled={create.isPending}>
              {create.isPending ? 'Adding…' : 'Add pillar'}
            </button>
            <button type="button" className="button button-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </FormActions>
        </form>
      ) : (
        <button type="button" className="button button-ghost add-pillar" onClick={() => setOpen(true)}>
          + Add a pillar
          <span className="muted small">A theme of the strategy, e.g. “Craft” or “Growth”</span>
        </button>
      )}
    </section>
  );
}
