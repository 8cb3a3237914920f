// The socket's state as the wall shows it. Written only by the transport.
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

export const useConnectionStore = defineStore('connection', () => {
  /** connecting: never connected yet in this page load; offline: was connected, lost it */
  const status = ref<ConnectionStatus>('connecting');
  /** display-clock ms since when the wall has had no connection (page start while connecting) */
  const offlineSinceMs = ref<number>(Date.now());
  /** why the server refused or closed this display: a code of shared/wall-errors.ts; the wall says so full-screen */
  const refusal = ref<string | null>(null);
  /** the last subscribe error code, e.g. unknown-scope; shown translated in the header */
  const subscribeError = ref<string | null>(null);

  function markConnected(): void {
    status.value = 'live';
    refusal.value = null;
  }

  function markDisconnected(atMs = Date.now()): void {
    // Keep the first moment of an outage: retries must not move "since" forward.
    if (status.value === 'live') offlineSinceMs.value = atMs;
    if (status.value !== 'connecting') status.value = 'offline';
  }

  function markRefused(reason: string): void {
    refusal.value = reason;
  }

  return { status, offlineSinceMs, refusal, subscribeError, markConnected, markDisconnected, markRefused };
});
