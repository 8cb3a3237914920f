// One clock for the whole wall: every age, the header clock and the staleness checks read this ref,
// so there is a single timer however many panels there are.
import { defineStore } from 'pinia';
import { ref } from 'vue';

const CLOCK_TICK_MS = 500;

export const useClockStore = defineStore('clock', () => {
  /** display-clock ms, refreshed twice a second (ages are shown in whole seconds) */
  const nowMs = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;

  function start(): void {
    if (timer) return;
    timer = setInterval(() => (nowMs.value = Date.now()), CLOCK_TICK_MS);
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  return { nowMs, start, stop };
});
