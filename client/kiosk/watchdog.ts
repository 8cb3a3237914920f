// The last resort of an unattended wall: reload the page when it is clearly stuck and a reload can
// help. Socket.IO reconnects by itself and the store resyncs by seq, so a reload is only for what
// those cannot fix: a connection that says "connected" but delivers nothing, or a heap that has grown
// past reason. Never while the server is unreachable (the reload would end on an error page), and
// never twice in quick succession.
export const CHECK_INTERVAL_MS = 30_000;
export const SILENT_WHILE_CONNECTED_MS = 10 * 60_000;
export const HEAP_LIMIT_BYTES = 1.5 * 1024 ** 3;
export const HEAP_LIMIT_SHARE = 0.85;
export const MIN_RELOAD_INTERVAL_MS = 30 * 60_000;
const LAST_RELOAD_KEY = 'commandwall.watchdogReloadAt';

export interface WatchdogReadings {
  nowMs: number;
  /** when this page started, display clock */
  startedAtMs: number;
  connected: boolean;
  lastPayloadAtMs: number | null;
  /** performance.memory where the browser has it (Chromium), else null */
  heapUsedBytes: number | null;
  heapLimitBytes: number | null;
}

export type WatchdogVerdict = { reload: false } | { reload: true; reason: string };

export function judge(readings: WatchdogReadings): WatchdogVerdict {
  const silentMs = readings.nowMs - (readings.lastPayloadAtMs ?? readings.startedAtMs);
  if (readings.connected && silentMs > SILENT_WHILE_CONNECTED_MS) {
    return { reload: true, reason: `connected but no data for ${Math.round(silentMs / 60_000)} min` };
  }
  if (readings.heapUsedBytes !== null) {
    const limit = Math.min(HEAP_LIMIT_BYTES, (readings.heapLimitBytes ?? Infinity) * HEAP_LIMIT_SHARE);
    if (readings.heapUsedBytes > limit) {
      return { reload: true, reason: `heap ${Math.round(readings.heapUsedBytes / 1024 ** 2)} MiB` };
    }
  }
  return { reload: false };
}

export interface WatchdogEnvironment {
  read(): WatchdogReadings;
  /** true when the page itself can be fetched again: only then is a reload safe */
  serverReachable(): Promise<boolean>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  reload(): void;
}

/** One check; exported for tests. Resolves to the reason when it reloaded. */
export async function checkOnce(env: WatchdogEnvironment): Promise<string | null> {
  const readings = env.read();
  const verdict = judge(readings);
  if (!verdict.reload) return null;
  const last = Number(env.storage.getItem(LAST_RELOAD_KEY) ?? 0);
  if (readings.nowMs - last < MIN_RELOAD_INTERVAL_MS) return null;
  if (!(await env.serverReachable())) return null;
  env.storage.setItem(LAST_RELOAD_KEY, String(readings.nowMs));
  console.warn(`watchdog: reloading the wall (${verdict.reason})`);
  env.reload();
  return verdict.reason;
}

export function startWatchdog(env: WatchdogEnvironment): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void checkOnce(env).finally(() => (running = false));
  }, CHECK_INTERVAL_MS);
  return () => clearInterval(timer);
}

interface ChromiumMemory {
  usedJSHeapSize: number;
  jsHeapSizeLimit: number;
}

/** performance.memory is Chromium-only and non-standard; other browsers get null and no heap check. */
export function heapReading(): { used: number | null; limit: number | null } {
  const memory = (performance as Performance & { memory?: ChromiumMemory }).memory;
  return memory ? { used: memory.usedJSHeapSize, limit: memory.jsHeapSizeLimit } : { used: null, limit: null };
}
