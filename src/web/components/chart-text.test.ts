import { describe, expect, it } from 'vitest';
import { escapeHtml, tooltipHtml, withTextTooltips } from './chart-text';

const payload = '<img src=x onerror=alert(1)>';
const escaped = '&lt;img src=x onerror=alert(1)&gt;';

type Formatter = (params?: unknown, ticket?: unknown, callback?: unknown) => string;
type Tooltip = { formatter?: unknown; renderMode?: string; trigger?: string; axisPointer?: unknown };

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or leave an attribute', () => {
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
  });

  it('leaves every other character as typed, ECharts template braces included', () => {
    const text = 'Illustration {a|x} {b} — Ünïcødé 🎨 $1 $`';
    expect(escapeHtml(text)).toBe(text);
  });

  it('escapes an ampersand once, so an entity someone typed shows as typed', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('tooltipHtml', () => {
  it('keeps line breaks as <br/> after escaping the text', () => {
    expect(tooltipHtml(`${payload}\nline two\r\nthree`)).toBe(`${escaped}<br/>line two<br/>three`);
  });
});

describe('withTextTooltips', () => {
  it('makes a function formatter’s result text: markup in a name shows as the characters typed', () => {
    const option = { tooltip: { formatter: (p: { name: string }) => `${p.name}: 40% of supply` } };
    const guarded = withTextTooltips(option);
    expect((guarded.tooltip.formatter as Formatter)({ name: payload })).toBe(`${escaped}: 40% of supply`);
  });

  it('escapes the text an asynchronous formatter hands to its callback', () => {
    const received: unknown[] = [];
    const option = {
      tooltip: {
        formatter: (_p: unknown, ticket: string, callback: (t: string, html: string) => void) => {
          callback(ticket, payload);
          return 'loading <…>';
        },
      },
    };
    const formatter = withTextTooltips(option).tooltip.formatter as Formatter;
    expect(formatter({}, 't1', (t: string, html: string) => received.push(t, html))).toBe(
      'loading &lt;…&gt;',
    );
    expect(received).toEqual(['t1', escaped]);
  });

  it('turns a formatter’s missing or non-string result into text rather than passing it through', () => {
    const option = {
      tooltip: [
        { formatter: () => undefined },
        { formatter: () => 42 },
        { formatter: () => ({ toString: () => payload }) },
      ],
    };
    const results = (withTextTooltips(option).tooltip as Tooltip[]).map((t) => (t.formatter as Formatter)());
    expect(results).toEqual(['', '42', '']);
  });

  it('escapes a string template’s own characters and keeps its placeholders for ECharts to fill', () => {
    const option = { tooltip: { formatter: `${payload} {b}: {c}%\n{a}` } };
    expect(withTextTooltips(option).tooltip.formatter).toBe(`${escaped} {b}: {c}%<br/>{a}`);
  });

  it('guards the tooltips of series, data items and components, at any depth', () => {
    const leak = (p: { name: string }) => p.name;
    const option = {
      series: [
        { type: 'bar', tooltip: { formatter: leak }, data: [{ value: 1, tooltip: { formatter: leak } }] },
      ],
      legend: { tooltip: { show: true, formatter: leak } },
      yAxis: [{ type: 'category', tooltip: { formatter: leak } }],
    };
    const guarded = withTextTooltips(option);
    const formatters = [
      guarded.series[0]!.tooltip.formatter,
      guarded.series[0]!.data[0]!.tooltip.formatter,
      guarded.legend.tooltip.formatter,
      guarded.yAxis[0]!.tooltip.formatter,
    ] as Formatter[];
    for (const formatter of formatters) expect(formatter({ name: payload })).toBe(escaped);
  });

  it('asks for the HTML tooltip, the form the escaping is made for', () => {
    const option = { tooltip: { trigger: 'item', renderMode: 'richText' }, series: [{ tooltip: {} }] };
    const guarded = withTextTooltips(option);
    expect(guarded.tooltip.renderMode).toBe('html');
    expect((guarded.series[0]!.tooltip as Tooltip).renderMode).toBe('html');
  });

  it('leaves label formatters and valueFormatter alone: they are drawn as SVG text or escaped by ECharts', () => {
    const axisFormatter = (v: string) => `${v}%`;
    const valueFormatter = (v: unknown) => `${String(v)} h`;
    const option = {
      xAxis: { axisLabel: { formatter: axisFormatter } },
      series: [{ label: { formatter: '{b} <{c}>' } }],
      tooltip: { valueFormatter, axisPointer: { label: { formatter: axisFormatter } } },
    };
    const guarded = withTextTooltips(option);
    expect(guarded.xAxis.axisLabel.formatter).toBe(axisFormatter);
    expect(guarded.series[0]!.label.formatter).toBe('{b} <{c}>');
    expect(guarded.tooltip.valueFormatter).toBe(valueFormatter);
    expect(guarded.tooltip.axisPointer.label.formatter).toBe(axisFormatter);
  });

  it('does not change the option it is given (pages memoise their options)', () => {
    const formatter = (p: { name: string }) => p.name;
    const option = { tooltip: { formatter }, series: [{ data: [1, 2, 3] }] };
    const before = JSON.stringify(option);
    withTextTooltips(option);
    expect(JSON.stringify(option)).toBe(before);
    expect(option.tooltip.formatter).toBe(formatter);
  });

  it('keeps class instances such as dates and gradients as they are', () => {
    class Gradient {
      constructor(readonly stops: string[]) {}
    }
    const gradient = new Gradient(['#fff', '#000']);
    const date = new Date('2026-03-02T00:00:00Z');
    const guarded = withTextTooltips({ series: [{ itemStyle: { color: gradient }, data: [[date, 1]] }] });
    expect(guarded.series[0]!.itemStyle.color).toBe(gradient);
    expect(guarded.series[0]!.data[0]![0]).toBe(date);
  });

  it('wraps a tooltip shared by two series once, and one that is also used elsewhere as well', () => {
    const shared: Tooltip = { formatter: (p: { name: string }) => p.name };
    const option = { series: [{ tooltip: shared }, { tooltip: shared }], extra: shared };
    const guarded = withTextTooltips(option);
    expect((guarded.series[0]!.tooltip.formatter as Formatter)({ name: '<b>' })).toBe('&lt;b&gt;');
    expect((guarded.series[1]!.tooltip.formatter as Formatter)({ name: '<b>' })).toBe('&lt;b&gt;');
  });

  it('copes with an option that refers to itself', () => {
    const series: Record<string, unknown> = { type: 'bar', tooltip: { formatter: () => payload } };
    series.self = series;
    const guarded = withTextTooltips({ series: [series] });
    const copy = guarded.series[0]! as { self: unknown; tooltip: Tooltip };
    expect(copy.self).toBe(copy);
    expect((copy.tooltip.formatter as Formatter)()).toBe(escaped);
  });
});
