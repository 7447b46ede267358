/** Charts load ECharts on first use, so the first screen of the app does not wait for it. */
import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

const Chart = lazy(() => import('./chart'));

export type ChartOption = EChartsCoreOption;

interface LazyChartProps {
  option: ChartOption;
  height: number;
  label: string;
  onItemClick?: (dataIndex: number) => void;
}

export function LazyChart(props: LazyChartProps) {
  return (
    <Suspense
      fallback={<div className="chart chart-loading" style={{ height: props.height }} aria-hidden="true" />}
    >
      <Chart {...props} />
    </Suspense>
  );
}
