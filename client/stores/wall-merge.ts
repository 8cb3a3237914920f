// Pure merge rules for the /wall stream, kept apart from Pinia so they can be tested in node.
import type { WallPanels, WallSnapshot, WallUpdate } from '@shared/wall-events';
import { acceptVolume, applyVolumeTail } from './volume-window';

/** The wall's view of one scope: the last full panel state and the stream position it came from. */
export interface WallState {
  scope: string;
  seq: number;
  asOf: string;
  sentAt: string;
  degraded: boolean;
  panelAsOf: WallSnapshot['panelAsOf'];
  panels: WallPanels;
}

export type UpdateOutcome =
  /** merged */
  | 'applied'
  /** an older or repeated seq (a resend overlapping what we have): ignored */
  | 'duplicate'
  /** seq skipped ahead: ignored, the caller must resubscribe with the last seq */
  | 'gap'
  /** for another scope (in flight across a scope change) or before any snapshot: ignored */
  | 'ignored';

/** Latest cases are shown as a feed; the server sends 50, the wall never keeps more than this. */
export const MAX_FEED_CASES = 50;
/** Markers are DOM elements: keep their number bounded whatever the payload says. */
export const MAX_MAP_MARKERS = 200;

function capPanels<T extends Partial<WallPanels>>(panels: T): T {
  const capped = { ...panels };
  if (capped.latestCases) capped.latestCases = capped.latestCases.slice(0, MAX_FEED_CASES);
  if (capped.urgentCases) capped.urgentCases = capped.urgentCases.slice(0, MAX_MAP_MARKERS);
  if (capped.incidents) capped.incidents = capped.incidents.slice(0, MAX_MAP_MARKERS);
  return capped;
}

export function stateFromSnapshot(snapshot: WallSnapshot): WallState {
  const panels = capPanels(snapshot.panels);
  return {
    scope: snapshot.scope,
    seq: snapshot.seq,
    asOf: snapshot.asOf,
    sentAt: snapshot.sentAt,
    degraded: snapshot.degraded,
    panelAsOf: { ...snapshot.panelAsOf },
    panels: { ...panels, volume: acceptVolume(panels.volume) },
  };
}

export function classifyUpdate(state: WallState | null, update: WallUpdate): UpdateOutcome {
  if (!state || update.scope !== state.scope) return 'ignored';
  if (update.seq <= state.seq) return 'duplicate';
  if (update.seq !== state.seq + 1) return 'gap';
  return 'applied';
}

/**
 * The state after an update that classifyUpdate accepted. Panels absent from the update keep their
 * object identity, so a chart watching one panel does not redraw when another changed.
 */
export function mergeUpdate(state: WallState, update: WallUpdate): WallState {
  const changed = capPanels(update.panels);
  return {
    scope: state.scope,
    seq: update.seq,
    asOf: update.asOf,
    sentAt: update.sentAt,
    degraded: update.degraded,
    // Panels computed less often keep their own time until the server says otherwise.
    panelAsOf: { ...state.panelAsOf, ...update.panelAsOf },
    panels: {
      ...state.panels,
      ...changed,
      volume: update.volumeTail ? applyVolumeTail(state.panels.volume, update.volumeTail) : state.panels.volume,
    },
  };
}
