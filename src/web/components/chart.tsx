/**
 * A small React wrapper around ECharts: one instance per element, resized with the element, options
 * replaced on change. Only the chart types the app uses are registered, to keep the bundle small.
 *
 * Every option passes through `withTextTooltips` (chart-text.ts) on its way in, so tooltip formatters
 * return text and whatever users typed shows as typed, never as markup. Chosen
 * over the alternatives because it holds for charts nobody has written yet and keeps the tooltips as
 * they look: escaping at each formatter depends on every future formatter remembering to, and
 * ECharts' `renderMode: 'richText'` draws tooltips inside the chart (clipped on a 120 px chart) and
 * reads `{style|text}` in a name as styling, so a name still would not show as typed.
 */
import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use as registerCharts, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { withTextTooltips } from './chart-text';

registerCharts([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export type ChartOption = EChartsCoreOption;

interface ChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the same data is always listed as text nearby). */
  label: string;
  onItemClick?: (dataIndex: number) => void;
}

export default function Chart({ option, height, label, onItemClick }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickHandler = useRef(onItemClick);

  useEffect(() => {
    clickHandler.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = init(node, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const index = (params as { dataIndex?: number }).dataIndex;
      if (typeof index === 'number') clickHandler.current?.(index);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(withTextTooltips(option), { notMerge: true });
  }, [option]);

  return <div className="chart" ref={element} style={{ height }} role="img" aria-label={label} />;
}
