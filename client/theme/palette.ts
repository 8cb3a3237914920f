// Colours chosen for a dark wall read by a room of people, some of whom are colour-blind:
// Okabe-Ito for categories, cividis for sequential values (monotone in lightness, CVD-safe),
// a white glow for the heatmap so that it never reads as part of the choropleth.

/** Okabe-Ito without its black (invisible on a dark wall); grey last for "other". */
export const CATEGORICAL = [
  '#56B4E9',
  '#E69F00',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#BBBBBB',
] as const;

/** Cividis, dark to light, as [position 0..1, colour]. */
export const SEQUENTIAL: ReadonlyArray<readonly [number, string]> = [
  [0, '#00224E'],
  [0.2, '#2A3F6C'],
  [0.4, '#575C6D'],
  [0.6, '#7F7C75'],
  [0.8, '#AFA26C'],
  [1, '#FEE838'],
];

/**
 * The heatmap is a white glow: luminance only, so it reads as "many cases here" on top of any
 * choropleth colour and cannot be mistaken for a step of the cividis ramp, whatever a viewer's colour vision.
 */
export const HEAT: ReadonlyArray<readonly [number, string]> = [
  [0, 'rgba(255,255,255,0)'],
  [0.3, 'rgba(255,255,255,0.25)'],
  [0.6, 'rgba(255,255,255,0.55)'],
  [1, 'rgba(255,255,255,0.9)'],
];

export const WALL = {
  background: '#0B0F17',
  panel: '#111827',
  grid: '#263042',
  text: '#E8EDF5',
  textDim: '#9AA6B8',
  /** the current series: bright, the one people look at */
  current: '#56B4E9',
  /** the baseline: dim and dashed, so shape alone tells them apart */
  baseline: '#9AA6B8',
  up: '#E69F00',
  down: '#56B4E9',
  urgent: '#D55E00',
  incident: '#CC79A7',
  noData: '#1A2230',
  boundary: '#7A8699',
} as const;
