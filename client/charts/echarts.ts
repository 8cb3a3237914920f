// ECharts, tree-shaken to what the wall draws: line and bar charts on a canvas, nothing else.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';

// the option builders ask for grid.containLabel, which ECharts 6 honours only with LegacyGridContainLabel
use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, LegacyGridContainLabel, CanvasRenderer]);

export type WallChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption
>;

export function createChart(element: HTMLElement): ECharts {
  return init(element, null, {
    renderer: 'canvas',
    // Real device pixels: the canvas is laid out at the display's resolution, not upscaled.
    devicePixelRatio: window.devicePixelRatio || 1,
  });
}

export type { ECharts };
