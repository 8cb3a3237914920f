// computePanelsAt against the cases themselves: cases with several versions at known times, then for
// several past moments every part is checked against an independent count straight from
// case_versions (each case's newest version at or before the moment), kpis.today.total against
// /api/v1/stats for the same window, and a version stored after a moment changes nothing there.
// Minute resolution (recent moments) and hourly (two months back) both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCalendar } from '@shared/calendar';
import { cstDayOf, endOfDayMs } from '@shared/calendar/cst-day';
import type { CaseInput } from '@shared/case-schema';
import { CHANNEL_CODES, KIND_CODES, LINE_CODES, TERMINAL_STATUSES, type Status } from '@shared/codes';
import { LIMITS } from '@shared/panels';
import { childCodeOf } from '@shared/regions';
import { DAY_MS, HOUR_MS, MINUTE_MS, cstMidnight, floorTo } from '@shared/time';
import { createPanelsAtSource } from '../../server/replay/create-panels-at-source';
import type { PanelsAtSource } from '../../server/replay/panels-at';
import { callApi, makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
let source: PanelsAtSource;
const nowMs = Date.now();
const REGIONS = ['420102', '420106', '310101', '310104', '110101', '440305'];
const CATEGORIES = ['food', 'cosmetics', 'tourism', 'housing'] as const;
const MERCHANTS = ['', '甲超市', '乙商城', '丙公司'];
const STATUSES: Status[] = ['received', 'accepted', 'resolved', 'closed', 'rejected'];
/** two stretches of history: the last 30 hours (minute resolution) and 60 days back (hourly) */
const RECENT_FROM = nowMs - 30 * HOUR_MS;
const OLD_FROM = nowMs - 61 * DAY_MS;

let seed = 12315;
const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const iso = (ms: number) => new Date(ms).toISOString();

/** cases received from `fromMs` over `spanMs`, about half with one or two later versions */
function history(prefix: string, fromMs: number, spanMs: number, n: number): CaseInput[] {
  const versions: CaseInput[] = [];
  for (let i = 0; i < n; i += 1) {
    const receivedMs = fromMs + next(spanMs);
    const c = makeCase(`${prefix}-${i}`, {
      receivedAt: iso(receivedMs),
      regionCode: REGIONS[next(REGIONS.length)],
      kind: KIND_CODES[next(KIND_CODES.length)],
      line: LINE_CODES[next(LINE_CODES.length)],
      channel: CHANNEL_CODES[next(CHANNEL_CODES.length)],
      category: CATEGORIES[next(CATEGORIES.length)],
      urgent: next(4) === 0,
      ...(next(3) === 0 ? { merchant: { name: MERCHANTS[1 + next(3)] } } : {}),
      ...(next(2) === 0 ? { location: { lon: 114.3 + next(100) / 100, lat: 30.5 + next(100) / 100 } } : {}),
    });
    versions.push(c);
    let atMs = receivedMs;
    for (let v = next(3); v > 0; v -= 1) {
      atMs += 1 + next(20 * HOUR_MS);
      if (atMs >= nowMs - MINUTE_MS) break;
      versions.push({
        ...c,
        updatedAt: iso(atMs),
        status: STATUSES[next(STATUSES.length)],
        category: next(2) ? c.category : CATEGORIES[next(CATEGORIES.length)],
        regionCode: next(3) ? c.regionCode : REGIONS[next(REGIONS.length)],
        urgent: next(2) === 0,
      });
    }
  }
  return versions;
}

beforeAll(async () => {
  ts = await startTestServer();
  source = createPanelsAtSource({
    clickhouse: ts.server.clickhouse,
    clock: { now: () => nowMs },
    incidentClocks: ts.server.incidents.clocks,
  });
  const cases = [
    ...history('OLD', OLD_FROM - 8 * DAY_MS, 9 * DAY_MS, 400),
    ...history('NOW', RECENT_FROM - 8 * DAY_MS, 8 * DAY_MS + 30 * HOUR_MS - 10 * MINUTE_MS, 900),
    // a busy last hour: the feed's newest cases are then all found in it (the short path)
    ...history('BURST', nowMs - 50 * MINUTE_MS, 45 * MINUTE_MS, 80),
  ];
  // one version at a time per case, in order: each later version supersedes the head stored before it
  const rounds: CaseInput[][] = [];
  const seen = new Map<string, number>();
  for (const c of cases) {
    const round = seen.get(c.id) ?? 0;
    seen.set(c.id, round + 1);
    (rounds[round] ??= []).push(c);
  }
  for (const round of rounds) expect((await ts.ingest(round)).body.accepted).toBe(round.length);
});
afterAll(async () => {
  await ts.stop();
});

interface AtT {
  id: string;
  receivedMs: number;
  region: string;
  line: string;
  kind: string;
  channel: string;
  category: string;
  status: Status;
  urgent: number;
  dueMs: number;
  located: number;
  merchant: string;
}

/** Every case as it stood at atMs: its newest version at or before it, straight from case_versions. */
async function casesAt(atMs: number): Promise<AtT[]> {
  const rows = await ts.server.clickhouse.query<{ id: string; received_ms: number; s: unknown[] }>(
    'test',
    `SELECT id, toUnixTimestamp64Milli(any(received_at)) AS received_ms,
            argMax((region_code, line, kind, channel, category, status, urgent,
                    toUnixTimestamp(due_at) * 1000, lon IS NOT NULL, merchant_name), version_at) AS s
     FROM case_versions FINAL
     WHERE version_at <= fromUnixTimestamp64Milli({at:Int64})
     GROUP BY id`,
    { at: atMs },
  );
  return rows.map(({ id, received_ms, s }) => ({
    id,
    receivedMs: received_ms,
    region: String(s[0]).padStart(6, '0'),
    line: s[1] as string,
    kind: s[2] as string,
    channel: s[3] as string,
    category: s[4] as string,
    status: s[5] as Status,
    urgent: Number(s[6]),
    dueMs: Number(s[7]),
    located: Number(s[8]),
    merchant: s[9] as string,
  }));
}

const isOpen = (c: AtT) => !TERMINAL_STATUSES.includes(c.status);
const tally = (keys: string[]) => keys.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {});

async function statsTotal(fromMs: number, toMs: number): Promise<number> {
  const query = new URLSearchParams({ scope: 'national', from: iso(fromMs), to: iso(toMs) });
  const reply = await callApi(ts, 'GET', `/api/v1/stats?${query}`, 'wall');
  return reply.body.total as number;
}

const MOMENTS: Array<[string, number, 'minute' | 'hour']> = [
  ['now, less a minute', nowMs - MINUTE_MS, 'minute'],
  ['3 hours ago', nowMs - 3 * HOUR_MS - 17_321, 'minute'],
  ['19 hours ago', nowMs - 19 * HOUR_MS + 4_567, 'minute'],
  ['28 hours ago', nowMs - 28 * HOUR_MS, 'minute'],
  ['60 days ago', nowMs - 60 * DAY_MS + 1_234, 'hour'],
  ['57 days ago', nowMs - 57 * DAY_MS - 999, 'hour'],
];

describe.each(MOMENTS)('the wall as of %s', (_, requestedMs, resolution) => {
  it('shows every part as counted straight from case_versions at that moment', async () => {
    const got = await source.computePanelsAt('national', requestedMs);
    const stepMs = resolution === 'minute' ? MINUTE_MS : HOUR_MS;
    const atMs = floorTo(requestedMs, stepMs);
    expect(got.asOf).toBe(iso(atMs));
    expect(got.history).toEqual({ resolution, notKept: [] });
    const all = await casesAt(atMs);
    const received = (fromMs: number) => all.filter((c) => c.receivedMs >= fromMs && c.receivedMs < atMs);
    const midnight = cstMidnight(atMs);
    const today = received(midnight);
    const k = got.panels.kpis;
    expect(k.today.total).toBe(today.length);
    expect(k.today.byKind).toMatchObject(tally(today.map((c) => c.kind)));
    expect(k.today.byLine).toMatchObject(tally(today.map((c) => c.line)));
    expect(got.panels.channelMix).toMatchObject(tally(today.map((c) => c.channel)));
    expect(Object.fromEntries(got.panels.topCategories.map((r) => [r.key, r.count]))).toEqual(
      tally(today.map((c) => c.category)),
    );
    expect(k.lastHour).toBe(received(atMs - HOUR_MS).length);
    // the same time yesterday and last week: cases received then, as they stood at the moment
    const span = (from: number, to: number) => all.filter((c) => c.receivedMs >= from && c.receivedMs < to).length;
    expect(k.sameTimeYesterday.total).toBe(span(midnight - DAY_MS, atMs - DAY_MS));
    expect(k.sameTimeLastWeek.total).toBe(span(midnight - 7 * DAY_MS, atMs - 7 * DAY_MS));
    // the volume series: 24 hours of buckets ending at the moment, and the week-before baseline
    const buckets = resolution === 'minute' ? 1_440 : 24;
    const windowFrom = atMs - buckets * stepMs;
    expect(got.panels.volume).toMatchObject({ start: iso(windowFrom), stepMs });
    const series = (offsetMs: number) =>
      Array.from({ length: buckets }, (_, i) =>
        span(windowFrom - offsetMs + i * stepMs, windowFrom - offsetMs + (i + 1) * stepMs),
      );
    expect(got.panels.volume.current).toEqual(series(0));
    expect(got.panels.volume.baseline).toEqual(series(7 * DAY_MS));
    // open, overdue and due soon, in all and by province
    const hourNow = floorTo(atMs, HOUR_MS);
    const dueSoonBy = endOfDayMs(activeCalendar().addWorkingDays(cstDayOf(atMs), 2));
    const open = all.filter(isOpen);
    const overdue = open.filter((c) => c.dueMs < hourNow);
    const dueSoon = open.filter((c) => c.dueMs >= hourNow && floorTo(c.dueMs, HOUR_MS) <= dueSoonBy);
    expect([k.open, k.overdue, k.dueSoon]).toEqual([open.length, overdue.length, dueSoon.length]);
    const province = (c: AtT) => childCodeOf('national', c.region)!;
    for (const row of got.panels.regions) {
      const mine = (list: AtT[]) => list.filter((c) => province(c) === row.code).length;
      expect([row.code, row.today, row.lastHour, row.open, row.overdue, row.dueSoon]).toEqual([
        row.code,
        mine(today),
        mine(received(atMs - HOUR_MS)),
        mine(open),
        mine(overdue),
        mine(dueSoon),
      ]);
    }
    // the feed, the urgent markers and the heatmap
    const newest = (list: AtT[]) =>
      list
        .sort((a, b) => b.receivedMs - a.receivedMs || (a.id < b.id ? 1 : -1))
        .map((c) => [c.id, c.status, c.category]);
    expect(got.panels.latestCases.map((c) => [c.id, c.status, c.category])).toEqual(
      newest(received(atMs - 2 * DAY_MS)).slice(0, LIMITS.feedCases),
    );
    expect(got.panels.urgentCases.map((c) => [c.id, c.status, c.category])).toEqual(
      newest(received(atMs - DAY_MS).filter((c) => c.urgent === 1 && isOpen(c))),
    );
    const heat = got.panels.heat.reduce((n, [, , count]) => n + count, 0);
    expect(heat).toBe(received(atMs - HOUR_MS).filter((c) => c.located).length);
    const merchants = tally(today.filter((c) => c.merchant).map((c) => c.merchant));
    expect(Object.fromEntries(got.panels.topMerchants.map((r) => [r.key, r.count]))).toEqual(merchants);
  });

  it("counts today's total as /api/v1/stats counts the same window", async () => {
    const got = await source.computePanelsAt('national', requestedMs);
    const atMs = Date.parse(got.asOf);
    // a moment on China's midnight (an hourly moment run between 00:00 and 01:00) has an empty day so
    // far: nothing to ask the statistics API, which refuses a window of no length
    const fromMs = cstMidnight(atMs);
    expect(got.panels.kpis.today.total).toBe(fromMs === atMs ? 0 : await statsTotal(fromMs, atMs));
  });
});

describe('a province', () => {
  it('counts only its own cases', async () => {
    const atMs = floorTo(nowMs - 2 * HOUR_MS, MINUTE_MS);
    const got = await source.computePanelsAt('420000', atMs);
    const all = (await casesAt(atMs)).filter((c) => c.region.startsWith('42'));
    expect(got.panels.kpis.open).toBe(all.filter(isOpen).length);
    expect(got.panels.kpis.today.total).toBe(
      all.filter((c) => c.receivedMs >= cstMidnight(atMs) && c.receivedMs < atMs).length,
    );
    const wuhan = got.panels.regions.find((r) => r.code === '420100');
    expect(wuhan?.open).toBe(all.filter((c) => isOpen(c) && c.region.startsWith('4201')).length);
    expect(got.panels.regions.filter((r) => r.code !== '420100').every((r) => r.open === 0)).toBe(true);
  });
});

describe('a version stored after the moment', () => {
  it('changes nothing at the moment, and shows from its own time on', async () => {
    const atMs = floorTo(nowMs - 5 * HOUR_MS, MINUTE_MS);
    const before = await source.computePanelsAt('national', atMs);
    const victim = (await casesAt(atMs)).find((c) => isOpen(c) && c.receivedMs > atMs - DAY_MS && c.receivedMs < atMs);
    expect(victim).toBeDefined();
    const [stored] = (await ts.server.clickhouse.query<{ n: number }>(
      'test',
      'SELECT count() AS n FROM case_versions WHERE id = {id:String}',
      { id: victim!.id },
    )) as Array<{ n: number }>;
    const laterMs = Math.max(atMs + 7_000, nowMs - 2 * MINUTE_MS);
    const later = makeCase(victim!.id, {
      receivedAt: iso(victim!.receivedMs),
      updatedAt: iso(laterMs),
      status: 'closed',
      category: 'housing',
      regionCode: '110101',
      channel: 'web',
    });
    expect((await ts.ingest([later])).body.accepted).toBe(1);
    const [after] = await ts.server.clickhouse.query<{ n: number }>(
      'test',
      'SELECT count() AS n FROM case_versions WHERE id = {id:String}',
      { id: victim!.id },
    );
    expect(after.n).toBe(stored.n + 1);
    expect(await source.computePanelsAt('national', atMs)).toEqual(before);
    // from the new version's own time on, the case is closed: no longer open
    const afterMs = laterMs + MINUTE_MS;
    const shown = await source.computePanelsAt('national', afterMs);
    const open = (await casesAt(floorTo(afterMs, MINUTE_MS))).filter(isOpen);
    expect(open.some((c) => c.id === victim!.id)).toBe(false);
    expect(shown.panels.kpis.open).toBe(open.length);
  });
});

describe('incidents as they stood', () => {
  it('folds the incident log up to the moment', async () => {
    const beforeMs = Date.now() - 1;
    const reported = await callApi(ts, 'POST', '/api/v1/incidents', 'operator', {
      title: '某地食品安全事件',
      severity: 'III',
      regionCodes: ['420102'],
    });
    expect(reported.status).toBe(201);
    const id = reported.body.id as string;
    const local = createPanelsAtSource({
      clickhouse: ts.server.clickhouse,
      clock: { now: () => Date.now() },
      incidentClocks: ts.server.incidents.clocks,
    });
    expect((await local.computePanelsAt('national', beforeMs - MINUTE_MS)).panels.incidents).toEqual([]);
    const shown = (await local.computePanelsAt('420000', Date.now() + MINUTE_MS)).panels.incidents;
    expect(shown.map((i) => [i.id, i.status])).toEqual([[id, 'reported']]);
  });
});

describe('historyBounds', () => {
  it('runs from the oldest case stored to now', async () => {
    const [row] = await ts.server.clickhouse.query<{ oldest: number }>(
      'test',
      'SELECT toUnixTimestamp64Milli(min(received_at)) AS oldest FROM case_versions',
      {},
    );
    expect(await source.historyBounds()).toEqual({ fromMs: row.oldest, toMs: nowMs });
  });
});
