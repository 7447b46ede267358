/**
 * The leader's side in a real browser. A manager runs a 1:1 with their report: adds an agenda item,
 * a shared note, a personal note and an action item. The report then sees the agenda item, the shared
 * note and the action item — and not the manager's personal note. A member gives kudos tied to one of
 * the organization's values, and it shows on the recipient's profile.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, signIn, serverAndBrowser } from './support';

const env = serverAndBrowser();

const stamp = Date.now().toString(36);
const text = {
  agenda: `Agenda: the Q3 conference talk ${stamp}`,
  shared: `Shared: agreed to pair on the pitch ${stamp}`,
  personal: `Personal: seems stretched, check in ${stamp}`,
  action: `Action: book the speaker coaching ${stamp}`,
  kudos: `Kudos: the workshop deck was superb ${stamp}`,
};

interface PersonRow {
  id: string;
  name: string;
  email: string | null;
}

/** The signed-in page's people, through the same API the app uses (cookies of this page). */
async function peopleOf(page: Page): Promise<PersonRow[]> {
  const res = await page.request.get(`${env.server.url}/api/people?limit=500`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: PersonRow[] }).items;
}

async function signedIn(role: 'manager' | 'member'): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, env.server, env.server.signIns[role]);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  return page;
}

it('a manager runs a 1:1; the report sees the agenda, shared note and action item, never the personal note', async () => {
  const manager = await signedIn('manager');
  const people = await peopleOf(manager);
  const report = people.find((p) => p.email === env.server.signIns.member.email)!;
  const boss = people.find((p) => p.email === env.server.signIns.manager.email)!;
  expect(report).toBeTruthy();

  // the manager's 1:1s list shows the report; open the 1:1 from it
  await manager.getByRole('link', { name: '1:1s' }).click();
  await manager.getByRole('heading', { name: '1:1s', exact: true }).waitFor();
  await manager.locator('a.pair-row', { hasText: report.name }).click();
  await manager.getByRole('heading', { name: `1:1 with ${report.name}` }).waitFor();
  await expect.poll(() => manager.getByText('Only you and').count()).toBeGreaterThan(0);

  await manager.getByLabel('Add to the agenda').fill(text.agenda);
  await manager.getByRole('button', { name: 'Add', exact: true }).click();
  await manager.getByText(text.agenda).waitFor();

  await manager.getByRole('textbox', { name: 'Shared note' }).fill(text.shared);
  await manager.getByRole('button', { name: 'Add shared note' }).click();
  await manager.getByText(text.shared).waitFor();

  await manager.getByRole('textbox', { name: 'Personal note' }).fill(text.personal);
  await manager.getByRole('button', { name: 'Add personal note' }).click();
  await manager.getByText(text.personal).waitFor();

  await manager.getByLabel('New action item').fill(text.action);
  await manager.getByLabel('Who does it').selectOption({ label: report.name.split(' ')[0]! });
  await manager.getByRole('button', { name: 'Add action' }).click();
  await manager.getByText(text.action).waitFor();
  const pairUrl = manager.url();
  await screenshot(manager, 'one-on-one-manager');
  await manager.close();

  // the report opens the same 1:1 from their own list
  const member = await signedIn('member');
  await member.getByRole('link', { name: '1:1s' }).click();
  await member.locator('a.pair-row', { hasText: boss.name }).click();
  await member.getByRole('heading', { name: `1:1 with ${boss.name}` }).waitFor();
  expect(member.url().split('?')[0]).toBe(pairUrl.split('?')[0]);
  await member.getByText(text.agenda).waitFor();
  await member.getByText(text.shared).waitFor();
  await member.getByText(text.action).waitFor();
  await member.getByRole('heading', { name: /Personal notes/ }).waitFor();
  await member.waitForLoadState('networkidle');
  expect(await member.content()).not.toContain(text.personal);
  await screenshot(member, 'one-on-one-report');
  await member.close();
});

it('a member gives kudos tied to a value, and it appears on the recipient’s profile', async () => {
  const member = await signedIn('member');
  const people = await peopleOf(member);
  const recipient = people.find((p) => p.email === env.server.signIns.leader.email)!;

  await member.getByRole('link', { name: 'Kudos' }).click();
  await member.getByRole('heading', { name: 'Give kudos' }).waitFor();
  const form = member.locator('section', { has: member.getByRole('heading', { name: 'Give kudos' }) });
  await form.getByLabel('To').selectOption({ value: recipient.id });
  await form.getByText('Craft', { exact: true }).click();
  await form.getByLabel('What they did').fill(text.kudos);
  await form.getByRole('button', { name: 'Send kudos' }).click();
  await member.locator('.kudos-feed').getByText(text.kudos).waitFor();

  await member.goto(`${env.server.url}/people/${recipient.id}`);
  const recognition = member.locator('section', {
    has: member.getByRole('heading', { name: 'Recognised for' }),
  });
  await recognition.getByText(text.kudos).waitFor();
  const item = recognition.locator('.kudos-item', { hasText: text.kudos });
  await expect.poll(() => item.locator('.chip-value').textContent()).toBe('Craft');
  await expect.poll(() => recognition.locator('.value-tally').textContent()).toContain('Craft');
  await screenshot(member, 'recognition-on-profile');
  await member.close();
});
