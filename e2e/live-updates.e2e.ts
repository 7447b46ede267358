/**
 * Two people look at the same project board in two browsers. When one moves a card, the other's
 * board shows it in its new column within a second or two — without reloading (a value set on the
 * page's window before the change is still there after it) and without touching the page. The same
 * for a task renamed in the first browser's drawer.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { screenshot, serverAndBrowser, signIn } from './support';

const env = serverAndBrowser();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close();
});

interface Task {
  id: string;
  title: string;
  projectId: string | null;
  status: 'todo' | 'doing' | 'blocked' | 'done';
}

async function openAs(who: 'owner' | 'leader'): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, env.server, env.server.signIns[who]);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  return page;
}

/** Opens the board and marks the page, so a reload would show (the mark would be gone). */
async function openBoard(page: Page, projectId: string, taskId: string): Promise<void> {
  await page.goto(`${env.server.url}/projects/${projectId}?view=board`);
  await page.getByTestId(`board-card-${taskId}`).waitFor();
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
}

const isNotReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

it('shows one person’s change on the other’s board without a reload', async () => {
  const owner = await openAs('owner');
  const leader = await openAs('leader');
  const res = await owner.request.get(`${env.server.url}/api/tasks?status=todo&limit=50`);
  expect(res.status()).toBe(200);
  const task = ((await res.json()) as { items: Task[] }).items.find((t) => t.projectId !== null);
  expect(task).toBeDefined();
  const { id, projectId, title } = task!;

  await openBoard(owner, projectId!, id);
  await openBoard(leader, projectId!, id);
  const onLeaderBoard = (status: Task['status']) =>
    leader.getByTestId(`board-column-${status}`).getByTestId(`board-card-${id}`);
  await onLeaderBoard('todo').waitFor();

  // the owner moves the card; the leader, who does nothing, sees it move
  const started = Date.now();
  await owner.getByRole('button', { name: `Move “${title}” to Doing` }).click();
  await owner.getByTestId('board-column-doing').getByTestId(`board-card-${id}`).waitFor();
  await onLeaderBoard('doing').waitFor({ timeout: 5000 });
  const took = Date.now() - started;
  expect(await isNotReloaded(leader)).toBe(true);
  await screenshot(leader, 'live-updates-board');
  // within a second of the write, with room for the browsers sharing a small machine
  expect(took).toBeLessThan(2500);

  // and a rename made in the owner's drawer reaches the leader's card
  const renamed = `${title} (live)`;
  await owner.getByTestId(`board-card-${id}`).getByRole('button', { name: title, exact: true }).click();
  const drawer = owner.getByRole('dialog');
  await drawer.getByLabel('Title').fill(renamed);
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await drawer.getByRole('button', { name: 'Saved' }).waitFor();
  await leader
    .getByTestId(`board-card-${id}`)
    .getByRole('button', { name: renamed, exact: true })
    .waitFor({ timeout: 5000 });
  expect(await isNotReloaded(leader)).toBe(true);
});
