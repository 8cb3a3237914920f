// The two spells tables of migration 0080 and the step of their buckets: replay reads the intake
// parts from one or the other, depending on how finely the past is kept at the moment shown.
import { HOUR_MS, MINUTE_MS } from '@shared/time';

export type Resolution = 'minute' | 'hour';

export const SPELLS: Record<Resolution, { table: string; stepMs: number }> = {
  minute: { table: 'replay_spells_minute', stepMs: MINUTE_MS },
  hour: { table: 'replay_spells_hour', stepMs: HOUR_MS },
};

/** What a replay query of the spells needs besides its windows: which table, and the moment shown. */
export interface SpellsAt {
  resolution: Resolution;
  /** epoch ms of the moment shown, on a whole bucket of the resolution */
  atMs: number;
}
