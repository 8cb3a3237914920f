// Detector signals as the detectors will send them (shared/alert-signals.ts), for the alerts tests:
// what one food-poisoning outbreak in Tianhe (Guangzhou) looks like to each detector.
import type { DetectorSignal } from '@shared/alert-signals';
import { HOUR_MS } from '@shared/time';

export const TIANHE = '440106';
export const YUEXIU = '440104';
export const GUANGZHOU = '440100';
export const DONGCHENG_BEIJING = '110101';

const iso = (ms: number) => new Date(ms).toISOString();

export function surgeSignal(atMs: number, overrides: Partial<DetectorSignal> = {}): DetectorSignal {
  return {
    kind: 'surge',
    key: `surge:${TIANHE}:food`,
    regionCode: TIANHE,
    regionCodes: [TIANHE],
    category: 'food',
    startedAt: iso(atMs - 3 * HOUR_MS),
    detectedAt: iso(atMs),
    windowHours: 3,
    observed: 12,
    expected: 1.5,
    pValue: 1e-6,
    score: 6,
    recurrenceDays: 400,
    ...overrides,
  };
}

export function merchantSignal(atMs: number, overrides: Partial<DetectorSignal> = {}): DetectorSignal {
  return {
    kind: 'merchant',
    key: 'merchant:天河好味餐厅',
    regionCode: TIANHE,
    regionCodes: [TIANHE],
    category: 'food',
    merchant: { name: '天河好味餐厅' },
    startedAt: iso(atMs - 24 * HOUR_MS),
    detectedAt: iso(atMs),
    windowHours: 24,
    observed: 9,
    expected: 0.4,
    pValue: 1e-4,
    score: 4,
    recurrenceDays: 60,
    ...overrides,
  };
}

export function clusterSignal(atMs: number, overrides: Partial<DetectorSignal> = {}): DetectorSignal {
  return {
    kind: 'cluster',
    key: `cluster:${TIANHE}`,
    regionCode: TIANHE,
    regionCodes: [TIANHE, YUEXIU],
    category: 'food',
    startedAt: iso(atMs - 24 * HOUR_MS),
    detectedAt: iso(atMs),
    windowHours: 24,
    observed: 15,
    expected: 3,
    pValue: 1e-3,
    score: 3,
    recurrenceDays: 90,
    ...overrides,
  };
}

/** Another event: clothing complaints in Beijing, the same hours. */
export function unrelatedSignal(atMs: number): DetectorSignal {
  return surgeSignal(atMs, {
    key: `surge:${DONGCHENG_BEIJING}:clothing`,
    regionCode: DONGCHENG_BEIJING,
    regionCodes: [DONGCHENG_BEIJING],
    category: 'clothing',
    observed: 7,
    score: 3.5,
    recurrenceDays: 20,
  });
}
