/**
 * Planning in a real browser: a manager plans one of their projects of the demo organization, reads
 * the explanation of a task that changes hands, applies the plan, and the workload view changes for
 * the person who received it. Also takes the planner and workload screenshots kept in docs/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { root, screenshot, signIn, serverAndBrowser } from './support';

const env = serverAndBrowser();

interface Proposal {
  taskId: string;
  title: string;
  current: { personId: string | null };
  proposed: { personId: string | null; personName: string | null; start: string | null } | null;
  isChanged: boolean;
  changesPerson: boolean;
}

function mondayOf(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

async function cellText(page: Page, personId: string, week: string): Promise<string> {
  await page.goto(`${env.server.url}/workload`);
  const cell = page.getByTestId(`cell-${personId}-${week}`);
  await cell.waitFor();
  return (await cell.textContent())?.trim() ?? '';
}

it('a manager plans a project, reads why a task goes to someone, applies it, and the workload changes', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, env.server, env.server.signIns.manager);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  // the manager's home shows the outlook of their projects
  await page.getByRole('heading', { name: /Outlook: deadlines and budgets/ }).waitFor();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Planner/ })
    .click();
  await page.getByRole('heading', { name: 'Planner' }).waitFor();
  const projects = page.getByRole('group', { name: 'Projects to plan' });
  // the project with the most open work
  const labels = await projects.locator('label').allTextContents();
  const open = labels.map((text) => Number(/(\d+) open/.exec(text)?.[1] ?? 0));
  await projects
    .locator('label')
    .nth(open.indexOf(Math.max(...open)))
    .locator('input')
    .check();
  await page.getByRole('button', { name: /^Plan 1 project$/ }).click();
  await page.getByRole('heading', { name: /^Proposed plan for/ }).waitFor({ timeout: 60_000 });
  await page.getByTestId('figure-overloadHours').waitFor();
  const runId = new URL(page.url()).searchParams.get('run')!;
  expect(runId).toBeTruthy();
  await page.waitForTimeout(300);
  const shot = await screenshot(page, 'planner');
  if (!process.env.CI) fs.copyFileSync(shot, path.join(root, 'docs', 'planner.png'));

  // a task that changes person, and its explanation, in the task-by-task review
  await page.getByRole('tab', { name: 'Task by task' }).click();
  const response = await page.request.get(
    `${env.server.url}/api/plan-runs/${runId}/proposals?changedOnly=true`,
  );
  expect(response.status()).toBe(200);
  const rows = ((await response.json()) as { items: Proposal[] }).items;
  const moved = rows.find((r) => r.changesPerson && r.proposed?.personId && r.proposed.start);
  expect(moved, 'the plan gives some task to someone new').toBeDefined();
  const row = page.getByTestId('plan-row').filter({ hasText: moved!.title }).first();
  await expect.poll(() => row.textContent()).toContain(`${moved!.proposed!.personName}:`);
  await row.getByRole('button', { name: 'Why?' }).click();
  const reasons = page.getByTestId('plan-reasons').first();
  await reasons.waitFor();
  expect(await reasons.textContent()).toMatch(new RegExp(`${moved!.proposed!.personName}`));
  await screenshot(page, 'planner-why');

  // the workload of the person who receives it, in the week it starts, before and after applying
  const personId = moved!.proposed!.personId!;
  const week = mondayOf(moved!.proposed!.start!);
  const before = await cellText(page, personId, week);

  await page.goto(`${env.server.url}/planner?run=${runId}`);
  await page.getByRole('button', { name: /^Apply the whole plan/ }).click();
  await page.getByText(/^Applied \d+ changes?$/).waitFor();
  const task = await page.request.get(`${env.server.url}/api/tasks/${moved!.taskId}`);
  expect(((await task.json()) as { assigneeId: string | null }).assigneeId).toBe(personId);

  const after = await cellText(page, personId, week);
  expect(after).not.toBe(before);
  await page.getByTestId(`cell-${personId}-${week}`).scrollIntoViewIfNeeded();
  const workloadShot = await screenshot(page, 'workload');
  if (!process.env.CI) fs.copyFileSync(workloadShot, path.join(root, 'docs', 'workload.png'));
  await page.close();
});

it('an owner plans the whole organization and reviews it by project and by person', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, env.server, env.server.signIns.owner);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  await page.goto(`${env.server.url}/planner`);
  await page.getByRole('heading', { name: 'Planner' }).waitFor();
  await page.getByRole('radio', { name: 'Whole organization' }).check();
  await page.getByRole('button', { name: 'Plan the organization' }).click();
  await page
    .getByRole('heading', { name: /^Proposed plan for the whole organization/ })
    .waitFor({ timeout: 60_000 });
  const runId = new URL(page.url()).searchParams.get('run')!;

  // what the changes buy, in words, as the run says it
  const run = (await (await page.request.get(`${env.server.url}/api/plan-runs/${runId}`)).json()) as {
    figures: { trade: string[] };
    changedCount: number;
  };
  const trade = page.getByTestId('plan-trade');
  await trade.waitFor();
  expect((await trade.locator('li').allTextContents()).map((t) => t.trim())).toEqual(run.figures.trade);
  expect(run.figures.trade.join(' ')).toMatch(/change person|keeps its person/);

  // a large proposal opens by project; every project with changes is one row
  expect(await page.getByRole('tab', { name: 'By project' }).getAttribute('aria-selected')).toBe('true');
  const groups = (await (
    await page.request.get(`${env.server.url}/api/plan-runs/${runId}/groups?by=person`)
  ).json()) as { groups: { key: string | null; name: string; changes: number; pending: number }[] };
  await page.getByRole('tab', { name: 'By person' }).click();
  const table = page.getByRole('table', { name: 'By person' });
  await table.waitFor();
  const shown = groups.groups.filter((g) => g.changes > 0);
  expect(await table.getByTestId('plan-group').count()).toBe(shown.length);
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'planner-by-person');

  // one person's tasks, then apply only theirs
  const someone = shown.find((g) => g.key !== null && g.pending > 0)!;
  const row = table.getByTestId('plan-group').filter({ hasText: someone.name }).first();
  await row.getByRole('button', { name: 'Show tasks' }).click();
  await page.getByText(`Person: ${someone.name}`).waitFor();
  const rows = page.getByTestId('plan-row');
  await rows.first().waitFor();
  for (const text of await rows.allTextContents()) expect(text).toContain(someone.name);
  await page.getByRole('tab', { name: 'By person' }).click();
  await table
    .getByTestId('plan-group')
    .filter({ hasText: someone.name })
    .first()
    .getByRole('button', { name: `Apply ${someone.pending}` })
    .click();
  await page.getByText(new RegExp(`^Applied ${someone.pending} changes?$`)).waitFor();
  const after = (await (await page.request.get(`${env.server.url}/api/plan-runs/${runId}`)).json()) as {
    appliedCount: number;
  };
  expect(after.appliedCount).toBe(someone.pending);
  await page.close();
});
