import { describe, expect, it } from 'vitest';
import { MIN_RELOAD_INTERVAL_MS, SILENT_WHILE_CONNECTED_MS, checkOnce, judge, type WatchdogReadings } from './watchdog';

const NOW = 1_000_000_000;
const healthy: WatchdogReadings = {
  nowMs: NOW,
  startedAtMs: NOW - 3600_000,
  connected: true,
  lastPayloadAtMs: NOW - 1000,
  heapUsedBytes: 80 * 1024 ** 2,
  heapLimitBytes: 4 * 1024 ** 3,
};

describe('watchdog', () => {
  it('leaves a healthy wall alone, and an offline one too (Socket.IO reconnects by itself)', () => {
    expect(judge(healthy).reload).toBe(false);
    expect(judge({ ...healthy, connected: false, lastPayloadAtMs: NOW - 3600_000 }).reload).toBe(false);
  });

  it('reloads when connected but silent for ten minutes', () => {
    expect(judge({ ...healthy, lastPayloadAtMs: NOW - SILENT_WHILE_CONNECTED_MS + 1000 }).reload).toBe(false);
    expect(judge({ ...healthy, lastPayloadAtMs: NOW - SILENT_WHILE_CONNECTED_MS - 1000 }).reload).toBe(true);
    expect(judge({ ...healthy, lastPayloadAtMs: null, startedAtMs: NOW - 11 * 60_000 }).reload).toBe(true);
  });

  it('reloads when the heap is past its limit', () => {
    expect(judge({ ...healthy, heapUsedBytes: 2 * 1024 ** 3 }).reload).toBe(true);
    expect(judge({ ...healthy, heapUsedBytes: 900 * 1024 ** 2, heapLimitBytes: 1024 ** 3 }).reload).toBe(true);
    expect(judge({ ...healthy, heapUsedBytes: null }).reload).toBe(false);
  });

  it('reloads only when the server answers, and not twice within the interval', async () => {
    const store = new Map<string, string>();
    let reloads = 0;
    let reachable = false;
    const env = {
      read: () => ({ ...healthy, heapUsedBytes: 3 * 1024 ** 3 }),
      serverReachable: async () => reachable,
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
      reload: () => void (reloads += 1),
    };
    expect(await checkOnce(env)).toBeNull();
    reachable = true;
    expect(await checkOnce(env)).toMatch(/heap/);
    expect(await checkOnce(env)).toBeNull();
    expect(reloads).toBe(1);
    store.set('commandwall.watchdogReloadAt', String(NOW - MIN_RELOAD_INTERVAL_MS - 1));
    expect(await checkOnce(env)).toMatch(/heap/);
    expect(reloads).toBe(2);
  });
});
