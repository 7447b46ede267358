/**
 * A small React wrapper around ECharts: one instance per element, resized with the element, options
 * replaced on change. Only the chart types the app uses are registered, to keep the bundle small.
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
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div className="chart" ref={element} style={{ height }} role="img" aria-label={label} />;
}
