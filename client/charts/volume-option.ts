// The 24-hour volume chart: today's minutes against the same minutes a week earlier.
import type { VolumeSeries } from '@shared/wall-events';
import { beijingHourMinute } from '@client/format/format';
import { WALL } from '@client/theme/palette';
import type { Messages } from '@client/i18n';
import { STILL, axisText, splitLine } from './chart-theme';
import type { WallChartOption } from './echarts';

/**
 * [time, value] pairs; NaN (a minute never received) stays a gap in the line. With `completeUntilMs`,
 * minutes that have not ended by then are left out: a minute still filling up would draw as a sudden
 * fall at the right edge of the chart on every tick.
 */
export function volumePoints(
  series: VolumeSeries,
  values: readonly number[],
  completeUntilMs = Infinity,
): [number, number][] {
  const start = Date.parse(series.start);
  const points: [number, number][] = [];
  values.forEach((value, i) => {
    const minuteStart = start + i * series.stepMs;
    if (minuteStart + series.stepMs <= completeUntilMs) points.push([minuteStart, value]);
  });
  return points;
}

/** The series ends with the minute under way (the tick's own minute): it is not drawn until it is over. */
export function volumeOption(series: VolumeSeries, unit: number, m: Messages): WallChartOption {
  const minuteUnderWayMs = Date.parse(series.start) + (series.current.length - 1) * series.stepMs;
  return {
    ...STILL,
    grid: { left: 8 * unit, right: 12 * unit, top: 30 * unit, bottom: 4 * unit, containLabel: true },
    legend: {
      top: 0,
      right: 0,
      itemWidth: 22 * unit,
      itemHeight: 10 * unit,
      textStyle: axisText(unit),
      data: [m.volume.current, m.volume.baseline],
    },
    xAxis: {
      type: 'time',
      axisLabel: { ...axisText(unit), formatter: (value: number) => beijingHourMinute(value), hideOverlap: true },
      axisLine: { lineStyle: { color: WALL.grid } },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', axisLabel: axisText(unit), splitLine: splitLine(unit), minInterval: 1 },
    series: [
      {
        name: m.volume.baseline,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        data: volumePoints(series, series.baseline),
        lineStyle: { color: WALL.baseline, width: 1.5 * unit, type: 'dashed' },
        itemStyle: { color: WALL.baseline },
      },
      {
        name: m.volume.current,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        data: volumePoints(series, series.current, minuteUnderWayMs),
        lineStyle: { color: WALL.current, width: 2.5 * unit },
        itemStyle: { color: WALL.current },
        areaStyle: { color: 'rgba(86,180,233,0.15)' },
      },
    ],
  };
}
