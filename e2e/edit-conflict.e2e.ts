/**
 * Two people edit the same goal at once, in two browsers. The one who saves second is not allowed to
 * undo the first one's change without knowing: their save is refused with a notice, and they choose —
 * see the other version (their typing is dropped on purpose), or save theirs over it (checked in the
 * stored goal through the API).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startServer, type Server } from './support';

let server: Server;
let browser: Browser;
let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  launched = await launchBrowser();
  browser = launched.browser;
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await launched?.close();
  await server?.stop();
});

interface Goal {
  id: string;
  kind: string;
  title: string;
  version: number;
}

async function openAs(who: 'owner' | 'leader'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server, server.signIns[who]);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  return page;
}

/** Opens the goal's edit drawer and waits for its form. */
async function openEditor(page: Page, goalId: string) {
  await page.goto(`${server.url}/goals/${goalId}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('Title').waitFor();
  return drawer;
}

async function storedGoal(page: Page, goalId: string): Promise<Goal> {
  const res = await page.request.get(`${server.url}/api/goals/${goalId}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Goal;
}

it('shows “changed by someone else” instead of overwriting, and lets the second editor choose', async () => {
  const owner = await openAs('owner');
  const leader = await openAs('leader');
  const goals = await owner.request.get(`${server.url}/api/goals?kind=objective&limit=1`);
  const goal = ((await goals.json()) as { items: Goal[] }).items[0]!;
  expect(goal).toBeDefined();

  // both open the same editor; the leader starts typing first, the owner saves first
  const first = await openEditor(owner, goal.id);
  const second = await openEditor(leader, goal.id);
  await second.getByLabel('Title').fill('Grow the studio, the leader’s way');
  await first.getByLabel('Title').fill('Grow the studio, the owner’s way');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await first.waitFor({ state: 'detached' });
  expect((await storedGoal(owner, goal.id)).title).toBe('Grow the studio, the owner’s way');

  // the second save is refused: the notice replaces the error, and nothing the leader typed is gone
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  const notice = second.getByTestId('edit-conflict');
  await notice.waitFor();
  expect(await notice.textContent()).toContain(
    'Someone else changed this objective while you were editing. Your changes are not saved yet.',
  );
  expect(await second.getByLabel('Title').inputValue()).toBe('Grow the studio, the leader’s way');
  expect((await storedGoal(leader, goal.id)).title).toBe('Grow the studio, the owner’s way');
  await notice.scrollIntoViewIfNeeded();
  await screenshot(leader, 'edit-conflict');

  // "Show their version": the form now holds the stored goal, and the notice is gone
  await notice.getByRole('button', { name: 'Show their version' }).click();
  await notice.waitFor({ state: 'detached' });
  expect(await second.getByLabel('Title').inputValue()).toBe('Grow the studio, the owner’s way');

  // again, and this time "Save mine over theirs"
  const again = await openEditor(owner, goal.id);
  await second.getByLabel('Title').fill('Grow the studio, together');
  await again.getByLabel('Title').fill('Grow the studio, the owner’s second way');
  await again.getByRole('button', { name: 'Save', exact: true }).click();
  await again.waitFor({ state: 'detached' });
  const before = await storedGoal(owner, goal.id);
  expect(before.title).toBe('Grow the studio, the owner’s second way');

  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await second.getByTestId('edit-conflict').getByRole('button', { name: 'Save mine over theirs' }).click();
  await second.waitFor({ state: 'detached' });
  const after = await storedGoal(leader, goal.id);
  expect(after.title).toBe('Grow the studio, together');
  expect(after.version).toBe(before.version + 1);
});
