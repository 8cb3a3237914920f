// The wall's data for the subscribed scope, fed only by the transport (client/transport/wall-socket.ts).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { PartName, WallSnapshot, WallUpdate } from '@shared/wall-events';
import type { TileId } from '@shared/panels';
import {
  DEFAULT_TICK_MS,
  estimateClockOffsetMs,
  isStale,
  pushSample,
  tileFreshness,
  type TileFreshness,
} from './staleness';
import { classifyUpdate, mergeUpdate, stateFromSnapshot, type UpdateOutcome, type WallState } from './wall-merge';
import { LIVE_SOURCE, shownNow } from './wall-source';

export const useWallStore = defineStore('wall', () => {
  /** merged state of the subscribed scope; null before its first snapshot. Replaced, never mutated. */
  const state = shallowRef<WallState | null>(null);
  /** display-clock ms when the last payload arrived; the watchdog reads it */
  const lastPayloadAtMs = ref<number | null>(null);
  /** the server's tick, as its last snapshot said */
  const tickMs = ref(DEFAULT_TICK_MS);
  /** display clock minus server clock, so ages are measured on the server's clock */
  const clockOffsetMs = ref(0);
  /** per payload part, how often the server refreshes it, as its last snapshot said */
  const partRefreshMs = shallowRef<Partial<Record<PartName, number>>>({});
  /** a seq gap was seen and a resubscribe is under way */
  const resyncing = ref(false);
  /** the subscribed scope; its first snapshot may still be on the way */
  const scope = ref<string>('national');

  /** receivedAt - sentAt of recent payloads: a plain ring, not reactive, bounded by SAMPLE_WINDOW */
  const offsetSamples: number[] = [];

  const panels = computed(() => state.value?.panels ?? null);
  /** live, frozen or replay: what the newest payload said (live before the first one) */
  const source = computed(() => state.value?.source ?? LIVE_SOURCE);

  function observe(payload: WallSnapshot | WallUpdate, receivedAtMs: number): void {
    lastPayloadAtMs.value = receivedAtMs;
    pushSample(offsetSamples, receivedAtMs - Date.parse(payload.sentAt));
    clockOffsetMs.value = estimateClockOffsetMs(offsetSamples);
  }

  function applySnapshot(snapshot: WallSnapshot, receivedAtMs = Date.now()): void {
    // A snapshot of the scope we just left can still be in flight.
    if (snapshot.scope !== scope.value) return;
    state.value = stateFromSnapshot(snapshot);
    tickMs.value = snapshot.tickMs;
    partRefreshMs.value = snapshot.partRefreshMs;
    resyncing.value = false;
    observe(snapshot, receivedAtMs);
  }

  function applyUpdate(update: WallUpdate, receivedAtMs = Date.now()): UpdateOutcome {
    const previous = state.value;
    const outcome = classifyUpdate(previous, update);
    if (outcome !== 'applied' || !previous) {
      if (outcome === 'gap') resyncing.value = true;
      return outcome;
    }
    state.value = mergeUpdate(previous, update);
    resyncing.value = false;
    observe(update, receivedAtMs);
    return outcome;
  }

  /** Forget everything: a new scope starts from its own snapshot. The clock offset survives (same server). */
  function reset(nextScope: string): void {
    state.value = null;
    resyncing.value = false;
    scope.value = nextScope;
  }

  function serverNowMs(displayNowMs: number): number {
    return displayNowMs - clockOffsetMs.value;
  }

  /**
   * The moment the wall shows, ms: the server's clock when live, the frozen or replayed moment
   * otherwise. Every age, elapsed time, countdown and the header clock read this one.
   */
  function shownNowMs(displayNowMs: number): number {
    return shownNow(source.value, serverNowMs(displayNowMs));
  }

  /** A tile's age is measured from the moment shown; a wall that is not live is never stale. */
  function freshness(tile: TileId, displayNowMs: number): TileFreshness | null {
    const current = state.value;
    if (!current) return null;
    const refresh = (part: PartName) => Math.max(tickMs.value, partRefreshMs.value[part] ?? 0);
    const measured = tileFreshness(tile, current, shownNowMs(displayNowMs), refresh);
    return current.source.mode === 'live' ? measured : { ...measured, stale: false };
  }

  /**
   * The whole wall is stale when its data is older than three ticks. A degraded tick alone is not:
   * its asOf already says how old the data is, and one slow query must not make the wall flicker.
   * A frozen or replaying wall shows the past on purpose and is never stale.
   */
  function wallStale(displayNowMs: number): boolean {
    const current = state.value;
    if (!current) return true;
    if (current.source.mode !== 'live') return false;
    return isStale(serverNowMs(displayNowMs) - Date.parse(current.asOf), tickMs.value);
  }

  return {
    state,
    panels,
    source,
    lastPayloadAtMs,
    tickMs,
    clockOffsetMs,
    partRefreshMs,
    resyncing,
    scope,
    applySnapshot,
    applyUpdate,
    reset,
    shownNowMs,
    freshness,
    wallStale,
  };
});
