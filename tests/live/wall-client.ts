// A real socket.io-client on the /wall namespace that records every payload, with waits on what the
// tests expect to see (no sleeps: each wait ends on an event, or fails at the test timeout).
import { io, type Socket } from 'socket.io-client';
import {
  WALL_NAMESPACE,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WallSnapshot,
  type WallUpdate,
} from '@shared/wall-events';
import { classifyUpdate, mergeUpdate, stateFromSnapshot, type WallState } from '@client/stores/wall-merge';

export type Payload = ({ event: 'wall:snapshot' } & WallSnapshot) | ({ event: 'wall:update' } & WallUpdate);

export interface WallClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  payloads: Payload[];
  subscribe(scope: string, lastSeq?: number): Promise<Ack<{ scope: string; resumed: boolean }>>;
  unsubscribe(scope: string): Promise<Ack>;
  /** resolves with the first payload (already received or future) that satisfies `test` */
  waitFor(test: (p: Payload) => boolean, what: string): Promise<Payload>;
  close(): void;
}

export function connectWall(
  baseUrl: string,
  auth: { token?: string } = {},
  options: { reconnection?: boolean } = {},
): WallClient {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${baseUrl}${WALL_NAMESPACE}`, {
    auth,
    transports: ['websocket'],
    reconnection: options.reconnection ?? false,
    forceNew: true,
  });
  const payloads: Payload[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  socket.on('wall:snapshot', (s) => {
    payloads.push({ event: 'wall:snapshot', ...s });
    notify();
  });
  socket.on('wall:update', (u) => {
    payloads.push({ event: 'wall:update', ...u });
    notify();
  });
  return {
    socket,
    payloads,
    subscribe: (scope, lastSeq) =>
      socket.emitWithAck('scope:subscribe', lastSeq === undefined ? { scope } : { scope, lastSeq }),
    unsubscribe: (scope) => socket.emitWithAck('scope:unsubscribe', { scope }),
    waitFor(test, what) {
      const seen = payloads.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = payloads.find(test);
          if (found) {
            waiters.delete(check);
            resolve(found);
          }
        };
        waiters.add(check);
        socket.on('disconnect', () => reject(new Error(`disconnected while waiting for ${what}`)));
      });
    },
    close: () => socket.disconnect(),
  };
}

/**
 * The state a wall holds after these payloads, merged by the client's own rules (client/stores):
 * deltas and volume tails must rebuild exactly what a snapshot of the same seq says.
 */
export function mergedState(payloads: Payload[]): WallState | null {
  let state: WallState | null = null;
  for (const { event, ...payload } of payloads) {
    if (event === 'wall:snapshot') state = stateFromSnapshot(payload as WallSnapshot);
    else if (classifyUpdate(state, payload as WallUpdate) === 'applied')
      state = mergeUpdate(state!, payload as WallUpdate);
  }
  return state;
}

/** Resolves with the connect_error message, or rejects when the handshake is accepted. */
export function refusal(baseUrl: string, auth: { token?: string }): Promise<string> {
  const socket = io(`${baseUrl}${WALL_NAMESPACE}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.on('connect_error', (error) => {
      socket.disconnect();
      resolve(error.message);
    });
    socket.on('connect', () => {
      socket.disconnect();
      reject(new Error('the handshake was accepted'));
    });
  });
}

/** Value of one Prometheus series from /metrics, 0 when absent. */
export async function metricValue(baseUrl: string, series: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
