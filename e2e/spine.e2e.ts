/**
 * The spine in a real browser: sign in → create an objective → decompose it into a project and a task
 * → complete the task → the objective's progress changes on the strategy map. Also takes the strategy
 * map screenshot of the demo organization kept in docs/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { root, screenshot, signIn, serverAndBrowser } from './support';

const env = serverAndBrowser();

async function progressText(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(`progress-${id}`).first().textContent())?.trim() ?? '';
}

it('prints one demo sign-in per role on first start', () => {
  expect(Object.keys(env.server.signIns).sort()).toEqual(['leader', 'manager', 'member', 'owner']);
});

it('a leader turns an objective into work, finishes it, and sees the objective move on the strategy map', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, env.server, env.server.signIns.leader);
  await page.getByRole('heading', { name: /hello/i }).waitFor();

  // the demo organization's strategy map, as a newcomer first sees it
  await page.goto(`${env.server.url}/strategy`);
  await page.getByRole('heading', { name: 'Strategy map' }).waitFor();
  await page.getByText('Progress toward the vision', { exact: false }).waitFor();
  await page.waitForTimeout(300);
  const shot = await screenshot(page, 'strategy-map');
  // TANDEM_UPDATE_SCREENSHOTS=1 refreshes the README's screenshot from this run
  if (process.env.TANDEM_UPDATE_SCREENSHOTS === '1')
    fs.copyFileSync(shot, path.join(root, 'docs', 'strategy-map.png'));

  // create an objective under the first pillar
  const title = `Launch the climate practice ${Date.now()}`;
  const firstPillar = page.getByRole('list', { name: 'Strategic pillars' }).getByRole('listitem').first();
  await firstPillar.getByRole('button', { name: '+ Objective' }).click();
  await firstPillar.getByLabel('New objective').fill(title);
  await firstPillar.getByRole('button', { name: 'Add objective' }).click();
  const link = page.getByRole('link', { name: new RegExp(title) });
  await link.waitFor();
  await link.click();
  await page.waitForURL(/\/goals\/[^/]+$/);
  const objectiveId = page.url().split('/goals/')[1]!.split(/[?#]/)[0]!;

  // decompose it into a project with one task, from the keyboard
  const outline = page.getByLabel('Outline of projects and tasks');
  await outline.fill('Climate pitch kit\n  Draft the pitch deck ~3h');
  await outline.press('Control+Enter');
  const projectLink = page.getByRole('link', { name: 'Climate pitch kit', exact: true });
  await projectLink.waitFor();

  await page.goto(`${env.server.url}/strategy`);
  await page.getByTestId(`progress-${objectiveId}`).first().waitFor();
  expect(await progressText(page, objectiveId)).toBe('0%');

  // complete the task from the project page
  await page.goto(`${env.server.url}/goals/${objectiveId}`);
  await page.getByRole('link', { name: 'Climate pitch kit', exact: true }).click();
  await page.waitForURL(/\/projects\//);
  await page.getByRole('link', { name: 'Draft the pitch deck' }).first().click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('Status').selectOption('done');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await drawer.getByRole('button', { name: 'Saved' }).waitFor();

  await page.goto(`${env.server.url}/strategy`);
  await page.getByTestId(`progress-${objectiveId}`).first().waitFor();
  await expect.poll(() => progressText(page, objectiveId)).toBe('100%');
  await screenshot(page, 'strategy-after');
  await page.close();
});
