// Horizontal bars for a ranked list (top categories): largest at the top, value at the bar's end.
import { formatCount } from '@client/format/format';
import { WALL } from '@client/theme/palette';
import { STILL, axisText } from './chart-theme';
import type { WallChartOption } from './echarts';

export interface RankedBar {
  label: string;
  count: number;
}

export function rankingOption(bars: readonly RankedBar[], unit: number, colour: string): WallChartOption {
  // ECharts draws category axes bottom-up; reverse so the largest sits on top.
  const ordered = [...bars].reverse();
  return {
    ...STILL,
    grid: { left: 4 * unit, right: 56 * unit, top: 4 * unit, bottom: 4 * unit, containLabel: true },
    xAxis: { type: 'value', show: false, max: 'dataMax' },
    yAxis: {
      type: 'category',
      data: ordered.map((b) => b.label),
      axisLabel: { ...axisText(unit), color: WALL.text, fontSize: 15 * unit, interval: 0 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: ordered.map((b) => b.count),
        barMaxWidth: 18 * unit,
        itemStyle: { color: colour, borderRadius: [0, 3 * unit, 3 * unit, 0] },
        label: {
          show: true,
          position: 'right',
          color: WALL.text,
          fontSize: 15 * unit,
          fontWeight: 'bold',
          formatter: ({ value }) => formatCount(Number(value)),
        },
      },
    ],
  };
}
