// How old the wall's data is. Ages are measured on the server's clock (estimated from sentAt), not the
// display's: wall PCs on an intranet often have clocks minutes off, which would make every panel
// look stale or, worse, fresh when it is not.
import type { PanelName } from '@shared/wall-events';

export const DEFAULT_TICK_MS = 1000;
/** A panel whose data is older than this many ticks is shown stale. */
export const STALE_AFTER_TICKS = 3;
/** A part's cadence guessed from its lag alone is believed up to this many ticks. */
export const PRIOR_CADENCE_MAX_TICKS = 10;

const MIN_TICK_MS = 100;
const MAX_TICK_MS = 60_000;
/** Recent samples kept for the tick and clock-offset estimates; a ring, so memory stays flat. */
export const SAMPLE_WINDOW = 20;

/** The panels of the wall and the parts of the payload each one draws. */
export const PANEL_SOURCES = {
  kpis: ['kpis'],
  map: ['regions', 'heat', 'urgentCases'],
  volume: ['volume'],
  regions: ['regions'],
  categories: ['topCategories'],
  merchants: ['topMerchants', 'topBrands'],
  channels: ['channelMix'],
  feed: ['latestCases'],
  alerts: ['alerts'],
  incidents: ['incidents'],
} as const satisfies Record<string, readonly PanelName[]>;

export type WallPanelId = keyof typeof PANEL_SOURCES;
export const WALL_PANEL_IDS = Object.keys(PANEL_SOURCES) as WallPanelId[];

export function pushSample(samples: number[], value: number): void {
  samples.push(value);
  if (samples.length > SAMPLE_WINDOW) samples.shift();
}

/** The tick interval seen in the stream (median asOf step per seq), or the default before there is any. */
export function estimateTickMs(asOfStepsMs: readonly number[]): number {
  const usable = asOfStepsMs.filter((ms) => ms > 0).sort((a, b) => a - b);
  if (usable.length === 0) return DEFAULT_TICK_MS;
  const median = usable[Math.floor(usable.length / 2)];
  return Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, median));
}

/**
 * Display clock minus server clock. Each sample is receivedAt - sentAt, i.e. offset plus network
 * delay; the smallest one is the closest to the true offset.
 */
export function estimateClockOffsetMs(receivedMinusSentMs: readonly number[]): number {
  return receivedMinusSentMs.length ? Math.min(...receivedMinusSentMs) : 0;
}

export interface PanelFreshness {
  /** age of the oldest part the panel draws, ms on the server's clock */
  ageMs: number;
  /** older than STALE_AFTER_TICKS of its part's own cadence */
  stale: boolean;
}

/**
 * Age and staleness of one wall panel. A part without its own panelAsOf is as current as the
 * payload's asOf. Parts the server computes less often than every tick are judged by their own
 * cadence (cadenceMs), so a ten-second panel is not flagged stale three seconds after each refresh.
 */
export function panelFreshness(
  panel: WallPanelId,
  payload: { asOf: string; panelAsOf: Partial<Record<PanelName, string>> },
  serverNowMs: number,
  cadenceMs: (part: PanelName) => number,
): PanelFreshness {
  let ageMs = 0;
  let stale = false;
  for (const part of PANEL_SOURCES[panel]) {
    const partAge = Math.max(0, serverNowMs - Date.parse(payload.panelAsOf[part] ?? payload.asOf));
    ageMs = Math.max(ageMs, partAge);
    stale ||= isStale(partAge, cadenceMs(part));
  }
  return { ageMs, stale };
}

export function isStale(ageMs: number, tickMs: number): boolean {
  return ageMs > STALE_AFTER_TICKS * tickMs;
}
