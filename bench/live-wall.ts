// What the live benchmark's parts share: a wall socket against the child server, and the ingest API.
import { io, type Socket } from 'socket.io-client';
import {
  WALL_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WallSnapshot,
} from '@shared/wall-events';

export type Wall = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Row = Record<string, string | number>;
export interface ServerInfo {
  port: number;
  wallToken: string;
  ingestToken: string;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function openWall(info: ServerInfo): Wall {
  return io(`http://127.0.0.1:${info.port}${WALL_NAMESPACE}`, {
    auth: { token: info.wallToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

/** Subscribes and resolves with the first snapshot. */
export async function subscribe(wall: Wall, scope: string): Promise<WallSnapshot> {
  const snapshot = new Promise<WallSnapshot>((resolve) => wall.once('wall:snapshot', resolve));
  const ack = await wall.emitWithAck('scope:subscribe', { scope });
  if (!ack.ok) throw new Error(ack.error);
  return snapshot;
}

export async function ingest(info: ServerInfo, body: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${info.port}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${info.ingestToken}`, 'content-type': 'application/json' },
    body,
  });
  if (response.status !== 200) throw new Error(`ingest replied ${response.status}`);
  return ((await response.json()) as { accepted: number }).accepted;
}
