// A slow-read storm: sockets that join /wall with a valid token, subscribe to the national wall and
// several provinces (snapshots are the largest payloads), re-subscribe every half second, and never
// read a byte after the handshake, so everything the server sends them piles up in its buffers. Raw
// TCP with a hand-made WebSocket handshake because every client library reads what arrives.
import crypto from 'node:crypto';
import net from 'node:net';
import { WALL_NAMESPACE } from '@shared/wall-events';

const SCOPES = ['national', '110000', '310000', '440000', '420000', '510000'];

/** A masked client-to-server WebSocket text frame. */
function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = crypto.randomBytes(4);
  const length = payload.length;
  const header =
    length < 126 ? Buffer.from([0x81, 0x80 | length]) : Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff]);
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) masked[i] = payload[i] ^ mask[i % 4];
  return Buffer.concat([header, mask, masked]);
}

export interface Storm {
  /** sockets that were let in (namespace connect acknowledged) */
  joined(): number;
  /** sockets the server closed before the storm ended */
  closedByServer(): number;
  stop(): void;
}

export function startSlowReadStorm(port: number, token: string, sockets = 40): Storm {
  let joined = 0;
  let closedByServer = 0;
  let stopping = false;
  const timers: NodeJS.Timeout[] = [];
  const all = Array.from({ length: sockets }, () => {
    const socket = net.connect(port, '127.0.0.1');
    let seen = '';
    let ackId = 1;
    const subscribeAll = () => {
      for (const scope of SCOPES)
        socket.write(frame(`42${WALL_NAMESPACE},${ackId++}${JSON.stringify(['scope:subscribe', { scope }])}`));
    };
    socket.on('connect', () => {
      const key = crypto.randomBytes(16).toString('base64');
      socket.write(
        `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk) => {
      seen += chunk.toString('latin1');
      if (seen.includes('"sid"') && !seen.includes(`40${WALL_NAMESPACE},{`) && !seen.includes('connecting')) {
        seen += 'connecting';
        socket.write(frame(`40${WALL_NAMESPACE},${JSON.stringify({ token })}`));
      } else if (seen.includes(`40${WALL_NAMESPACE},{`)) {
        // let in: from now on read nothing
        joined += 1;
        socket.pause();
        socket.removeAllListeners('data');
        subscribeAll();
        timers.push(setInterval(subscribeAll, 500));
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (!stopping) closedByServer += 1;
    });
    return socket;
  });
  return {
    joined: () => joined,
    closedByServer: () => closedByServer,
    stop() {
      stopping = true;
      for (const timer of timers) clearInterval(timer);
      for (const socket of all) socket.destroy();
    },
  };
}
