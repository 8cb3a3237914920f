// The checkpoints of the open cases (migration 0100, server/replay/open-checkpoint-job.ts) against the
// spells they summarise: for several whole hours and scopes, the wall read through the checkpoints
// equals the wall read from the spells alone (tests/replay/panels-at.test.ts checks that one against
// case_versions); a version stored late, with a time before a checkpointed hour, makes the reader
// go back to the spells at once, and the job's next run takes the hour again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput } from '@shared/case-schema';
import { KIND_CODES, type Status } from '@shared/codes';
import { DAY_MS, HOUR_MS, MINUTE_MS, cstMidnight, floorTo } from '@shared/time';
import { createPanelsAtSource } from '../../server/replay/create-panels-at-source';
import { runOpenCheckpoints } from '../../server/replay/open-checkpoint-job';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
const nowMs = Date.now();
const clock = { now: () => nowMs };
const REGIONS = ['420102', '420106', '310101', '110101', '440305'];
const LATER: Status[] = ['accepted', 'resolved', 'closed', 'rejected', 'accepted'];
const iso = (ms: number) => new Date(ms).toISOString();
let seed = 315;
const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);

/** n cases received over the 70 days before an hour ago, most with one or two later versions */
function cases(n: number): CaseInput[][] {
  const rounds: CaseInput[][] = [[], [], []];
  for (let i = 0; i < n; i += 1) {
    // next() stays below 2^31: the hour first, then the moment within it
    const receivedMs = nowMs - 70 * DAY_MS + next(70 * 24 - 1) * HOUR_MS + next(HOUR_MS);
    const c = makeCase(`CP-${i}`, {
      receivedAt: iso(receivedMs),
      regionCode: REGIONS[next(REGIONS.length)],
      kind: KIND_CODES[next(KIND_CODES.length)],
    });
    rounds[0].push(c);
    let atMs = receivedMs;
    for (let v = 1; v <= next(3); v += 1) {
      atMs += 1 + next(9 * DAY_MS);
      if (atMs >= nowMs - HOUR_MS) break;
      const status = LATER[next(LATER.length)];
      // money recovered on some closures: the checkpoints hold each day's sum
      const recovered = status === 'resolved' && next(2) === 0 ? { recoveredYuan: 10 + next(500) / 4 } : {};
      rounds[v].push({ ...c, updatedAt: iso(atMs), status, ...recovered });
    }
  }
  return rounds;
}

const direct = () =>
  createPanelsAtSource({
    clickhouse: ts.server.clickhouse,
    clock,
    incidentClocks: ts.server.incidents.clocks,
    useCheckpoints: false,
  });
const checkpointed = () =>
  createPanelsAtSource({ clickhouse: ts.server.clickhouse, clock, incidentClocks: ts.server.incidents.clocks });

/** Runs the job until it has taken every hour back to the oldest case (every insert has returned: no margin). */
async function takeAll(): Promise<number> {
  let taken = 0;
  for (;;) {
    const run = await runOpenCheckpoints({ clickhouse: ts.server.clickhouse, clock, insertMarginMs: 0 });
    if (run.taken === 0) return taken;
    taken += run.taken;
  }
}

/** money recovered on the day of each national moment above: some of it is not 0 */
const recoveredShown: number[] = [];

const HOURS: Array<[string, number]> = [
  ['60 days back', floorTo(nowMs - 60 * DAY_MS, HOUR_MS)],
  ['41 days back, 7:00', floorTo(nowMs - 41 * DAY_MS, HOUR_MS) + 7 * HOUR_MS],
  ['12 days back', floorTo(nowMs - 12 * DAY_MS, HOUR_MS)],
  ['yesterday', floorTo(nowMs - DAY_MS, HOUR_MS)],
  ['two hours back', floorTo(nowMs - 2 * HOUR_MS, HOUR_MS)],
  // whole China days of closures behind them, whatever the time the test runs (at 02:00 CST the
  // moments above have a day of an hour or two, often with no money recovered yet)
  ['20 days back, 23:00 CST', cstMidnight(nowMs - 20 * DAY_MS) + 23 * HOUR_MS],
  ['33 days back, 22:00 CST', cstMidnight(nowMs - 33 * DAY_MS) + 22 * HOUR_MS],
];

beforeAll(async () => {
  ts = await startTestServer();
  for (const round of cases(1_500)) expect((await ts.ingest(round)).body.accepted).toBe(round.length);
  expect(await takeAll()).toBeGreaterThan(70 * 24 - 48);
});
afterAll(async () => {
  await ts.stop();
});

describe.each(HOURS)('the open cases at a whole hour %s', (_, atMs) => {
  it.each(['national', '420000', '420100'])(
    'read from the checkpoint equal those from the spells (%s)',
    async (scope) => {
      const viaCheckpoint = checkpointed();
      const got = await viaCheckpoint.computePanelsAt(scope, atMs);
      expect(viaCheckpoint.openPaths).toEqual({ checkpoint: 1, spells: 0 });
      expect(got).toEqual(await direct().computePanelsAt(scope, atMs));
      if (scope !== 'national') return;
      expect(got.panels.kpis.open).toBeGreaterThan(0);
      expect(got.panels.kpis.closed30d).toBeGreaterThan(0);
      recoveredShown.push(got.panels.kpis.recoveredTodayYuan);
    },
  );
});

describe('money recovered', () => {
  it('is in the checkpoints of the moments above', () => {
    expect(recoveredShown).toHaveLength(HOURS.length);
    expect(recoveredShown.some((yuan) => yuan > 0)).toBe(true);
  });
});

describe('a moment within an hour', () => {
  it('is read from the spells', async () => {
    const source = checkpointed();
    const atMs = floorTo(nowMs - 3 * HOUR_MS, HOUR_MS) + 17 * MINUTE_MS;
    expect(await source.computePanelsAt('national', atMs)).toEqual(await direct().computePanelsAt('national', atMs));
    expect(source.openPaths).toEqual({ checkpoint: 0, spells: 1 });
  });
});

describe('a version stored late, with a time before checkpointed hours', () => {
  it('is counted at once, and the job takes those hours again', async () => {
    const atMs = HOURS[2][1];
    const before = await direct().computePanelsAt('national', atMs);
    // a case received a day before the hour and never changed: closed late, an hour before it
    const [victim] = await ts.server.clickhouse.query<{ id: string; received_ms: number }>(
      'test',
      `SELECT id, toUnixTimestamp64Milli(any(received_at)) AS received_ms FROM case_versions
       GROUP BY id HAVING count() = 1 AND received_ms BETWEEN {from:Int64} AND {to:Int64} LIMIT 1`,
      { from: atMs - 2 * DAY_MS, to: atMs - DAY_MS },
    );
    expect(victim).toBeDefined();
    const late = makeCase(victim.id, {
      receivedAt: iso(victim.received_ms),
      updatedAt: iso(atMs - HOUR_MS),
      status: 'rejected',
    });
    expect((await ts.ingest([late])).body.accepted).toBe(1);
    const source = checkpointed();
    const after = await source.computePanelsAt('national', atMs);
    expect(source.openPaths).toEqual({ checkpoint: 0, spells: 1 });
    expect(after).toEqual(await direct().computePanelsAt('national', atMs));
    expect(after.panels.kpis.open).toBe(before.panels.kpis.open - 1);
    // an hour before the late version is untouched
    const earlier = checkpointed();
    await earlier.computePanelsAt('national', HOURS[1][1]);
    expect(earlier.openPaths.checkpoint).toBe(1);

    const run = await runOpenCheckpoints({ clickhouse: ts.server.clickhouse, clock, insertMarginMs: 0 });
    expect(run.invalidated).toBeGreaterThanOrEqual(12 * 24);
    expect(run.taken + (await takeAll())).toBe(run.invalidated);
    const again = checkpointed();
    expect(await again.computePanelsAt('national', atMs)).toEqual(after);
    expect(again.openPaths).toEqual({ checkpoint: 1, spells: 0 });
  });
});
