/** The palette of styles.css, for charts (ECharts draws outside CSS). */
export const chartColors = {
  accent: '#285e8a',
  accentSoft: '#8fb3d1',
  good: '#2f7d55',
  warn: '#b7791f',
  bad: '#b33a3a',
  muted: '#8a94a3',
  grid: '#e3e7ec',
  text: '#3b4452',
};
