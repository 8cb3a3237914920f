// Payload size: what one national wall receives per tick under the fan-out load (10 cases a second
// from benchCases: two of them received now, eight backdated one to five hours), beside the size of
// the full snapshot. Bytes are UTF-8 bytes of the JSON (what the socket carries before framing);
// chars are JSON string length, the unit of earlier figures in docs/benchmarks.md.
import { benchCases } from './bench-cases';
import { startChild } from './live-child';
import { ingest, openWall, sleep, subscribe, type Row, type ServerInfo } from './live-wall';
import type { WallSnapshot, WallUpdate } from '@shared/wall-events';

/** Until the feed holds only cases received during the run and every slow part has refreshed. */
const WARM_UP_MS = 40_000;
const MEASURED_TICKS = 30;

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Bytes of each top-level field, and of each part under panels and listDeltas. */
function breakdown(update: WallUpdate): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(update)) {
    if ((key === 'panels' || key === 'listDeltas') && value && typeof value === 'object')
      for (const [part, data] of Object.entries(value as object)) out[`${key}.${part}`] = bytes(data);
    else out[key] = bytes(value);
  }
  return out;
}

export async function payloadSize(dataDir: string): Promise<Row[]> {
  const server = startChild('live-server.ts', [], { DATA_DIR: dataDir, TICK_MS: '1000' });
  const info = await server.next<ServerInfo>();
  let stopLoad = false;
  const load = (async () => {
    for (let i = 0; !stopLoad; i += 1) {
      await ingest(info, JSON.stringify(benchCases(10, `S-${i}`)));
      await sleep(1000);
    }
  })();
  const wall = openWall(info);
  await subscribe(wall, 'national');
  await sleep(WARM_UP_MS);
  const updates: WallUpdate[] = [];
  const snapshots: WallSnapshot[] = [];
  wall.on('wall:update', (u) => updates.length < MEASURED_TICKS && updates.push(u));
  wall.on('wall:snapshot', (s) => snapshots.push(s));
  while (updates.length < MEASURED_TICKS) await sleep(200);
  // a fresh subscriber's snapshot: the full state at the end of the run
  const fresh = openWall(info);
  const snapshot = await subscribe(fresh, 'national');
  fresh.close();
  wall.close();
  stopLoad = true;
  await load;
  await server.stop();

  const sizes = updates.map(bytes);
  const typical = updates[sizes.indexOf(median(sizes))];
  const rows: Row[] = [
    { payload: 'national snapshot', bytes: bytes(snapshot), chars: JSON.stringify(snapshot).length },
    {
      payload: `national update, median of ${MEASURED_TICKS} ticks`,
      bytes: median(sizes),
      chars: JSON.stringify(typical).length,
    },
    {
      payload: 'national update, largest',
      bytes: Math.max(...sizes),
      chars: Math.max(...updates.map((u) => JSON.stringify(u).length)),
    },
  ];
  const largest = updates[sizes.indexOf(Math.max(...sizes))];
  for (const [label, update] of [
    ['median', typical],
    ['largest', largest],
  ] as const)
    for (const [field, size] of Object.entries(breakdown(update)).sort((a, b) => b[1] - a[1]))
      rows.push({ payload: `  ${label} update: ${field}`, bytes: size, chars: '' });
  return rows;
}
