// The report's fixed charts, drawn on the server as SVG by the wall's own option builders
// (client/charts/*-option.ts: pure functions of data, unit and language, no DOM), so a chart in the
// report looks like the same chart on the wall. ECharts renders them without a DOM since 5.3.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { channelOption } from '@client/charts/channel-option';
import type { WallChartOption } from '@client/charts/echarts';
import { rankingOption, type RankedBar } from '@client/charts/ranking-option';
import { CATEGORICAL, WALL } from '@client/theme/palette';
import type { Channel } from '@shared/codes';
import type { ReportLang } from './report-text';

// LegacyGridContainLabel: the builders ask for grid.containLabel, which ECharts 6 honours only with it
// (without it the category labels of the ranking bars are drawn outside the chart and cut off)
use([BarChart, PieChart, GridComponent, LegendComponent, LegacyGridContainLabel, SVGRenderer]);

/** Design px to chart px: the wall's builders are sized for a 1080p tile; a printed chart is larger text. */
const PRINT_UNIT = 0.9;
/** The page's width in CSS px (186 mm) and half of it less the gap: charts are drawn at the size shown. */
export const FULL_WIDTH_PX = 700;
export const HALF_WIDTH_PX = 340;
const BAR_ROW_PX = 26;
const LABEL_MARGIN_PX = 14;

function renderSvg(option: WallChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // the wall's panel colour behind the chart: the builders draw light text for the dark wall
    chart.setOption({ ...option, backgroundColor: WALL.panel });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Horizontal bars, largest on top (the wall's ranking tiles). */
export function rankingSvg(bars: readonly RankedBar[], colourIndex: number, widthPx: number): string {
  const height = BAR_ROW_PX * bars.length + 16;
  const option = rankingOption(bars, PRINT_UNIT, CATEGORICAL[colourIndex % CATEGORICAL.length]);
  // without a canvas ECharts estimates text widths, a little short for Noto Sans SC's Latin letters:
  // more room on the left so that containLabel never cuts the first letter of a long label
  return renderSvg({ ...option, grid: { ...option.grid, left: LABEL_MARGIN_PX } }, widthPx, height);
}

/** The channel ring (the wall's channel tile). */
export function channelSvg(mix: Record<Channel, number>, lang: ReportLang): string {
  return renderSvg(channelOption(mix, PRINT_UNIT, lang), FULL_WIDTH_PX, 230);
}
