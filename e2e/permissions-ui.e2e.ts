/**
 * A member sees what they may do before they try: on a project's task list and board, the status of
 * someone else's task is a disabled control that says why, while the member's own task's status
 * changes as it always did (checked in the stored task through the API). Nothing the member is shown
 * as possible answers 403. Screenshots go to /tmp (and e2e/artifacts) for a person to look at.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, signIn, serverAndBrowser } from './support';

const env = serverAndBrowser();

interface Task {
  id: string;
  title: string;
  projectId: string | null;
  assigneeId: string | null;
  status: 'todo' | 'doing' | 'blocked' | 'done';
  can: { changeStatus: boolean; edit: boolean };
}

const label = { todo: 'To do', doing: 'Doing', blocked: 'Blocked', done: 'Done' } as const;

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${env.server.url}${url}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/** A project of the demo where the member has an open task and others have tasks too. */
async function findProject(page: Page, personId: string) {
  const mine = (await getJson<{ items: Task[] }>(page, `/api/tasks?assigneeId=${personId}&limit=500`)).items;
  for (const own of mine.filter((t) => t.projectId !== null && t.status !== 'done')) {
    const tasks = (await getJson<{ items: Task[] }>(page, `/api/tasks?projectId=${own.projectId}&limit=500`))
      .items;
    const unique = (t: Task) => tasks.filter((other) => other.title === t.title).length === 1;
    const theirs = tasks.filter((t) => t.assigneeId !== null && t.assigneeId !== personId && unique(t));
    if (theirs.length > 0 && unique(own)) return { projectId: own.projectId!, own, theirs };
  }
  throw new Error('the demo organization has no project with both the member’s task and someone else’s');
}

/** Of `candidates`, the task listed nearest to `own` in the table (so one screenshot shows both). */
async function nearestListed(page: Page, own: Task, candidates: Task[]): Promise<Task> {
  const titles = await page.locator('tbody tr td:first-child a').allTextContents();
  const at = titles.indexOf(own.title);
  const byTitle = new Map(candidates.map((t) => [t.title, t]));
  const listed = titles
    .map((title, index) => ({ task: byTitle.get(title), distance: Math.abs(index - at) }))
    .filter((c): c is { task: Task; distance: number } => c.task !== undefined)
    .sort((x, y) => x.distance - y.distance);
  return listed[0]!.task;
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  fs.copyFileSync(file, `/tmp/${name}.png`);
}

it('a member cannot change the status of someone else’s task, sees why, and changes their own', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, env.server, env.server.signIns.member);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  const me = await getJson<{ personId: string; role: string }>(page, '/api/auth/me');
  expect(me.role).toBe('member');
  const found = await findProject(page, me.personId);
  const own = found.own;
  await page.goto(`${env.server.url}/projects/${found.projectId}`);
  const ownStatus = page.getByLabel(`Status of ${own.title}`, { exact: true });
  await ownStatus.waitFor();
  const theirs = await nearestListed(page, own, found.theirs);
  const theirStatus = page.getByLabel(`Status of ${theirs.title}`, { exact: true });
  // the server's answers the page is built from
  expect(own.can.changeStatus).toBe(true);
  expect(theirs.can.changeStatus).toBe(false);

  // someone else's task: disabled, with the reason as its tooltip and its accessible description
  const reason = 'Only its assignee, the project’s manager, owners and leaders can change this task’s status';
  expect(await theirStatus.isDisabled()).toBe(true);
  expect(await theirStatus.getAttribute('title')).toBe(reason);
  const describedBy = await theirStatus.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(reason);
  // the project's own buttons say the same kind of thing: the member changes nothing else here
  expect(await page.getByRole('button', { name: /add task/i }).isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Edit project' }).isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Delete', exact: true }).isDisabled()).toBe(true);
  await page.getByTestId('project-read-only').waitFor();
  await shoot(page, 'permissions-ui-header');

  // the member's own task: enabled, and the change is stored
  expect(await ownStatus.isDisabled()).toBe(false);
  const next = own.status === 'doing' ? 'blocked' : 'doing';
  await ownStatus.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await theirStatus.hover();
  await shoot(page, 'permissions-ui-list');
  await ownStatus.selectOption(next);
  await expect
    .poll(async () => (await getJson<Task>(page, `/api/tasks/${own.id}`)).status, { timeout: 10_000 })
    .toBe(next);
  expect(await ownStatus.inputValue()).toBe(next);
  expect((await getJson<Task>(page, `/api/tasks/${theirs.id}`)).status).toBe(theirs.status);

  // someone else's task opened: every field is read-only and the drawer says who changes it
  await page.getByRole('link', { name: theirs.title, exact: true }).click();
  const drawer = page.getByRole('dialog');
  await drawer
    .getByText('Only its assignee, the project’s manager, owners and leaders change this task.')
    .waitFor();
  expect(await drawer.getByLabel('Status').isDisabled()).toBe(true);
  expect(await drawer.getByLabel('Title').isDisabled()).toBe(true);
  expect(await drawer.getByRole('button', { name: /save|delete task/i }).count()).toBe(0);
  await drawer
    .getByText('Only its assignee, the project’s manager, owners and leaders log time on this task.')
    .waitFor();
  await shoot(page, 'permissions-ui-task');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });

  // the board: someone else's card does not move, and its arrows say why; the member's card does
  await page.getByRole('tab', { name: /board/i }).click();
  const theirCard = page.getByTestId(`board-card-${theirs.id}`);
  await theirCard.waitFor();
  expect(await theirCard.getAttribute('draggable')).toBe('false');
  const arrows = theirCard.getByRole('button', { name: new RegExp(`^Move “`) });
  expect(await arrows.count()).toBeGreaterThan(0);
  for (const arrow of await arrows.all()) {
    expect(await arrow.isDisabled()).toBe(true);
    expect(await arrow.getAttribute('title')).toBe(reason);
  }
  const ownCard = page.getByTestId(`board-card-${own.id}`);
  expect(await ownCard.getAttribute('draggable')).toBe('true');
  const after = next === 'doing' ? 'blocked' : 'done';
  const forward = ownCard.getByRole('button', { name: `Move “${own.title}” to ${label[after]}` });
  expect(await forward.isDisabled()).toBe(false);
  await theirCard.scrollIntoViewIfNeeded();
  await shoot(page, 'permissions-ui-board');
  await forward.click();
  await expect
    .poll(async () => (await getJson<Task>(page, `/api/tasks/${own.id}`)).status, { timeout: 10_000 })
    .toBe(after);
  await page.close();
});
