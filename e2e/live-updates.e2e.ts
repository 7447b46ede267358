/**
 * Two people look at the same project board in two browsers. When one moves a card, the other's
 * board shows it in its new column within a second or two — without reloading (a value set on the
 * page's window before the change is still there after it) and without touching the page. The same
 * for a task renamed in the first browser's drawer. Tabs of one browser share one stream, and when the
 * tab holding it closes, another takes it over.
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

async function openAs(who: 'owner' | 'leader', context?: BrowserContext): Promise<Page> {
  if (!context) {
    context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
  }
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

/** An open task in a project, the `index`-th of the demo's. */
async function openTask(page: Page, index: number): Promise<Task> {
  const res = await page.request.get(`${env.server.url}/api/tasks?status=todo&limit=50`);
  expect(res.status()).toBe(200);
  const task = ((await res.json()) as { items: Task[] }).items.filter((t) => t.projectId !== null)[index];
  expect(task).toBeDefined();
  return task!;
}

it('shows one person’s change on the other’s board without a reload', async () => {
  const owner = await openAs('owner');
  const leader = await openAs('leader');
  const { id, projectId, title } = await openTask(owner, 0);

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

it('shares one stream between the tabs of a browser, and hands it over when that tab closes', async () => {
  const owner = await openAs('owner');
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  contexts.push(context);
  const holder = await openAs('leader', context);
  const other = await context.newPage();
  const streamsOf = (page: Page) => {
    const count = { value: 0 };
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/events') count.value += 1;
    });
    return count;
  };
  const holderStreams = streamsOf(holder);
  const otherStreams = streamsOf(other);
  const { id, projectId, title } = await openTask(owner, 1);
  await openBoard(holder, projectId!, id);
  await openBoard(other, projectId!, id);
  const card = (page: Page, status: Task['status']) =>
    page.getByTestId(`board-column-${status}`).getByTestId(`board-card-${id}`);
  const move = async (to: 'Doing' | 'Blocked') => {
    await openBoard(owner, projectId!, id);
    await owner.getByRole('button', { name: `Move “${title}” to ${to}` }).click();
  };

  await move('Doing');
  await card(holder, 'doing').waitFor({ timeout: 5000 });
  await card(other, 'doing').waitFor({ timeout: 5000 });
  // one stream for both tabs: the second heard of the change through the first
  expect(holderStreams.value).toBe(1);
  expect(otherStreams.value).toBe(0);

  // the tab holding the stream closes: the other opens it and still follows the board
  await holder.close();
  await move('Blocked');
  await card(other, 'blocked').waitFor({ timeout: 8000 });
  expect(otherStreams.value).toBe(1);
  expect(await isNotReloaded(other)).toBe(true);
});
