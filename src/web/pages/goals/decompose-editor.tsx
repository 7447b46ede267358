/** Break a goal down into projects and tasks by typing an outline; Ctrl/⌘+Enter creates them all at once. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api, type Decomposed } from '../../api/client';
import { invalidate } from '../../api/queries';
import { FormError } from '../../components/form';
import { PersonSelect } from '../../components/pickers';
import { useToast } from '../../components/toast';
import { addDays, fmtHours, fmtShortDate, plural, todayIso } from '../../lib/format';
import { outlineToBody, parseOutline } from '../../lib/outline';
import { useSession } from '../../lib/session';

function example(today: string): string {
  return [
    '- Decide the budget split ~1h',
    `Launch campaign @${addDays(today, 42)}`,
    '  Brief and moodboard ~4h',
    '  Storyboards ~12h',
    `  - Client review ~2h @${addDays(today, 21)}`,
    'Landing page',
    '  Copy ~6h',
    '  Build ~16h',
  ].join('\n');
}

export function DecomposeEditor({ goalId, goalTitle }: { goalId: string; goalTitle: string }) {
  const { me } = useSession();
  const [text, setText] = useState('');
  const [managerId, setManagerId] = useState<string | null>(me.personId);
  const [created, setCreated] = useState<Decomposed | null>(null);
  const outline = useMemo(() => parseOutline(text), [text]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const location = useLocation();
  const queryClient = useQueryClient();
  const notify = useToast();
  const hintId = useId();

  useEffect(() => {
    if (location.hash === '#decompose') {
      textarea.current?.scrollIntoView({ block: 'center' });
      textarea.current?.focus();
    }
  }, [location.hash]);

  const decompose = useMutation({
    mutationFn: () => {
      const body = outlineToBody(outline);
      return api.goals.decompose(goalId, {
        ...body,
        projects: (body.projects ?? []).map((p) => ({ ...p, managerId })),
      });
    },
    onSuccess: async (result) => {
      setCreated(result);
      setText('');
      notify(
        `Created ${plural(result.projects.length, 'project')} and ${plural(result.tasks.length, 'task')}`,
      );
      await invalidate.work(queryClient);
    },
  });

  const isEmpty = outline.projects.length === 0 && outline.directTasks.length === 0;
  const canSubmit = !isEmpty && outline.problems.length === 0 && !decompose.isPending;
  const submit = () => {
    if (canSubmit) decompose.mutate();
  };

  return (
    <section className="card decompose" id="decompose" aria-labelledby="decompose-heading">
      <div className="card-title-row">
        <h2 id="decompose-heading">Break it down</h2>
        <button
          type="button"
          className="link-button small"
          onClick={() => setText(example(todayIso()))}
          disabled={text !== ''}
        >
          Show an example
        </button>
      </div>
      <p className="muted small" id={hintId}>
        One line per project; indent a line (two spaces, a tab or “- ”) to make it a task of the project
        above. Add <code>~8h</code> for an estimate and <code>@2025-06-30</code> for a deadline. Dashed lines
        before any project become tasks directly on “{goalTitle}”. Tab at the start of a line indents it.{' '}
        <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> creates everything.
      </p>
      <div className="decompose-grid">
        <div className="stack">
          <label htmlFor={`${hintId}-outline`} className="visually-hidden">
            Outline of projects and tasks
          </label>
          <textarea
            id={`${hintId}-outline`}
            ref={textarea}
            className="outline-input"
            rows={9}
            spellCheck
            value={text}
            aria-describedby={hintId}
            placeholder={'Project name @deadline\n  Task ~4h\n  Another task ~2h'}
            onChange={(e) => {
              setText(e.target.value);
              setCreated(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              } else if (e.key === 'Tab' && !e.shiftKey && !e.altKey && e.currentTarget.value.trim() !== '') {
                // Tab at the start of a line indents it (makes it a task); elsewhere Tab leaves the field
                const el = e.currentTarget;
                const { selectionStart, selectionEnd, value } = el;
                const lineStart = value.lastIndexOf('\n', selectionStart - 1) + 1;
                if (value.slice(lineStart, selectionStart).trim() !== '' || selectionStart !== selectionEnd)
                  return;
                e.preventDefault();
                const next = `${value.slice(0, lineStart)}  ${value.slice(lineStart)}`;
                setText(next);
                requestAnimationFrame(() => el.setSelectionRange(selectionStart + 2, selectionEnd + 2));
              }
            }}
          />
          <div className="row">
            <label className="inline-label" htmlFor={`${hintId}-manager`}>
              Manager of the new projects
            </label>
            <PersonSelect
              id={`${hintId}-manager`}
              value={managerId}
              onChange={setManagerId}
              emptyLabel="No manager yet"
            />
          </div>
          <FormError error={decompose.error} />
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={submit} disabled={!canSubmit}>
              {decompose.isPending
                ? 'Creating…'
                : isEmpty
                  ? 'Create projects and tasks'
                  : `Create ${plural(outline.projects.length, 'project')} and ${plural(outline.taskCount, 'task')}`}
            </button>
          </div>
        </div>
        <div className="decompose-preview" aria-live="polite">
          <p className="eyebrow">Preview</p>
          {created ? (
            <div className="notice notice-good">
              <p>
                Created {plural(created.projects.length, 'project')} and{' '}
                {plural(created.tasks.length, 'task')}.
              </p>
              <ul className="plain-list compact">
                {created.projects.map((p) => (
                  <li key={p.id}>
                    <Link to={`/projects/${p.id}`}>{p.name} →</Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : isEmpty ? (
            <p className="muted small">Type an outline on the left; what will be created shows here.</p>
          ) : (
            <>
              {outline.problems.length > 0 ? (
                <ul className="problems" role="alert">
                  {outline.problems.map((p, i) => (
                    <li key={`${p.line}-${i}`}>
                      Line {p.line}: {p.message}
                    </li>
                  ))}
                </ul>
              ) : null}
              <ul className="preview-tree">
                {outline.projects.map((project) => (
                  <li key={project.line}>
                    <span className="preview-project">
                      <span className="kind-dot kind-project" aria-hidden="true" />
                      {project.name || <em>untitled</em>}
                      {project.deadline ? (
                        <span className="muted small"> · due {fmtShortDate(project.deadline)}</span>
                      ) : null}
                    </span>
                    {project.tasks.length > 0 ? (
                      <ul>
                        {project.tasks.map((task) => (
                          <li key={task.line}>
                            {task.title || <em>untitled</em>}
                            <span className="muted small">
                              {task.estimateHours !== null ? ` · ${fmtHours(task.estimateHours)}` : ''}
                              {task.deadline ? ` · due ${fmtShortDate(task.deadline)}` : ''}
                            </span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="muted small">No tasks yet (indent lines under it).</p>
                    )}
                  </li>
                ))}
                {outline.directTasks.length > 0 ? (
                  <li>
                    <span className="preview-project">Tasks directly on this goal</span>
                    <ul>
                      {outline.directTasks.map((task) => (
                        <li key={task.line}>
                          {task.title || <em>untitled</em>}
                          {task.estimateHours !== null ? (
                            <span className="muted small"> · {fmtHours(task.estimateHours)}</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </li>
                ) : null}
              </ul>
              <p className="muted small">
                {plural(outline.projects.length, 'project')}, {plural(outline.taskCount, 'task')}
                {outline.totalHours > 0 ? `, ${fmtHours(outline.totalHours)} estimated` : ''}
              </p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
