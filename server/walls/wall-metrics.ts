// The wall groups' figures in /metrics: how long a step of a frozen or replaying wall takes, and how
// many replay steps were skipped because the previous one was still being computed.
import { Counter, Histogram, type Registry } from 'prom-client';

export function createWallMetrics(registry: Registry) {
  return {
    replayStepDuration: new Histogram({
      name: 'commandwall_replay_step_duration_seconds',
      help: 'Time to compute the wall as of a moment for a frozen or replaying wall group',
      labelNames: ['mode'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    replayStepsSkipped: new Counter({
      name: 'commandwall_replay_steps_skipped_total',
      help: 'Replay steps skipped because the previous one was still being computed',
      registers: [registry],
    }),
  };
}

export type WallMetrics = ReturnType<typeof createWallMetrics>;
