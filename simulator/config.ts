// The simulator's own settings from the environment (README: Configuration). The server knows none
// of them: the simulator is a client of its HTTP ingest API.
import { intFrom } from '@server/config';
import { DEFAULT_LATE_SHARE } from './lifecycle';

export interface SimulatorConfig {
  /** SIMULATOR=off: `npm run demo` serves without simulator and backfill */
  enabled: boolean;
  /** SIM_SEED: the same seed generates the same cases (a restart resumes the same stream) */
  seed: number;
  /** SIM_SPEED: time multiplier of the live simulation (history is always at the real rate) */
  speed: number;
  /** SIM_INJECT: comma-separated incident scenarios the demo starts at once (e.g. food-poisoning) */
  inject: string[];
  /** SIM_LATE_SHARE: share of complaints and reports handled after their legal deadline (0 to 1) */
  lateShare: number;
  /** SIM_RATE: the ordinary flow thinned to this share of the national rate (0 to 1; incidents keep their size) */
  rate: number;
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
    lateShare: shareFrom(env.SIM_LATE_SHARE, DEFAULT_LATE_SHARE, 'SIM_LATE_SHARE'),
    rate: shareFrom(env.SIM_RATE, 1, 'SIM_RATE'),
  };
}

function shareFrom(value: string | undefined, fallback: number, name: string): number {
  const share = intFrom(value, fallback, name);
  if (share > 1) throw new Error(`${name} must be a share from 0 to 1, got "${value}"`);
  return share;
}
