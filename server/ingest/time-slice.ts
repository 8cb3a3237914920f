// Long work on one request (scanning a 10 MB body, validating 10,000 cases) gives the event loop
// back every few milliseconds, so that /healthz, wall ticks and other callers never wait behind it.
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface TimeSlice {
  /** cheap: whether this slice is used up */
  due(): boolean;
  /** lets everything else waiting run, then starts a new slice */
  pause(): Promise<void>;
}

export function timeSlice(sliceMs = 10): TimeSlice {
  let startedMs = performance.now();
  return {
    due: () => performance.now() - startedMs >= sliceMs,
    async pause() {
      await nextTurn();
      startedMs = performance.now();
    },
  };
}
