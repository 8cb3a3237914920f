// A wall client written against the wire protocol (Engine.IO 4 over a plain WebSocket, Socket.IO 5
// packets), for what a well-behaved socket.io-client never does: send malformed packets, and stop
// reading while the server keeps sending.
import WebSocket from 'ws';
import { WALL_NAMESPACE } from '@shared/wall-events';

export interface RawWall {
  ws: WebSocket;
  /** the Socket.IO packets received on /wall, decoded */
  packets: unknown[][];
  /** sends one text frame as it is */
  send(frame: string): void;
  /** an event on /wall, with an ack id when given */
  emit(event: string, payload: unknown, ackId?: number): void;
  /** stops reading the TCP connection: the kernel buffers fill, then the server's */
  pause(): void;
  resume(): void;
  /** resolves when the connection is closed, by either side */
  closed: Promise<void>;
}

/** Connects and joins /wall; rejects with the refusal's message when the namespace refuses. */
export async function openRawWall(baseUrl: string, token: string, namespace = WALL_NAMESPACE): Promise<RawWall> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const packets: unknown[][] = [];
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  const prefix = namespace === '/' ? '' : `${namespace},`;
  const joined = new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const text = data.toString();
      if (text === '2') return ws.send('3'); // ping: answer, or the server closes the connection
      if (text.startsWith('0')) return ws.send(`40${prefix}${JSON.stringify({ token })}`);
      if (text.startsWith(`40${prefix}`)) return resolve();
      if (text.startsWith(`44${prefix}`)) {
        const refusal = JSON.parse(text.slice(2 + prefix.length)) as { message: string };
        return reject(new Error(refusal.message));
      }
      const match = /^4([23])(?:[^,[]*,)?(\d*)(\[.*)$/s.exec(text);
      if (match) packets.push(JSON.parse(match[3]) as unknown[]);
    });
    ws.once('error', reject);
    void closed.then(() => reject(new Error('closed before joining')));
  });
  await joined;
  return {
    ws,
    packets,
    send: (frame) => ws.send(frame),
    emit: (event, payload, ackId) => ws.send(`42${prefix}${ackId ?? ''}${JSON.stringify([event, payload])}`),
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    closed,
  };
}
