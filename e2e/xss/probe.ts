/**
 * The browser side of the XSS sweep: a probe installed in every page before the app runs, and a visit
 * that opens one page, waits for it and its charts, hovers every chart over a grid of points so its
 * tooltips render, and reports what the probe saw.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from './api';
import { probeAttribute, shownPayload } from './payloads';

interface Probe {
  /** Elements marked by a payload that reached the DOM: an injection, whether or not it ran. */
  injected: string[];
  /** Content-Security-Policy violations: something tried to run or load what the policy forbids. */
  violations: string[];
  /** The texts chart tooltips showed. */
  tooltips: string[];
}

declare global {
  interface Window {
    __xss?: number;
    __xssProbe?: Probe;
  }
}

/** Runs in the page before any of its scripts (serialised by playwright: self-contained). */
function installProbe(attribute: string): void {
  const probe: Probe = { injected: [], violations: [], tooltips: [] };
  window.__xssProbe = probe;
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      probe.violations.push(`${event.effectiveDirective}: ${event.blockedURI || 'inline'} ${event.sample}`),
    true,
  );
  const check = (node: Node) => {
    if (!(node instanceof Element)) return;
    const marked = node.hasAttribute(attribute)
      ? [node]
      : Array.from(node.querySelectorAll(`[${attribute}]`));
    for (const element of marked) probe.injected.push(element.outerHTML.slice(0, 200));
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') check(record.target);
      record.addedNodes.forEach(check);
      // an ECharts HTML tooltip: a div inside the chart that is not the SVG's own wrapper
      const target = record.target;
      if (
        record.type === 'childList' &&
        target instanceof HTMLElement &&
        target.closest('.chart') &&
        !target.classList.contains('chart') &&
        !target.querySelector('svg') &&
        target.textContent &&
        probe.tooltips.length < 500
      )
        probe.tooltips.push(target.textContent);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: [attribute] });
}

export interface RolePage {
  page: Page;
  dialogs: string[];
  /** Charts already hovered on an earlier page (one page's tabs show the same charts again). */
  hoveredCharts: Set<string>;
}

const probed = new WeakSet<BrowserContext>();

/** A new page of the context, its probe installed and its dialogs recorded (and dismissed). */
export async function openRolePage(context: BrowserContext): Promise<RolePage> {
  if (!probed.has(context)) {
    await context.addInitScript(installProbe, probeAttribute);
    probed.add(context);
  }
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, dialogs, hoveredCharts: new Set() };
}

export interface PageReport {
  role: Role;
  route: string;
  charts: number;
  /** Charts hovered here (those not already hovered on an earlier page). */
  chartsHovered: number;
  hoverPoints: number;
  tooltips: string[];
  /** A payload the page shows as the characters typed (null: none). */
  shown: string | null;
  injected: string[];
  violations: string[];
  xss: number | undefined;
  dialogs: string[];
}

function isReady(): boolean {
  return (
    !document.querySelector('.state-loading, .chart-loading') &&
    Array.from(document.querySelectorAll('.chart')).every((chart) => chart.querySelector('svg'))
  );
}

/**
 * Waits until the page has loaded its data, every chart has drawn, and it stays where it is (a route
 * that redirects, as /sign-in does for someone signed in, settles on the page it leads to).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  let where = '';
  for (let i = 0; i < 20; i++) {
    await page.waitForFunction(isReady, undefined, { timeout: 15_000 });
    const now = await page.evaluate(() => location.href);
    if (now === where) return;
    where = now;
    await page.waitForTimeout(150);
  }
}

/**
 * Hovers a chart all over, in the page: the middle of every shape it drew (each bar, slice and data
 * point, so every item's tooltip renders) and a grid across it, rows 28 px apart (axis tooltips answer
 * anywhere in the plot). ECharts reads the mouse through mousemove events on its element, so these are
 * dispatched there, at the element under each point, with a frame for every 32; a real mouse sweep
 * costs a frame or two per point, too slow for thousands. Answers the points it hovered.
 */
async function hoverInPage(chart: Element): Promise<Array<[number, number]>> {
  const box = chart.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  const candidates: Array<[number, number]> = [];
  for (const shape of Array.from(chart.querySelectorAll('svg path, svg rect, svg circle'))) {
    const r = shape.getBoundingClientRect();
    if (r.width >= 2 || r.height >= 2) candidates.push([r.left + r.width / 2, r.top + r.height / 2]);
  }
  for (let y = top + 4; y < bottom; y += 28)
    for (let x = box.left + 4; x < box.right; x += Math.max(10, box.width / 16)) candidates.push([x, y]);
  const cells = new Set<string>();
  const points = candidates.filter(([x, y]) => {
    const cell = `${Math.round(x / 4)}:${Math.round(y / 4)}`;
    const inside = x > box.left && x < box.right && y > top && y < bottom;
    if (!inside || cells.has(cell)) return false;
    cells.add(cell);
    return true;
  });
  for (const [i, [x, y]] of points.entries()) {
    const target = document.elementFromPoint(x, y) ?? chart;
    target.dispatchEvent(
      new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true, view: window }),
    );
    if (i % 32 === 31) await new Promise(requestAnimationFrame);
  }
  return points;
}

/**
 * Hovers every shape of a chart and a grid across it so its tooltips render, then moves the real mouse
 * over a sample of the same points: the browser's own hit-testing and input path, as a person's.
 */
async function hoverChart(page: Page, index: number): Promise<number> {
  const chart = page.locator('.chart').nth(index);
  await chart.scrollIntoViewIfNeeded();
  const points = await chart.evaluate(hoverInPage);
  const step = Math.max(1, Math.floor(points.length / 24));
  for (let i = 0; i < points.length; i += step) await page.mouse.move(...points[i]!);
  await page.mouse.move(0, 0);
  return points.length;
}

export async function sweepPage(
  role: RolePage & { role: Role },
  route: string,
  url: string,
): Promise<PageReport> {
  const { page } = role;
  const dialogsBefore = role.dialogs.length;
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const charts = await page.locator('.chart').count();
  let hoverPoints = 0;
  let chartsHovered = 0;
  for (let i = 0; i < charts; i++) {
    // a chart is what it is labelled and the text it drew (names, axes, values)
    const chart = await page
      .locator('.chart')
      .nth(i)
      .evaluate((el) => `${el.getAttribute('aria-label')}|${el.querySelector('svg')?.textContent ?? ''}`);
    if (role.hoveredCharts.has(chart)) continue;
    role.hoveredCharts.add(chart);
    hoverPoints += await hoverChart(page, i);
    chartsHovered++;
  }
  const seen = await page.evaluate(
    (attribute) => ({
      probe: window.__xssProbe ?? { injected: ['the probe did not load'], violations: [], tooltips: [] },
      stillThere: Array.from(document.querySelectorAll(`[${attribute}]`)).map((e) =>
        e.outerHTML.slice(0, 200),
      ),
      xss: window.__xss,
      text: document.body.innerText,
    }),
    probeAttribute,
  );
  return {
    role: role.role,
    route,
    charts,
    chartsHovered,
    hoverPoints,
    tooltips: seen.probe.tooltips,
    shown: shownPayload(seen.text),
    // the same payload is caught at every hover: each different finding once is enough to read
    injected: [...new Set([...seen.probe.injected, ...seen.stillThere])],
    violations: [...new Set(seen.probe.violations)],
    xss: seen.xss,
    dialogs: role.dialogs.slice(dialogsBefore),
  };
}
