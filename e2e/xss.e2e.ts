/**
 * Stored XSS sweep. Markup payloads go into every user-typed text field of the demo
 * organization through the API — the OpenAPI document says which fields there are, so a new one fails
 * this file until it gets a payload. Then, as each role, every route of the web app's router is opened
 * and every chart hovered, and nothing may execute: no element marked by a payload in the DOM (this
 * sees an injection even when the Content-Security-Policy stops its script), no `window.__xss`, no
 * dialog, no CSP violation (something tried to run). And the payloads must show, as the characters
 * typed, so the sweep cannot pass by showing nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, root, screenshot, startServer, type Server } from './support';
import { roles, signInApi, textFields, type Api, type Role, type Written } from './xss/api';
import { payloads } from './xss/payloads';
import { poisonDemo, type Targets } from './xss/poison';
import { openRolePage, sweepPage, type PageReport, type RolePage } from './xss/probe';

let server: Server;
let browser: Browser;
let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
const contexts = {} as Record<Role, BrowserContext>;
const apis = {} as Record<Role, Api>;
const written: Written = new Set();
let targets: Targets;

beforeAll(async () => {
  server = await startServer();
  launched = await launchBrowser();
  browser = launched.browser;
  for (const role of roles) {
    contexts[role] = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    apis[role] = await signInApi(contexts[role].request, server.url, role, server.signIns[role], written);
  }
  targets = await poisonDemo(apis);
});
afterAll(async () => {
  await launched?.close();
  await server?.stop();
});

/** The routes of the web app, read from its router so that a new page is swept without anyone asking. */
function appRoutes(): string[] {
  const source = fs.readFileSync(path.join(root, 'src/web/app.tsx'), 'utf8');
  const routes: string[] = [];
  for (const match of source.matchAll(/\{\s*(?:path:\s*'([^']*)'|index:\s*true)/g)) {
    const route = match[1];
    if (route === undefined) routes.push('/');
    else if (route !== '/') routes.push(route.startsWith('/') ? route : `/${route}`);
  }
  return routes;
}

/** Each route with a real id (the record holding the most payloads), or for `*` a payload as the path. */
function urlOf(route: string): string {
  const ids: Record<string, string> = {
    '/goals/:id': targets.goalId,
    '/projects/:id': targets.projectId,
    '/tasks/:id': targets.taskId,
    '/people/:id': targets.personId,
    '/one-on-ones/:id': targets.oneOnOneId,
  };
  if (route === '/*') return `/${encodeURIComponent(payloads[0])}`;
  if (!route.includes(':')) return route;
  const id = ids[route];
  if (!id) throw new Error(`The XSS sweep has no record for ${route}: add one to urlOf in e2e/xss.e2e.ts`);
  return route.replace(/:\w+/, id);
}

/** The views of a page that its URL selects (tabs, drawers, a plan), swept as pages of their own. */
function viewsOf(route: string): string[] {
  const views: Record<string, string[]> = {
    '/projects/:id': ['?view=board', '?view=timeline'],
    '/planner': [`?run=${targets.planRunId}`],
    '/talent': [`?person=${targets.personId}`],
    '/people': ['?new=1'],
    '/kudos': [`?to=${targets.personId}`],
  };
  return ['', ...(views[route] ?? [])];
}

/**
 * Pages that show no payload for a role, and why. Anything else that shows none fails the sweep: an
 * empty page proves nothing.
 */
const showsNoPayload: Array<{ route: string; roles: readonly Role[]; why: string }> = [
  {
    route: '/setup',
    roles,
    why: 'the first-run page: once an organization exists it says so and nothing else',
  },
];

const reports: PageReport[] = [];

it('reads every route of the web app from its router', () => {
  const routes = appRoutes();
  expect(routes).toEqual(expect.arrayContaining(['/', '/workload', '/goals/:id', '/*']));
  expect(routes.length).toBeGreaterThan(15);
  for (const route of routes) expect(urlOf(route)).not.toContain(':');
});

it('puts a payload into every user-typed text field the API has', async () => {
  const document = await apis.owner.get<OpenAPIV3.Document>('/api/openapi.json');
  const fields = textFields(document);
  expect(fields.length).toBeGreaterThan(40);
  expect(fields.filter((field) => !written.has(field))).toEqual([]);
});

it('serves an app shell with no inline script, under the Content-Security-Policy', async () => {
  const shell = await contexts.owner.request.get(`${server.url}/`);
  const html = await shell.text();
  expect(html).toMatch(/<script type="module"[^>]* src="\/assets\//);
  expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).toEqual([]);
  expect(shell.headers()['content-security-policy']).toContain("script-src 'self';");
});

describe('every page and chart', () => {
  // the roles in parallel: each has its own browser context, and most of a visit is waiting
  it.concurrent.for(roles)(
    'as the %s, shows the payloads as text and runs none of them',
    // four roles share two cores: a visit takes longer than it would alone
    { timeout: 240_000 },
    async (role, { expect }) => {
      const rolePage: RolePage & { role: Role } = { role, ...(await openRolePage(contexts[role])) };
      const mine: PageReport[] = [];
      for (const route of appRoutes())
        for (const view of viewsOf(route))
          mine.push(await sweepPage(rolePage, `${route}${view}`, `${server.url}${urlOf(route)}${view}`));
      await rolePage.page.close();
      reports.push(...mine);

      const ran = mine.filter(
        (r) => r.injected.length || r.violations.length || r.xss !== undefined || r.dialogs.length,
      );
      expect(
        ran.map(({ route, injected, violations, xss, dialogs }) => ({
          route,
          injected,
          violations,
          xss,
          dialogs,
        })),
      ).toEqual([]);
      // hovering did render tooltips: a sweep that hovers nothing would find nothing
      expect(mine.filter((r) => r.hoverPoints > 0 && r.tooltips.length === 0).map((r) => r.route)).toEqual(
        [],
      );
      const excused = (route: string) =>
        showsNoPayload.some((e) => e.route === route && e.roles.includes(role));
      expect(mine.filter((r) => r.shown === null && !excused(r.route)).map((r) => r.route)).toEqual([]);
    },
  );
});

it('the workload’s skill chart shows a payload-named skill as text in its tooltip', async () => {
  const { page } = await openRolePage(contexts.owner);
  await page.goto(`${server.url}/workload`);
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: 'Skill demand against supply' }),
  });
  const chart = section.locator('.chart');
  await chart.locator('svg').waitFor();
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  // the skills nobody has are the most over-demanded (200%): the top rows, with bars across the width
  let tooltip = '';
  for (let y = box.y + 4; y < box.y + box.height && !tooltip.includes(payloads[0]); y += 6) {
    await page.mouse.move(box.x + box.width * 0.75, y);
    tooltip = await chart.evaluate((el) =>
      Array.from(el.querySelectorAll(':scope > div'))
        .filter((d) => !d.querySelector('svg') && getComputedStyle(d).display !== 'none')
        .map((d) => d.textContent ?? '')
        .join(' '),
    );
  }
  await screenshot(page, 'xss-workload-tooltip');
  expect(tooltip).toContain(payloads[0]);
  expect(tooltip).toMatch(/% of supply in the week of/);
  expect(await page.locator(`[data-xss-probe]`).count()).toBe(0);
  expect(targets.skillNames.some((name) => name.startsWith(payloads[0]))).toBe(true);
  await page.close();
});

it('the API docs load under their Content-Security-Policy', async () => {
  const { page } = await openRolePage(contexts.owner);
  await page.goto(`${server.url}/api/docs`);
  await page.locator('.swagger-ui .info .title').waitFor();
  await page.getByText('/api/goals/{id}', { exact: true }).first().waitFor();
  const violations = await page.evaluate(() => window.__xssProbe?.violations ?? []);
  expect(violations).toEqual([]);
  await page.close();
});

afterAll(() => {
  const sum = (of: (r: PageReport) => number) => reports.reduce((n, r) => n + of(r), 0);
  console.log(
    `XSS sweep: ${written.size} text fields written; ${reports.length} pages opened as ${roles.length} roles, ` +
      `${sum((r) => r.chartsHovered)} different charts hovered at ${sum((r) => r.hoverPoints)} points, ` +
      `${sum((r) => r.tooltips.length)} tooltips seen`,
  );
});
