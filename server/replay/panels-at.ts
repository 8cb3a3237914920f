// The seam between the wall as of a past moment (server/replay/: computed from the rollups) and the
// wall groups that show it (server/walls/: frozen and replay modes). "The wall as of T": every case
// counted in its newest version with a version time at or before T.
import type { Scope } from '@shared/regions';
import type { HistoryDetail } from '@shared/wall-modes';
import type { PartName, WallParts } from '@shared/wall-events';

export interface PanelsAt {
  /** every part as the live wall would have shown it at `asOf` (alerts and incidents as they stood then) */
  panels: WallParts;
  /** ISO: the moment shown (T, or T floored to the resolution kept there) */
  asOf: string;
  /** ISO time each part is current to (parts kept hourly only say the hour) */
  panelAsOf: Partial<Record<PartName, string>>;
  history: HistoryDetail;
}

/** The stored history a wall may be frozen on or replay: from the oldest case kept to now. */
export interface HistoryBounds {
  fromMs: number;
  toMs: number;
}

export interface PanelsAtSource {
  computePanelsAt(scope: Scope, atMs: number): Promise<PanelsAt>;
  historyBounds(): Promise<HistoryBounds>;
}
