// The wall's data for the subscribed scope, fed only by the transport (client/transport/wall-socket.ts).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { PanelName, WallSnapshot, WallUpdate } from '@shared/wall-events';
import {
  DEFAULT_TICK_MS,
  PRIOR_CADENCE_MAX_TICKS,
  estimateClockOffsetMs,
  estimateTickMs,
  isStale,
  panelFreshness,
  pushSample,
  type PanelFreshness,
  type WallPanelId,
} from './staleness';
import { classifyUpdate, mergeUpdate, stateFromSnapshot, type UpdateOutcome, type WallState } from './wall-merge';

export const useWallStore = defineStore('wall', () => {
  /** merged state of the subscribed scope; null before its first snapshot. Replaced, never mutated. */
  const state = shallowRef<WallState | null>(null);
  /** display-clock ms when the last payload arrived; the watchdog reads it */
  const lastPayloadAtMs = ref<number | null>(null);
  /** the tick interval the stream shows (asOf step per seq) */
  const tickMs = ref(DEFAULT_TICK_MS);
  /** display clock minus server clock, so ages are measured on the server's clock */
  const clockOffsetMs = ref(0);
  /** per payload part, how often the server refreshes it when that is slower than the tick */
  const partCadenceMs = shallowRef<Partial<Record<PanelName, number>>>({});
  /** a seq gap was seen and a resubscribe is under way */
  const resyncing = ref(false);
  /** the subscribed scope; its first snapshot may still be on the way */
  const scope = ref<string>('national');

  // Sample rings: plain arrays, not reactive, bounded by SAMPLE_WINDOW.
  const asOfSteps: number[] = [];
  const offsetSamples: number[] = [];
  /** per part: its last panelAsOf, the steps between refreshes, and the largest lag behind asOf since */
  const partSteps = new Map<PanelName, { last: string; steps: number[]; lagMs: number }>();

  const panels = computed(() => state.value?.panels ?? null);

  function observe(payload: WallSnapshot | WallUpdate, receivedAtMs: number): void {
    lastPayloadAtMs.value = receivedAtMs;
    pushSample(offsetSamples, receivedAtMs - Date.parse(payload.sentAt));
    clockOffsetMs.value = estimateClockOffsetMs(offsetSamples);
    const payloadAsOfMs = Date.parse(payload.asOf);
    for (const [part, asOf] of Object.entries(payload.panelAsOf) as [PanelName, string][]) {
      const lagMs = Math.max(0, payloadAsOfMs - Date.parse(asOf));
      const seen = partSteps.get(part);
      if (!seen) partSteps.set(part, { last: asOf, steps: [], lagMs });
      else if (seen.last !== asOf) {
        pushSample(seen.steps, Date.parse(asOf) - Date.parse(seen.last));
        seen.last = asOf;
        seen.lagMs = lagMs;
      } else seen.lagMs = Math.max(seen.lagMs, lagMs);
    }
    const cadence: Partial<Record<PanelName, number>> = {};
    for (const [part, seen] of partSteps) {
      if (seen.steps.length) cadence[part] = estimateTickMs(seen.steps);
      // Until a refresh has been seen, how far the part lags the tick is the best guess of its cadence:
      // a wall opened between two refreshes of a 5 s panel must not call it stale at 3 s.
      else if (seen.lagMs > 0) cadence[part] = Math.min(seen.lagMs, PRIOR_CADENCE_MAX_TICKS * tickMs.value);
    }
    partCadenceMs.value = cadence;
  }

  function applySnapshot(snapshot: WallSnapshot, receivedAtMs = Date.now()): void {
    // A snapshot of the scope we just left can still be in flight.
    if (snapshot.scope !== scope.value) return;
    state.value = stateFromSnapshot(snapshot);
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
    if (!update.degraded && !previous.degraded) {
      pushSample(asOfSteps, Date.parse(update.asOf) - Date.parse(previous.asOf));
      tickMs.value = estimateTickMs(asOfSteps);
    }
    state.value = mergeUpdate(previous, update);
    resyncing.value = false;
    observe(update, receivedAtMs);
    return outcome;
  }

  /** Forget everything: a new scope starts from its own snapshot. Stream estimates survive (same server). */
  function reset(nextScope: string): void {
    state.value = null;
    resyncing.value = false;
    partSteps.clear();
    partCadenceMs.value = {};
    scope.value = nextScope;
  }

  function serverNowMs(displayNowMs: number): number {
    return displayNowMs - clockOffsetMs.value;
  }

  function freshness(panel: WallPanelId, displayNowMs: number): PanelFreshness | null {
    const current = state.value;
    if (!current) return null;
    const cadence = (part: PanelName) => Math.max(tickMs.value, partCadenceMs.value[part] ?? 0);
    return panelFreshness(panel, current, serverNowMs(displayNowMs), cadence);
  }

  /**
   * The whole wall is stale when its data is older than three ticks. A degraded tick alone is not:
   * its asOf already says how old the data is, and one slow query must not make the wall flicker.
   */
  function wallStale(displayNowMs: number): boolean {
    const current = state.value;
    if (!current) return true;
    return isStale(serverNowMs(displayNowMs) - Date.parse(current.asOf), tickMs.value);
  }

  return {
    state,
    panels,
    lastPayloadAtMs,
    tickMs,
    clockOffsetMs,
    partCadenceMs,
    resyncing,
    scope,
    applySnapshot,
    applyUpdate,
    reset,
    freshness,
    wallStale,
  };
});
