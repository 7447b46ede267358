/**
 * Chart text is text. ECharts' HTML tooltip puts a function formatter's return value into the page
 * with innerHTML, so a formatter that mentions a name someone typed (a skill, a project, a person) ran
 * whatever markup that name held. `withTextTooltips` makes every tooltip
 * formatter of an option produce text: the chart component applies it to every option it draws, so a
 * new chart cannot bring the hole back by forgetting to escape.
 *
 * What else reaches the page stays as ECharts makes it, because it is already text: the default
 * tooltip, `valueFormatter` results and the values a string template fills in are HTML-escaped by
 * ECharts itself, and axis, series and mark labels are SVG text nodes (set through textContent).
 */

const htmlEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to put between HTML tags or inside a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

/** A tooltip's plain text as the HTML its box shows: escaped, with its line breaks kept. */
export function tooltipHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br/>');
}

/**
 * Whatever a formatter returned, as the text a reader would see. ECharts also accepts DOM elements;
 * they keep their text and lose their markup.
 */
function textOf(result: unknown): string {
  if (typeof result === 'string') return result;
  if (result === null || result === undefined) return '';
  if (Array.isArray(result)) return result.map(textOf).join('');
  if (typeof Node !== 'undefined' && result instanceof Node) return result.textContent ?? '';
  return typeof result === 'number' || typeof result === 'boolean' ? String(result) : '';
}

type Callback = (ticket: unknown, html: unknown) => unknown;

function textFormatter(formatter: (...args: unknown[]) => unknown) {
  return (params: unknown, ticket: unknown, callback: unknown): string => {
    // an asynchronous formatter hands its text to ECharts later, through the callback
    const textCallback =
      typeof callback === 'function'
        ? (t: unknown, html: unknown) => (callback as Callback)(t, tooltipHtml(textOf(html)))
        : callback;
    return tooltipHtml(textOf(formatter(params, ticket, textCallback)));
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The option with every tooltip formatter — the chart's, a series', a data item's, a component's —
 * turned into one that returns text:
 * - a function formatter returns plain text (line breaks as "\n"); its result is escaped, so markup in
 *   it shows as the characters typed, and it cannot use ECharts' HTML `params.marker`;
 * - a string template's own characters are escaped; ECharts escapes the values it fills in;
 * - the tooltip renders as HTML, the form the escaping is for (`richText` would read `{style|text}` in
 *   a name as styling).
 * The given option is not changed; class instances (gradients, dates) are kept as they are.
 */
export function withTextTooltips<T>(option: T): T {
  // shared and circular references are copied once; a tooltip has its own copy, so an object that is
  // also used elsewhere is never left with the formatter it came with
  const copies = new WeakMap<object, unknown>();
  const tooltipCopies = new WeakMap<object, unknown>();

  function copyEntries(value: Record<string, unknown>, copy: Record<string, unknown>): void {
    for (const [key, child] of Object.entries(value))
      copy[key] = key === 'tooltip' ? guardTooltip(child) : guard(child);
  }

  function guard(value: unknown): unknown {
    if (Array.isArray(value)) {
      if (copies.has(value)) return copies.get(value);
      const copy: unknown[] = [];
      copies.set(value, copy);
      for (const item of value) copy.push(guard(item));
      return copy;
    }
    if (!isPlainObject(value)) return value;
    if (copies.has(value)) return copies.get(value);
    const copy: Record<string, unknown> = {};
    copies.set(value, copy);
    copyEntries(value, copy);
    return copy;
  }

  function guardTooltip(tooltip: unknown): unknown {
    if (Array.isArray(tooltip)) return tooltip.map(guardTooltip);
    if (!isPlainObject(tooltip)) return tooltip;
    if (tooltipCopies.has(tooltip)) return tooltipCopies.get(tooltip);
    const copy: Record<string, unknown> = {};
    tooltipCopies.set(tooltip, copy);
    copyEntries(tooltip, copy);
    const formatter = tooltip.formatter;
    if (typeof formatter === 'function')
      copy.formatter = textFormatter(formatter as (...args: unknown[]) => unknown);
    else if (formatter !== undefined && formatter !== null) copy.formatter = tooltipHtml(textOf(formatter));
    copy.renderMode = 'html';
    return copy;
  }

  return guard(option) as T;
}
