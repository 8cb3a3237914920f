// The wall's panels in one place, in two words for the two things "panel" used to mean:
// - a payload PART is what travels under `panels` in wall:snapshot and wall:update (kpis,
//   latestCases, heat, ...): how often the server refreshes it, and how a list part is keyed;
// - a screen TILE is a framed panel on the wall (kpis, map, feed, ...): the parts it draws, its title.
// Server assembly, the client's staleness rules, merge caps, titles, layouts and the e2e lists all
// derive from here: a new panel is a tile entry (with a part entry when it brings new data), its
// component in client/panels/tiles.ts, its place in client/layout/layouts.ts, and its query.
import type { CodeLabel } from './codes';
import type { HeatPoint, PartName, WallParts } from './wall-events';

export type { PartName };

/** Parts that move slowly or look far back are recomputed this often rather than every tick. */
export const SLOW_REFRESH_MS = 5_000;

/** How many items travel and are kept, whatever the data says: the wall's memory and each tick's size stay bounded. */
export const LIMITS = {
  /** newest cases in the feed */
  feedCases: 50,
  /** urgent cases (and incidents) on the map: each one is a feature, the newest a DOM marker */
  mapMarkers: 200,
  /** minutes in the volume series: one day */
  volumePoints: 1440,
  /** densest heat bins of the last hour */
  heatBins: 2000,
  /** merchants and brands in the rankings */
  rankedParties: 10,
  /** alerts of a scope, most severe and newest first: more would not be read from a wall anyway */
  alerts: 50,
} as const;

export type Refresh = 'tick' | 'slow';
type ItemOf<P extends PartName> = WallParts[P] extends readonly (infer T)[] ? T : never;
/** The parts that are lists: they travel as deltas (items added, gone, changed) keyed by `key`. */
export type ListPartName = { [P in PartName]: WallParts[P] extends readonly unknown[] ? P : never }[PartName];

export interface ListSpec<T> {
  /** what identifies an item from one tick to the next */
  key(item: T): string;
  /** at most this many items, sent by the server and kept by the wall */
  max?: number;
}

export type PartSpec<P extends PartName> = {
  /** 'tick': recomputed every TICK_MS; 'slow': some of its figures only every SLOW_REFRESH_MS */
  refresh: Refresh;
} & (P extends ListPartName ? { list: ListSpec<ItemOf<P>> } : unknown);

const byId = { key: (item: { id: string }) => item.id };
const byKey = { key: (item: { key: string }) => item.key };

export const PARTS: { [P in PartName]: PartSpec<P> } = {
  // open, overdue, on-time rate, money recovered and the comparisons are slow; today's counts are not
  kpis: { refresh: 'slow' },
  // the week-ago baseline is slow
  volume: { refresh: 'slow' },
  // open and overdue per region are slow
  regions: { refresh: 'slow', list: { key: (row) => row.code } },
  topCategories: { refresh: 'tick', list: byKey },
  topMerchants: { refresh: 'slow', list: { ...byKey, max: LIMITS.rankedParties } },
  topBrands: { refresh: 'slow', list: { ...byKey, max: LIMITS.rankedParties } },
  channelMix: { refresh: 'tick' },
  lineMix: { refresh: 'tick' },
  latestCases: { refresh: 'tick', list: { ...byId, max: LIMITS.feedCases } },
  urgentCases: { refresh: 'tick', list: { ...byId, max: LIMITS.mapMarkers } },
  heat: { refresh: 'tick', list: { key: (point: HeatPoint) => `${point[0]},${point[1]}`, max: LIMITS.heatBins } },
  // from the alerts domain's memory each tick, no query
  alerts: { refresh: 'tick', list: { ...byId, max: LIMITS.alerts } },
  incidents: { refresh: 'tick', list: { ...byId, max: LIMITS.mapMarkers } },
};

export const PART_NAMES = Object.keys(PARTS) as PartName[];

export function listSpec<P extends ListPartName>(part: P): ListSpec<ItemOf<P>> {
  return (PARTS[part] as { list: ListSpec<ItemOf<P>> }).list;
}

export function isListPart(part: PartName): part is ListPartName {
  return 'list' in PARTS[part];
}

export interface TileSpec {
  id: string;
  /** the payload parts the tile draws: it is as fresh as the oldest of them */
  parts: readonly PartName[];
  title: CodeLabel;
}

/** The wall's tiles, in the order they sit in the page (the layout places them). */
export const TILES = [
  { id: 'kpis', parts: ['kpis'], title: { zh: '今日概况', en: 'Today' } },
  { id: 'volume', parts: ['volume'], title: { zh: '近24小时受理量', en: 'Cases, last 24 hours' } },
  { id: 'map', parts: ['regions', 'heat', 'urgentCases', 'incidents'], title: { zh: '全国态势', en: 'Situation map' } },
  { id: 'feed', parts: ['latestCases'], title: { zh: '实时案件', en: 'Live cases' } },
  { id: 'regions', parts: ['regions'], title: { zh: '地区排名', en: 'Regions' } },
  { id: 'categories', parts: ['topCategories'], title: { zh: '热点类别', en: 'Top categories' } },
  { id: 'alerts', parts: ['alerts'], title: { zh: '热点预警', en: 'Hot-issue alerts' } },
  { id: 'channels', parts: ['channelMix'], title: { zh: '受理渠道', en: 'Channels' } },
  {
    id: 'merchants',
    parts: ['topMerchants', 'topBrands'],
    title: { zh: '被诉商家与品牌', en: 'Merchants & brands' },
  },
  { id: 'incidents', parts: ['incidents'], title: { zh: '突发事件', en: 'Incidents' } },
] as const satisfies readonly TileSpec[];

export type TileId = (typeof TILES)[number]['id'];
export const TILE_IDS: readonly TileId[] = TILES.map((tile) => tile.id);

export function tileParts(tile: TileId): readonly PartName[] {
  return TILES.find((t) => t.id === tile)!.parts;
}

/** The tiles' titles in one language, for the i18n catalogues. */
export function tileTitles(lang: keyof CodeLabel): Record<TileId, string> {
  return Object.fromEntries(TILES.map((tile) => [tile.id, tile.title[lang]])) as Record<TileId, string>;
}
