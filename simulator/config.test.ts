import { describe, expect, it } from 'vitest';
import { loadConfig } from '@server/config';
import { loadSimulatorConfig } from './config';

describe('simulator settings', () => {
  it('reads SIMULATOR and SIM_* with the documented defaults', () => {
    expect(loadSimulatorConfig({})).toEqual({
      enabled: true,
      seed: 12315,
      speed: 1,
      inject: [],
      lateShare: 0.02,
      rate: 1,
    });
    expect(
      loadSimulatorConfig({
        SIMULATOR: 'off',
        SIM_SEED: '7',
        SIM_SPEED: '10',
        SIM_INJECT: ' food-poisoning, ,brand-safety',
        SIM_LATE_SHARE: '0.1',
        SIM_RATE: '0.25',
      }),
    ).toEqual({
      enabled: false,
      seed: 7,
      speed: 10,
      inject: ['food-poisoning', 'brand-safety'],
      lateShare: 0.1,
      rate: 0.25,
    });
  });

  it('refuses a speed that is not a non-negative number, naming the variable', () => {
    expect(() => loadSimulatorConfig({ SIM_SPEED: 'fast' })).toThrow(/SIM_SPEED/);
    expect(() => loadSimulatorConfig({ SIM_LATE_SHARE: '5' })).toThrow(/SIM_LATE_SHARE must be a share from 0 to 1/);
  });

  it('is none of the server configuration', () => {
    const server = loadConfig({ SIM_SEED: '7', SIMULATOR: 'off' }) as unknown as Record<string, unknown>;
    expect(Object.keys(server).filter((key) => /^sim/i.test(key))).toEqual([]);
  });
});
