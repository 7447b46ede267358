/**
 * A key result says which figure counts, and the work moves it: the owner sets "Sell 3 packages
 * (0 → 3)" as work-driven under a new objective, a manager links a project of 80 h to it, a member
 * finishes 12 h, and the key result, its objective and the strategy map move to 15 %. Switched to
 * metric-driven, it reads 0 % and says it counts the metric.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, signIn, type Server, serverAndBrowser } from './support';

const env = serverAndBrowser();

const viewport = { width: 1440, height: 1000 };

async function signedIn(role: keyof Server['signIns']): Promise<Page> {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, env.server, env.server.signIns[role]);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  return page;
}

async function personIdOf(page: Page): Promise<string> {
  const me = (await (await page.request.get(`${env.server.url}/api/auth/me`)).json()) as { personId: string };
  return me.personId;
}

async function progressText(page: Page, id: string): Promise<string> {
  const bar = page.getByTestId(`progress-${id}`).first();
  await bar.waitFor();
  return (await bar.textContent())?.trim() ?? '';
}

async function sentence(page: Page): Promise<string> {
  return (await page.getByTestId('counts-sentence').textContent())?.trim() ?? '';
}

it('moves a work-driven key result with the work done, and says which figure counts', async () => {
  const owner = await signedIn('owner');
  const manager = await signedIn('manager');
  const member = await signedIn('member');
  const [managerId, memberId] = [await personIdOf(manager), await personIdOf(member)];

  // the owner: an objective under the first pillar, and a key result with a target, work-driven
  await owner.goto(`${env.server.url}/strategy`);
  const objectiveTitle = `Sell packaged services ${Date.now()}`;
  const firstPillar = owner.getByRole('list', { name: 'Strategic pillars' }).getByRole('listitem').first();
  const pillarId = ((await firstPillar.getAttribute('data-testid')) ?? '').replace('pillar-', '');
  await firstPillar.getByRole('button', { name: '+ Objective' }).click();
  await firstPillar.getByLabel('New objective').fill(objectiveTitle);
  await firstPillar.getByRole('button', { name: 'Add objective' }).click();
  await owner.getByRole('link', { name: new RegExp(objectiveTitle) }).click();
  await owner.waitForURL(/\/goals\/[^/]+$/);
  const objectiveId = owner.url().split('/goals/')[1]!.split(/[?#]/)[0]!;

  await owner.getByRole('button', { name: '+ Key result' }).click();
  const form = owner.locator('form.inline-form');
  await form.getByLabel('New key result').fill('Sell 3 packages');
  await form.getByLabel('Start', { exact: true }).fill('0');
  await form.getByLabel('Target', { exact: true }).fill('3');
  await form.getByLabel('Unit', { exact: true }).fill('packages');
  await form.getByLabel('Owner', { exact: true }).selectOption(managerId);
  await form.getByLabel('Due date', { exact: true }).fill('2027-03-31');
  await form.getByRole('radio', { name: /^the linked work/ }).check();
  await form.getByRole('button', { name: 'Add key result' }).click();
  await owner.getByRole('link', { name: 'Sell 3 packages' }).click();
  await owner.waitForURL(/\/goals\/[^/]+$/);
  const keyResultId = owner.url().split('/goals/')[1]!.split(/[?#]/)[0]!;
  await expect.poll(() => sentence(owner)).toBe('Counts the linked work: none is linked yet.');

  // the manager: a project of 80 h behind the key result, in a few keystrokes; two tasks for the member
  await manager.goto(`${env.server.url}/goals/${keyResultId}`);
  const outline = manager.getByLabel('Outline of projects and tasks');
  await outline.fill('Package launch\n  Brief ~4h\n  Price sheet ~8h\n  Landing page ~30h\n  Outreach ~38h');
  await outline.press('Control+Enter');
  await manager.getByRole('link', { name: 'Package launch', exact: true }).click();
  await manager.waitForURL(/\/projects\//);
  const projectUrl = manager.url();
  for (const task of ['Brief', 'Price sheet']) {
    await manager.getByRole('link', { name: task, exact: true }).first().click();
    const drawer = manager.getByRole('dialog');
    await drawer.getByLabel('Assignee').selectOption(memberId);
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await drawer.getByRole('button', { name: 'Saved' }).waitFor();
    await manager.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  }

  await owner.goto(`${env.server.url}/goals/${keyResultId}`);
  expect(await progressText(owner, keyResultId)).toBe('0%');
  await owner.goto(`${env.server.url}/strategy`);
  expect(await progressText(owner, objectiveId)).toBe('0%');
  const pillarBefore = await progressText(owner, pillarId);

  // the member finishes 12 of the 80 hours
  await member.goto(projectUrl);
  for (const task of ['Brief', 'Price sheet']) {
    await member.getByRole('link', { name: task, exact: true }).first().click();
    const drawer = member.getByRole('dialog');
    await drawer.getByLabel('Status').selectOption('done');
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await drawer.getByRole('button', { name: 'Saved' }).waitFor();
    await member.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  }

  // the key result, its objective and the strategy map move together
  await owner.goto(`${env.server.url}/goals/${keyResultId}`);
  await expect.poll(() => progressText(owner, keyResultId)).toBe('15%');
  expect(await sentence(owner)).toBe('Counts the linked work: 12 of 80 h done.');
  expect(await progressText(owner, `work-${keyResultId}`)).toBe('15%');
  expect(await progressText(owner, `metric-${keyResultId}`)).toBe('0%');
  await expect.poll(async () => owner.getByTestId('figure-work').textContent()).toMatch(/Counts/);
  await owner.waitForTimeout(200);
  const shot = await screenshot(owner, 'key-result-work-driven');
  expect(shot).toMatch(/\.png$/);

  await owner.goto(`${env.server.url}/goals/${objectiveId}`);
  expect(await progressText(owner, objectiveId)).toBe('15%');
  expect(await owner.getByTestId('work-line').textContent()).toMatch(/^1 project · 4 tasks \(2 done\)/);
  await expect(owner.getByText('No work is linked to this goal yet').count()).resolves.toBe(0);
  await screenshot(owner, 'key-result-objective');

  await owner.goto(`${env.server.url}/strategy`);
  expect(await progressText(owner, keyResultId)).toBe('15%');
  expect(await progressText(owner, objectiveId)).toBe('15%');
  expect(await progressText(owner, pillarId)).not.toBe(pillarBefore);

  // switched to metric-driven: the metric (0 of 3) counts, the work stays visible beside it
  await owner.goto(`${env.server.url}/goals/${keyResultId}`);
  await owner.getByRole('button', { name: 'Edit' }).click();
  const drawer = owner.getByRole('dialog');
  await drawer.getByRole('radio', { name: /^the metric/ }).check();
  await screenshot(owner, 'key-result-edit-form');
  await drawer.getByRole('button', { name: 'Save', exact: true }).click();
  await drawer.waitFor({ state: 'detached' });
  await expect.poll(() => sentence(owner)).toBe('Counts the metric: 0 of 3 packages.');
  expect(await progressText(owner, keyResultId)).toBe('0%');
  expect(await progressText(owner, `work-${keyResultId}`)).toBe('15%');
  await screenshot(owner, 'key-result-metric-driven');
  await owner.goto(`${env.server.url}/strategy`);
  expect(await progressText(owner, objectiveId)).toBe('0%');

  for (const page of [owner, manager, member]) await page.context().close();
});
