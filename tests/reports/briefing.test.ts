// The analysis report against a real server and store: its figures equal /api/v1/stats and the cases
// ingested, the CSV's shape, roles and bad queries, the presets' "no data" before the history, the
// HTML rendering offline in Chromium, and the PDF holding every section (pdftotext).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput } from '@shared/case-schema';
import { CHANNEL_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import type { StatsReply } from '@shared/stats-schema';
import { DAY_MS, cstMidnight } from '@shared/time';
import { launchBrowser } from '../e2e/browser';
import { callApi, makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
const nowMs = Date.now();
const todayMs = cstMidnight(nowMs);
const yesterdayMs = todayMs - DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();
const cst = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
const todayCst = cst(todayMs).slice(0, 10);

// today: spread between midnight China time and now; yesterday: its first hour (at most 48 h ago),
// so that the stored history starts yesterday and a one-day report of today has a previous day
const at = (i: number, n: number) => todayMs + Math.floor(((nowMs - todayMs) * (i + 0.5)) / (n + 1));
const kinds = ['complaint', 'report', 'consultation', 'complaint'] as const;
const channels = ['phone', 'web', 'wechat', 'phone', 'app'] as const;
const lines = ['consumer', 'quality', 'food-drug', 'consumer', 'price', 'ip'] as const;
const categories = [
  'food',
  'online-shopping',
  'prepaid-cards',
  'food',
  'appliances',
  'cosmetics',
  'education',
] as const;
const regions = ['420102', '420106', '110101', '440305', '420102'] as const;
const TODAY_CASES = 40;
const today: CaseInput[] = Array.from({ length: TODAY_CASES }, (_, i) => {
  const receivedMs = at(i, TODAY_CASES);
  const closed = i % 4 === 0;
  return makeCase(`T${i}`, {
    receivedAt: iso(receivedMs),
    kind: kinds[i % kinds.length],
    channel: channels[i % channels.length],
    line: lines[i % lines.length],
    category: categories[i % categories.length],
    regionCode: regions[i % regions.length],
    status: closed ? 'closed' : 'received',
    ...(closed ? { updatedAt: iso(receivedMs + 1000), recoveredYuan: 125.5 } : {}),
    ...(i % 3 === 0 ? { merchant: { name: '某某健身会所' } } : i % 5 === 0 ? { merchant: { name: 'Acme 电器' } } : {}),
    ...(i % 2 === 0 ? { brand: '云鲜' } : {}),
  });
});
const YESTERDAY_CASES = 8;
const yesterday: CaseInput[] = Array.from({ length: YESTERDAY_CASES }, (_, i) =>
  makeCase(`Y${i}`, { receivedAt: iso(yesterdayMs + 30 * 60_000 + i * 1000), kind: kinds[i % kinds.length] }),
);

async function report(query: string, role: 'director' | 'admin' | 'wall' | 'operator' = 'director') {
  const response = await fetch(`${ts.baseUrl}/api/v1/reports/briefing?${query}`, {
    headers: { authorization: `Bearer ${ts.token(role)}` },
  });
  return response;
}

async function csvOf(query: string): Promise<string[][]> {
  const response = await report(`${query}&format=csv`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  const text = await response.text();
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

async function stats(fromMs: number, toMs: number, scope = 'national'): Promise<StatsReply> {
  const { status, body } = await callApi(
    ts,
    'GET',
    `/api/v1/stats?scope=${scope}&from=${encodeURIComponent(iso(fromMs))}&to=${encodeURIComponent(iso(toMs))}`,
    'director',
  );
  expect(status).toBe(200);
  return body as unknown as StatsReply;
}

const row = (rows: string[][], section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item);

beforeAll(async () => {
  ts = await startTestServer();
  expect((await ts.ingest([...today, ...yesterday])).body.accepted).toBe(TODAY_CASES + YESTERDAY_CASES);
  const incident = await callApi(ts, 'POST', '/api/v1/incidents', 'director', {
    title: '某健身会所闭店',
    severity: 'III',
    regionCodes: ['420102'],
    category: 'prepaid-cards',
  });
  expect(incident.status).toBe(201);
}, 120_000);

afterAll(() => ts?.stop());

describe('GET /api/v1/reports/briefing', () => {
  const day = `from=${encodeURIComponent(cst(todayMs))}&to=${encodeURIComponent(cst(todayMs + DAY_MS))}`;

  it('answers directors and admins only', async () => {
    expect((await report(`${day}&format=csv`, 'admin')).status).toBe(200);
    expect((await report(`${day}&format=csv`, 'wall')).status).toBe(403);
    expect((await report(`${day}&format=csv`, 'operator')).status).toBe(403);
    const anonymous = await fetch(`${ts.baseUrl}/api/v1/reports/briefing?${day}`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a bad query with 400 and says why', async () => {
    const notMidnight = await report(
      `from=${encodeURIComponent(cst(todayMs + 3_600_000))}&to=${encodeURIComponent(cst(todayMs + DAY_MS))}`,
    );
    expect(notMidnight.status).toBe(400);
    expect(JSON.stringify(await notMidnight.json())).toContain('midnight China time');
    const badPeriod = await report('period=week');
    expect(badPeriod.status).toBe(400);
    expect(JSON.stringify(await badPeriod.json())).toContain('period');
    expect((await report(`${day}&format=docx`)).status).toBe(400);
    expect((await report(`${day}&scope=999999`)).status).toBe(400);
  });

  it('has the CSV shape section,item,value,previous,change with totals,all,<total of the period>', async () => {
    const rows = await csvOf(day);
    expect(rows[0]).toEqual(['section', 'item', 'value', 'previous', 'change']);
    for (const r of rows) expect(r).toHaveLength(5);
    expect(row(rows, 'totals', 'all')).toEqual([
      'totals',
      'all',
      String(TODAY_CASES),
      String(YESTERDAY_CASES),
      `+${(((TODAY_CASES - YESTERDAY_CASES) / YESTERDAY_CASES) * 100).toFixed(1)}%`,
    ]);
    // a year ago lies before the stored history: no data, never 0
    expect(row(rows, 'totals-year-ago', 'all')).toEqual([
      'totals-year-ago',
      'all',
      String(TODAY_CASES),
      'no data',
      'no data',
    ]);
    for (const section of [
      'kind',
      'line',
      'channel',
      'goods',
      'services',
      'merchants',
      'brands',
      'regions',
      'closure',
      'recovered',
      'alerts',
      'incidents',
    ])
      expect(
        rows.some((r) => r[0] === section),
        section,
      ).toBe(true);
  });

  it('every figure the statistics API has equals it, for the period and the period before', async () => {
    const rows = await csvOf(day);
    const now = await stats(todayMs, todayMs + DAY_MS);
    const before = await stats(yesterdayMs, todayMs);
    expect(Number(row(rows, 'totals', 'all')![2])).toBe(now.total);
    expect(Number(row(rows, 'totals', 'all')![3])).toBe(before.total);
    const breakdowns = [
      ['kind', KIND_CODES, 'byKind'],
      ['line', LINE_CODES, 'byLine'],
      ['channel', CHANNEL_CODES, 'byChannel'],
    ] as const;
    for (const [section, codes, key] of breakdowns)
      for (const code of codes) {
        const r = row(rows, section, code)!;
        expect(Number(r[2]), `${section} ${code}`).toBe((now[key] as Record<string, number>)[code]);
        expect(Number(r[3]), `${section} ${code} before`).toBe((before[key] as Record<string, number>)[code]);
      }
  });

  it('a city scope equals the statistics API for that city', async () => {
    const rows = await csvOf(`scope=420100&${day}`);
    expect(Number(row(rows, 'totals', 'all')![2])).toBe((await stats(todayMs, todayMs + DAY_MS, '420100')).total);
    expect(Number(row(rows, 'totals', 'all')![2])).toBe(today.filter((c) => c.regionCode.startsWith('4201')).length);
  });

  it('counts categories, regions, parties, closures and money as the cases say', async () => {
    const rows = await csvOf(day);
    const countBy = (pick: (c: CaseInput) => string | undefined) => {
      const counts = new Map<string, number>();
      for (const c of today) {
        const key = pick(c);
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    };
    for (const [category, n] of countBy((c) => c.category)) {
      const section = ['online-shopping', 'prepaid-cards', 'education'].includes(category) ? 'services' : 'goods';
      expect(Number(row(rows, section, category)?.[2]), category).toBe(n);
    }
    for (const [province, n] of countBy((c) => c.regionCode.slice(0, 2) + '0000'))
      expect(Number(row(rows, 'regions', province)?.[2]), province).toBe(n);
    for (const [merchant, n] of countBy((c) => c.merchant?.name))
      expect(Number(row(rows, 'merchants', merchant)?.[2])).toBe(n);
    expect(Number(row(rows, 'brands', '云鲜')?.[2])).toBe(countBy((c) => c.brand).get('云鲜'));
    const closed = today.filter((c) => c.status === 'closed').length;
    expect(Number(row(rows, 'closure', 'closed')![2])).toBe(closed);
    expect(Number(row(rows, 'closure', 'closed-on-time')![2])).toBe(closed);
    expect(row(rows, 'closure', 'on-time-rate')![2]).toBe('1.0000');
    expect(Number(row(rows, 'recovered', 'yuan')![2])).toBeCloseTo(closed * 125.5, 2);
    expect(row(rows, 'incidents', 'all')![2]).toBe('1');
    expect(rows.some((r) => r[0] === 'incidents' && r[1].includes('某健身会所闭店'))).toBe(true);
  });

  it('presets: the month of today against a previous month before the history is "no data"', async () => {
    const rows = await csvOf(`period=month&date=${todayCst}`);
    const [y, m] = todayCst.split('-').map(Number);
    const monthFromMs = Date.UTC(y, m - 1, 1) - 8 * 3_600_000;
    const monthToMs = Date.UTC(y, m, 1) - 8 * 3_600_000;
    const month = await stats(monthFromMs, monthToMs);
    expect(Number(row(rows, 'totals', 'all')![2])).toBe(month.total);
    expect(row(rows, 'totals', 'all')!.slice(3)).toEqual(['no data', 'no data']);
    for (const period of ['quarter', 'year', '315'])
      expect((await report(`period=${period}&format=csv`)).status).toBe(200);
  });

  it('HTML renders in Chromium with no request at all, in the shipped font, with every section', async () => {
    const response = await report(`${day}&format=html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(requests).toEqual([]);
      const fonts = await page.evaluate(() =>
        [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      );
      expect(fonts.some((f) => f.includes('Noto Sans SC'))).toBe(true);
      const sections = await page.$$eval('section', (all) => all.map((s) => s.id));
      expect(sections).toEqual([
        'totals',
        'by-kind',
        'by-line',
        'by-channel',
        'goods',
        'services',
        'merchants',
        'brands',
        'regions',
        'closure',
        'recovered',
        'alerts',
        'incidents',
      ]);
      expect(await page.$$eval('figure svg', (svgs) => svgs.length)).toBeGreaterThanOrEqual(8);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it.each([
    [
      'zh',
      [
        '一、总体情况',
        '五、商品类投诉举报前列',
        '六、服务类投诉举报前列',
        '七、被投诉举报较多的商户',
        '八、被投诉举报较多的品牌',
        '九、地区分布',
        '十、按时办结率',
        '十一、挽回经济损失',
        '十二、本期预警',
        '十三、本期突发事件',
        '某健身会所闭店',
      ],
    ],
    [
      'en',
      [
        '1. Totals',
        '2. By kind',
        '3. By business line',
        '4. By channel',
        '5. Top goods categories',
        '6. Top service categories',
        '7. Top merchants',
        '8. Top brands',
        '9. Top regions',
        '10. On-time closure',
        '11. Money recovered',
        '12. Alerts in the period',
        '13. Incidents in the period',
      ],
    ],
  ])(
    'the PDF (%s) has every section (pdftotext)',
    async (lang, titles) => {
      const response = await report(`${day}&format=pdf&lang=${lang}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cw-report-')), 'report.pdf');
      fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const title of titles) expect(text, title).toContain(title);
      expect(text).toContain(String(TODAY_CASES));
      if (process.env.REPORT_PDF_KEEP)
        fs.copyFileSync(file, path.join(process.env.REPORT_PDF_KEEP, `report-${lang}.pdf`));
    },
    60_000,
  );
});
