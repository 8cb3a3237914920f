// Pure merge rules for the /wall stream, kept apart from Pinia so they can be tested in node.
import { isListPart, listSpec, type ListSpec } from '@shared/panels';
import type { ListDelta, PartName, WallParts, WallSnapshot, WallUpdate } from '@shared/wall-events';
import { sourceOf, type WallSource } from './wall-source';
import { acceptVolume, applyVolumeEdits, applyVolumeTail } from './volume-window';

/** The wall's view of one scope: the last full part state and the stream position it came from. */
export interface WallState {
  scope: string;
  seq: number;
  asOf: string;
  sentAt: string;
  degraded: boolean;
  panelAsOf: WallSnapshot['panelAsOf'];
  panels: WallParts;
  /** live, frozen or replay, as the newest payload said (a payload without `mode` is live) */
  source: WallSource;
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

/** Lists are kept to the registry's limits whatever the payload says (shared/panels.ts). */
function capParts<T extends Partial<WallParts>>(parts: T): T {
  const capped: Record<string, unknown> = { ...parts };
  for (const part of Object.keys(parts) as PartName[]) {
    const max = isListPart(part) ? listSpec(part).max : undefined;
    if (max !== undefined) capped[part] = (parts[part] as readonly unknown[]).slice(0, max);
  }
  return capped as T;
}

export function stateFromSnapshot(snapshot: WallSnapshot): WallState {
  const panels = capParts(snapshot.panels);
  return {
    scope: snapshot.scope,
    seq: snapshot.seq,
    asOf: snapshot.asOf,
    sentAt: snapshot.sentAt,
    degraded: snapshot.degraded,
    panelAsOf: { ...snapshot.panelAsOf },
    panels: { ...panels, volume: acceptVolume(panels.volume) },
    source: sourceOf(snapshot),
  };
}

export function classifyUpdate(state: WallState | null, update: WallUpdate): UpdateOutcome {
  if (!state || update.scope !== state.scope) return 'ignored';
  if (update.seq <= state.seq) return 'duplicate';
  if (update.seq !== state.seq + 1) return 'gap';
  return 'applied';
}

/**
 * A list after its delta: gone keys dropped, changed items replaced in place, added ones inserted at
 * their index. A key the wall does not hold (after a mis-merge) is skipped, an index past the end
 * appends: the list stays usable until the next snapshot replaces it.
 */
export function applyListDelta<T>(list: readonly T[], delta: ListDelta<T>, spec: ListSpec<T>): T[] {
  const removed = new Set(delta.removed);
  const changed = new Map((delta.changed ?? []).map((item) => [spec.key(item), item]));
  const next = list.filter((item) => !removed.has(spec.key(item))).map((item) => changed.get(spec.key(item)) ?? item);
  for (const { at, item } of delta.added ?? []) next.splice(at, 0, item);
  return spec.max === undefined ? next : next.slice(0, spec.max);
}

function applyListDeltas(parts: WallParts, update: WallUpdate): Partial<WallParts> {
  const merged: Record<string, unknown> = {};
  for (const [part, delta] of Object.entries(update.listDeltas ?? {}) as [PartName, ListDelta<unknown>][]) {
    if (!isListPart(part) || !delta) continue;
    merged[part] = applyListDelta(parts[part] as readonly unknown[], delta, listSpec(part) as ListSpec<unknown>);
  }
  return merged as Partial<WallParts>;
}

/** Late minutes first, by their time; then the tail, which may move the window on. */
function mergeVolume(volume: WallParts['volume'], update: WallUpdate): WallParts['volume'] {
  const edited = update.volumeEdits ? applyVolumeEdits(volume, update.volumeEdits) : volume;
  return update.volumeTail ? applyVolumeTail(edited, update.volumeTail) : edited;
}

/**
 * The state after an update that classifyUpdate accepted. Parts absent from the update keep their
 * object identity, so a chart watching one part does not redraw when another changed.
 */
export function mergeUpdate(state: WallState, update: WallUpdate): WallState {
  const changed = capParts(update.panels);
  return {
    scope: state.scope,
    seq: update.seq,
    asOf: update.asOf,
    sentAt: update.sentAt,
    degraded: update.degraded,
    // an update names the parts that lag its asOf; every other part is current to asOf
    panelAsOf: { ...update.panelAsOf },
    panels: {
      ...state.panels,
      ...changed,
      ...applyListDeltas(state.panels, update),
      volume: mergeVolume(state.panels.volume, update),
    },
    // Every payload states its group's mode: the newest one wins, it is never merged.
    source: sourceOf(update),
  };
}
