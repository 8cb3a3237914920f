// The simulator's own settings from the environment (README: Configuration). The server knows none
// of them: the simulator is a client of its HTTP ingest API.
import { intFrom } from '@server/config';

export interface SimulatorConfig {
  /** SIMULATOR=off: `npm run demo` serves without simulator and backfill */
  enabled: boolean;
  /** SIM_SEED: the same seed generates the same cases (a restart resumes the same stream) */
  seed: number;
  /** SIM_SPEED: time multiplier of the live simulation (history is always at the real rate) */
  speed: number;
  /** SIM_INJECT: comma-separated incident scenarios the demo starts at once (e.g. food-poisoning) */
  inject: string[];
}

export function loadSimulatorConfig(env: NodeJS.ProcessEnv = process.env): SimulatorConfig {
  return {
    enabled: env.SIMULATOR !== 'off',
    seed: intFrom(env.SIM_SEED, 12315, 'SIM_SEED'),
    speed: intFrom(env.SIM_SPEED, 1, 'SIM_SPEED'),
    inject: (env.SIM_INJECT ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
