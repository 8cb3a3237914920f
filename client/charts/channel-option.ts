// Channel mix as a ring: each slice labelled with its name and share, so colour is never the only key.
import { CHANNELS, CHANNEL_CODES, type Channel } from '@shared/codes';
import { codeLabel, type Locale } from '@client/i18n';
import { CATEGORICAL, WALL } from '@client/theme/palette';
import { STILL } from './chart-theme';
import type { WallChartOption } from './echarts';

/** Slices below this share get no label: they would collide, and a wall cannot show a tooltip. */
const LABEL_MIN_SHARE = 0.03;

export function channelOption(mix: Record<Channel, number>, unit: number, lang: Locale): WallChartOption {
  const total = CHANNEL_CODES.reduce((sum, code) => sum + (mix[code] ?? 0), 0);
  const data = CHANNEL_CODES.map((code, i) => ({
    name: codeLabel(CHANNELS, code, lang),
    value: mix[code] ?? 0,
    // Fixed colour per channel, so the same channel keeps its colour as shares change.
    itemStyle: { color: CATEGORICAL[i % CATEGORICAL.length] },
    label: { show: total > 0 && (mix[code] ?? 0) / total >= LABEL_MIN_SHARE },
    labelLine: { show: total > 0 && (mix[code] ?? 0) / total >= LABEL_MIN_SHARE },
  }));
  return {
    ...STILL,
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '54%'],
        data,
        label: {
          color: WALL.text,
          fontSize: 14 * unit,
          formatter: ({ name, percent }) => `${name} ${Number(percent ?? 0).toFixed(0)}%`,
        },
        labelLine: { length: 8 * unit, length2: 8 * unit, lineStyle: { color: WALL.textDim } },
        itemStyle: { borderColor: WALL.panel, borderWidth: 2 * unit },
      },
    ],
  };
}
