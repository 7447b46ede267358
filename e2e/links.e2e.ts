/**
 * No dead links: as each role, visit the main pages, follow every in-app link found on them (and one
 * level further from the first detail page of each kind), and check that none lands on the "no page"
 * screen or an error state.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signIn, serverAndBrowser } from './support';

const env = serverAndBrowser();

async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href^="/"]', (anchors) =>
    anchors.map((a) => a.getAttribute('href') ?? ''),
  );
  return [...new Set(hrefs.map((h) => h.split('#')[0]!).filter((h) => h && !h.startsWith('/api/')))];
}

async function visit(page: Page, url: string): Promise<string | null> {
  await page.goto(`${env.server.url}${url}`);
  await page.waitForLoadState('networkidle');
  if (await page.getByText('There is no page at').count()) return `${url}: no such page`;
  const errors = await page.locator('.state-error').allTextContents();
  return errors.length > 0 ? `${url}: ${errors.join(' ').slice(0, 200)}` : null;
}

/** One representative link per kind of page (the first /goals/…, /projects/…, /people/… …). */
function representatives(links: string[]): string[] {
  const byKind = new Map<string, string>();
  for (const link of links) {
    const kind = link.split('/')[1] ?? '';
    if (!byKind.has(kind)) byKind.set(kind, link);
  }
  return [...byKind.values()];
}

for (const role of ['leader', 'manager', 'member'] as const) {
  it(`every in-app link a ${role} can reach leads to a real page`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, env.server, env.server.signIns[role]);
    await page.getByRole('heading', { name: /hello/i }).waitFor();
    const start = ['/', '/strategy', '/projects', '/people', '/teams', '/clients', '/settings'];
    const seen = new Set<string>(start);
    const queue = [...start];
    const failures: string[] = [];
    let depth = 0;
    while (queue.length > 0 && depth < 2) {
      const next: string[] = [];
      for (const url of queue) {
        const failure = await visit(page, url);
        if (failure) failures.push(failure);
        const found = (await linksOn(page)).filter((l) => !seen.has(l));
        for (const link of depth === 0 ? representatives(found) : []) {
          seen.add(link);
          next.push(link);
        }
      }
      queue.splice(0, queue.length, ...next);
      depth += 1;
    }
    expect(failures).toEqual([]);
    expect(seen.size).toBeGreaterThan(start.length + 2);
    await page.close();
  });
}
