/**
 * Public holidays in a real browser: the owner sees the demo organization's region (Berlin) and its
 * next holidays on the settings page and changes it; a London member's profile shows England's
 * holidays as their own, and giving them the organization's again from the profile form shows Berlin's.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, signIn, serverAndBrowser } from './support';

const env = serverAndBrowser();

interface Holidays {
  region: { code: string; name: string } | null;
  upcoming: { date: string; name: string }[];
}

/** A GET through the page's own session (same origin, its cookie). */
async function read<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => (await fetch(u)).json() as Promise<unknown>, url) as Promise<T>;
}

it('the owner sees and changes the public holidays of the organization on the settings page', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await signIn(page, env.server, env.server.signIns.owner);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  await page.goto(`${env.server.url}/settings`);
  const region = page.getByLabel('Country or region');
  await region.waitFor();
  // the region list loads beside the organization: wait for Berlin to be the chosen option
  await expect.poll(() => region.inputValue()).toBe('DE-BE');
  await expect.poll(() => region.locator('option:checked').textContent()).toBe('Germany — Berlin');
  await page.getByText('Next in Germany — Berlin:').waitFor();

  // the page lists what the API answers: the next five, each with its name
  const org = await read<{ holidays: Holidays }>(page, '/api/organization');
  expect(org.holidays.upcoming).toHaveLength(5);
  const shown = page.getByRole('list', { name: 'Next public holidays' }).getByRole('listitem');
  expect(await shown.count()).toBe(5);
  for (const [i, h] of org.holidays.upcoming.entries())
    expect(await shown.nth(i).textContent()).toContain(h.name);
  await page.getByRole('heading', { name: 'Public holidays' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-holidays');

  await region.selectOption('GB-ENG');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Next in United Kingdom — England:').waitFor();
  expect((await read<{ holidayRegion: string }>(page, '/api/organization')).holidayRegion).toBe('GB-ENG');
  await region.selectOption('DE-BE');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Next in Germany — Berlin:').waitFor();
  await page.close();
});

it("a London member's profile shows England's holidays; the profile form gives them the organization's", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await signIn(page, env.server, env.server.signIns.owner);
  await page.getByRole('heading', { name: /hello/i }).waitFor();
  const people = await read<{ items: { id: string; name: string; holidayRegion: string | null }[] }>(
    page,
    '/api/people?limit=500',
  );
  const londoner = people.items.find((p) => p.holidayRegion === 'GB-ENG')!;
  expect(londoner).toBeDefined();

  await page.goto(`${env.server.url}/people/${londoner.id}`);
  const card = page.getByRole('region', { name: 'Public holidays' });
  await card.getByText('United Kingdom — England').waitFor();
  await expect.poll(() => card.getByTestId('holiday-region').textContent()).toMatch(/their own region/);
  const own = await read<{ holidays: Holidays }>(page, `/api/people/${londoner.id}`);
  const list = card.getByRole('list', { name: `Next public holidays of ${londoner.name}` });
  expect(await list.getByRole('listitem').first().textContent()).toContain(own.holidays.upcoming[0]!.name);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'person-holidays');

  await page.getByRole('button', { name: 'Edit profile' }).click();
  const choice = page.getByRole('dialog', { name: `Edit ${londoner.name}` }).getByLabel('Public holidays');
  // the form's region list loads after it opens: wait for the person's region to be chosen in it
  await expect.poll(() => choice.inputValue()).toBe('GB-ENG');
  await expect
    .poll(() => choice.locator('option').first().textContent())
    .toBe('Organization’s (Germany — Berlin)');
  await choice.selectOption('');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await card.getByText('Germany — Berlin').waitFor();
  await expect.poll(() => card.getByTestId('holiday-region').textContent()).toMatch(/the organization’s/);
  await page.close();
});
