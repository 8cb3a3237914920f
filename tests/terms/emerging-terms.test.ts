// Emerging terms end to end: cases posted to the ingest API are segmented into terms (after the
// scrubber), counted once each in term_hour, and a term new in the last 24 hours is found by the
// detector. The detector is evaluated 20 hours ahead of the real clock, as a backtest step would be,
// so "today" and the baseline both lie within a day of the real clock (the rollups' TTLs are real).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput } from '@shared/case-schema';
import { HOUR_MS } from '@shared/time';
import { evaluateTermDetector } from '../../server/alerts/detectors/term-detector';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
const NOW_MS = Date.now();
/** the evaluation time, on a whole hour: its 24-hour window starts 4 to 5 hours before the real now */
const EVALUATED_AT_MS = Math.floor(NOW_MS / HOUR_MS) * HOUR_MS + 20 * HOUR_MS;

/** Everyday complaints, repeated in the same proportions before and during the window. */
const ORDINARY = [
  '购买的儿童滑板车零件脱落，要求退货退款。',
  '在某超市购买的牛奶有异味，商家拒绝退换。',
  '购买的电饭煲使用三天后无法加热，商家拒绝退换。',
  '办理的健身年卡尚余2000元，商家突然停业闭店，无法退款。',
  '快递丢件，理赔金额过低。',
  '在某酒楼用餐后出现腹泻症状，怀疑食物变质。',
  '羽绒服严重褪色，要求退货退款。',
  '宽带未经同意开通增值业务，每月被扣费。',
];
const SURGE = '购买的磁力玩具零件脱落，孩子误吞，要求退货退款。';
const REGIONS = ['420102', '330106', '110101'];

function ordinaryCases(prefix: string, count: number, fromMs: number, toMs: number): CaseInput[] {
  return Array.from({ length: count }, (_, i) =>
    makeCase(`${prefix}-${i}`, {
      summary: ORDINARY[i % ORDINARY.length],
      regionCode: REGIONS[i % REGIONS.length],
      receivedAt: new Date(fromMs + ((toMs - fromMs) * i) / count).toISOString(),
    }),
  );
}

async function ingestAll(cases: CaseInput[]): Promise<void> {
  for (let i = 0; i < cases.length; i += 500) {
    const { status, body } = await ts.ingest(cases.slice(i, i + 500));
    expect(status).toBe(200);
    expect(body.rejected).toEqual([]);
  }
}

async function termCases(term: string): Promise<number> {
  const rows = await ts.server.clickhouse.query<{ n: string }>(
    'test',
    'SELECT sum(cases) AS n FROM term_hour WHERE term = {term:String}',
    { term },
  );
  return Number(rows[0].n);
}

const surgeCases = Array.from({ length: 12 }, (_, i) =>
  makeCase(`surge-${i}`, {
    summary: i === 0 ? `${SURGE}联系电话13800138000` : SURGE,
    category: 'toys',
    regionCode: i < 9 ? '330106' : '330102',
    receivedAt: new Date(NOW_MS - 2 * HOUR_MS + i * 60_000).toISOString(),
  }),
);

beforeAll(async () => {
  ts = await startTestServer();
  await ingestAll(ordinaryCases('base', 800, NOW_MS - 20 * HOUR_MS, NOW_MS - 5 * HOUR_MS));
  await ingestAll(ordinaryCases('today', 160, NOW_MS - 3 * HOUR_MS, NOW_MS - 60_000));
  await ingestAll(surgeCases);
});
afterAll(async () => {
  await ts.stop();
});

describe('terms at ingest', () => {
  it('stores the terms of the scrubbed summary on the case version, without personal data', async () => {
    const rows = await ts.server.clickhouse.query<{ terms: string[] }>(
      'test',
      "SELECT terms FROM case_versions WHERE id = 'surge-0'",
    );
    expect(rows[0].terms).toEqual(expect.arrayContaining(['磁力玩具', '零件', '脱落', '误吞', '退货退款']));
    expect(rows[0].terms.join(' ')).not.toMatch(/138|手机号|电话/);
  });

  it('counts every case once in term_hour, also when a later version of it arrives', async () => {
    const updates = surgeCases.slice(0, 5).map((c) => ({
      ...c,
      status: 'accepted' as const,
      updatedAt: new Date(NOW_MS - 30_000).toISOString(),
    }));
    await ingestAll(updates);
    expect(await termCases('')).toBe(800 + 160 + 12);
    expect(await termCases('磁力玩具')).toBe(12);
    expect(await termCases('牛奶')).toBe(120);
  });
});

describe('term detector on the rollup', () => {
  it('finds the new terms, in the province where they arose, and nothing in the everyday complaints', async () => {
    const signals = await evaluateTermDetector(ts.server.clickhouse, EVALUATED_AT_MS);
    // every word new in the surge summaries; the alerts domain groups them by the cases they share
    expect(signals.map((s) => s.term).sort()).toEqual(['孩子', '磁力玩具', '误吞']);
    const toy = signals.find((s) => s.term === '磁力玩具')!;
    expect(toy).toMatchObject({
      kind: 'term',
      key: 'term:磁力玩具',
      regionCode: '330000',
      regionCodes: ['330000'],
      category: 'toys',
      observed: 12,
    });
    expect(toy.expected).toBeLessThan(1);
    expect(toy.pValue).toBeLessThan(0.25);
    expect(Date.parse(toy.startedAt)).toBeLessThanOrEqual(NOW_MS - HOUR_MS);
  });
});
