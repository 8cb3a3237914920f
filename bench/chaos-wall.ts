// The chaos benchmark's wall: a real socket.io-client on /wall subscribed to national, reconnecting
// like the wall does. It measures staleness as the wall would show it: how old the newest data it
// holds is (now minus the newest asOf), sampled every 250 ms, and when it is live again after a fault.
import { io, type Socket } from 'socket.io-client';
import {
  WALL_NAMESPACE,
  WALL_RECONNECT,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@shared/wall-events';

interface Arrival {
  atMs: number;
  asOfMs: number;
  degraded: boolean;
}

export interface WallWatch {
  /** the longest time the wall's newest data was older than now */
  longestStaleMs(): number;
  /** from `endMs` until a payload that is not degraded and current to at least `endMs` arrived */
  backToLiveMs(endMs: number): number | undefined;
  payloads(): { total: number; degraded: number };
  close(): void;
}

export function watchWall(baseUrl: string, token: string): WallWatch {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${baseUrl}${WALL_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    // as the wall itself retries
    ...WALL_RECONNECT,
  });
  const arrivals: Arrival[] = [];
  let newestAsOfMs: number | undefined;
  let longestStaleMs = 0;
  socket.on('connect', () => socket.emit('scope:subscribe', { scope: 'national' }, () => {}));
  const record = (payload: { asOf: string; degraded: boolean }) => {
    const asOfMs = Date.parse(payload.asOf);
    arrivals.push({ atMs: Date.now(), asOfMs, degraded: payload.degraded });
    if (!payload.degraded && (newestAsOfMs === undefined || asOfMs > newestAsOfMs)) newestAsOfMs = asOfMs;
  };
  socket.on('wall:snapshot', record);
  socket.on('wall:update', record);
  const sampler = setInterval(() => {
    if (newestAsOfMs !== undefined) longestStaleMs = Math.max(longestStaleMs, Date.now() - newestAsOfMs);
  }, 250);

  return {
    longestStaleMs: () => longestStaleMs,
    backToLiveMs(endMs) {
      const live = arrivals.find((a) => a.atMs >= endMs && !a.degraded && a.asOfMs >= endMs);
      return live && live.atMs - endMs;
    },
    payloads: () => ({ total: arrivals.length, degraded: arrivals.filter((a) => a.degraded).length }),
    close() {
      clearInterval(sampler);
      socket.close();
    },
  };
}
