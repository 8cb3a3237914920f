import { describe, expect, it } from 'vitest';
import { loadConfig } from '@server/config';
import { loadSimulatorConfig } from './config';

describe('simulator settings', () => {
  it('reads SIMULATOR and SIM_* with the documented defaults', () => {
    expect(loadSimulatorConfig({})).toEqual({ enabled: true, seed: 12315, speed: 1, inject: [] });
    expect(
      loadSimulatorConfig({
        SIMULATOR: 'off',
        SIM_SEED: '7',
        SIM_SPEED: '10',
        SIM_INJECT: ' food-poisoning, ,brand-safety',
      }),
    ).toEqual({ enabled: false, seed: 7, speed: 10, inject: ['food-poisoning', 'brand-safety'] });
  });

  it('refuses a speed that is not a non-negative number, naming the variable', () => {
    expect(() => loadSimulatorConfig({ SIM_SPEED: 'fast' })).toThrow(/SIM_SPEED/);
  });

  it('is none of the server configuration', () => {
    const server = loadConfig({ SIM_SEED: '7', SIMULATOR: 'off' }) as unknown as Record<string, unknown>;
    expect(Object.keys(server).filter((key) => /^sim/i.test(key))).toEqual([]);
  });
});
