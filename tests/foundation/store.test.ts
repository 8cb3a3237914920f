// What ingest stores: migrations, idempotency, lifecycle state, rollups, stats, scrubbing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, loadMigrations } from '../../server/clickhouse/migrate';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
const t0 = Date.now() - 60 * 60_000;
const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});

async function stats(scope: string, from: string, to: string, role: 'wall' | 'ingest' = 'wall') {
  const url = `${ts.baseUrl}/api/v1/stats?scope=${scope}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${ts.token(role)}` } });
  return { status: response.status, body: await response.json() };
}

async function sum(sql: string): Promise<number> {
  const rows = await ts.server.clickhouse.query<{ n: string | number | null }>('test', sql);
  return Number(rows[0]?.n ?? 0);
}

/** The intake rollup's non-empty cells of a region, by status: each case counted once, in its current state. */
async function rollupStatuses(regionCode: number): Promise<Array<[string, number]>> {
  const cells = await ts.server.clickhouse.query<{ status: string; n: string }>(
    'test',
    'SELECT status, sum(cases) AS n FROM intake_minute WHERE region_code = {region:UInt32} GROUP BY status HAVING n != 0 ORDER BY status',
    { region: regionCode },
  );
  return cells.map((c) => [c.status, Number(c.n)]);
}

describe('migrations', () => {
  it('applied every file from empty, recorded once each', async () => {
    const rows = await ts.server.clickhouse.query<{ version: number }>(
      'test',
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => Number(r.version))).toEqual(loadMigrations().map((m) => m.version));
  });

  it('re-applying is a no-op', async () => {
    expect(await migrate(ts.server.clickhouse)).toEqual([]);
    expect(await sum('SELECT count() AS n FROM schema_migrations')).toBe(loadMigrations().length);
  });
});

describe('ingest into the store', () => {
  it('counts the same id and updatedAt once, however often it is posted', async () => {
    const c = makeCase('IDEM-1', { receivedAt: at(0), regionCode: '110101' });
    expect((await ts.ingest([c, c])).body.accepted).toBe(2);
    expect((await ts.ingest([c])).body.accepted).toBe(1);
    expect(await sum("SELECT count() AS n FROM case_versions WHERE id = 'IDEM-1'")).toBe(1);
    expect(await sum('SELECT sum(cases) AS n FROM intake_minute WHERE region_code = 110101')).toBe(1);
  });

  it('keeps every version as history and derives the current state, whatever the arrival order', async () => {
    const base = { receivedAt: at(1), regionCode: '120101', amountYuan: 300 } as const;
    const v1 = makeCase('LIFE-1', { ...base, status: 'received' });
    const v2 = makeCase('LIFE-1', { ...base, status: 'accepted', updatedAt: at(2) });
    const v3 = makeCase('LIFE-1', { ...base, status: 'resolved', updatedAt: at(3), recoveredYuan: 120 });
    await ts.ingest([v3]);
    await ts.ingest([v1, v2]); // older versions arriving late are history, not the head
    await ts.ingest([v2]);
    expect(await sum("SELECT count() AS n FROM case_versions WHERE id = 'LIFE-1'")).toBe(3);
    const head = await ts.server.clickhouse.query<{ status: string }>(
      'test',
      "SELECT status FROM case_heads FINAL WHERE id = 'LIFE-1'",
    );
    expect(head).toEqual([{ status: 'resolved' }]);
    // the rollups hold the case once, in its current state
    expect(await rollupStatuses(120101)).toEqual([['resolved', 1]]);
    expect(await sum('SELECT sum(cases) AS n FROM open_cases WHERE region_code = 120101')).toBe(0);
    expect(await sum('SELECT sum(closed) AS n FROM activity_hour WHERE region_code = 120101')).toBe(1);
    expect(await sum('SELECT sum(recovered_yuan) AS n FROM activity_hour WHERE region_code = 120101')).toBe(120);
  });

  it('moves a case between open and closed as its versions arrive in order', async () => {
    const base = { receivedAt: at(1), regionCode: '130102', kind: 'report' } as const;
    await ts.ingest([makeCase('LIFE-2', { ...base, status: 'received' })]);
    expect(await sum('SELECT sum(cases) AS n FROM open_cases WHERE region_code = 130102')).toBe(1);
    await ts.ingest([makeCase('LIFE-2', { ...base, status: 'verifying', updatedAt: at(2) })]);
    expect(
      await sum("SELECT sum(cases) AS n FROM open_cases WHERE region_code = 130102 AND status = 'verifying'"),
    ).toBe(1);
    await ts.ingest([makeCase('LIFE-2', { ...base, status: 'closed', updatedAt: at(4) })]);
    expect(await sum('SELECT sum(cases) AS n FROM open_cases WHERE region_code = 130102')).toBe(0);
    expect(await sum('SELECT sum(closed_on_time) AS n FROM activity_hour WHERE region_code = 130102')).toBe(1);
    // reopened: the closure is taken back
    await ts.ingest([makeCase('LIFE-2', { ...base, status: 'verifying', updatedAt: at(5) })]);
    expect(await sum('SELECT sum(closed) AS n FROM activity_hour WHERE region_code = 130102')).toBe(0);
    expect(await sum('SELECT sum(cases) AS n FROM open_cases WHERE region_code = 130102')).toBe(1);
  });

  it('keeps each case once, in its newest state, when many large requests carry its versions at once', async () => {
    // Requests gather into shared batches while one is written: the versions of one case spread over
    // concurrent requests must still chain into one lifecycle.
    const statuses = ['received', 'accepted', 'mediating', 'resolved'] as const;
    const ids = Array.from({ length: 600 }, (_, i) => `CONC-${i}`);
    const requests = statuses.flatMap((status, step) =>
      [0, 1, 2].map((part) =>
        ids
          .slice(part * 200, part * 200 + 200)
          .map((id) => makeCase(id, { receivedAt: at(1), updatedAt: at(1 + step), regionCode: '140105', status })),
      ),
    );
    const order = [7, 2, 11, 0, 5, 9, 3, 10, 1, 6, 8, 4, 0, 7]; // shuffled, two requests posted twice
    const replies = await Promise.all(order.map((i) => ts.ingest(requests[i])));
    expect(replies.map((r) => r.status)).toEqual(order.map(() => 200));
    expect(await sum("SELECT count() AS n FROM case_versions FINAL WHERE startsWith(id, 'CONC-')")).toBe(2400);
    const heads = await ts.server.clickhouse.query<{ status: string; n: string }>(
      'test',
      "SELECT status, count() AS n FROM case_heads FINAL WHERE startsWith(id, 'CONC-') GROUP BY status",
    );
    expect(heads.map((h) => [h.status, Number(h.n)])).toEqual([['resolved', 600]]);
    expect(await rollupStatuses(140105)).toEqual([['resolved', 600]]);
    expect(await sum('SELECT sum(cases) AS n FROM open_cases WHERE region_code = 140105')).toBe(0);
    expect(await sum('SELECT sum(closed) AS n FROM activity_hour WHERE region_code = 140105')).toBe(600);
  });

  it('stores no personal data from the summary or merchant name', async () => {
    await ts.ingest([
      makeCase('PII-1', {
        receivedAt: at(1),
        summary: '王先生来电 13812345678，身份证 420102199003071234，邮箱 wang@example.com，座机 027-87654321',
        merchant: { name: '某健身 电话13900001111' },
      }),
    ]);
    const [row] = await ts.server.clickhouse.query<{ summary: string; merchant_name: string }>(
      'test',
      "SELECT summary, merchant_name FROM case_versions WHERE id = 'PII-1'",
    );
    expect(row.summary).toBe('某先生来电 [手机号]，身份证 [身份证号]，邮箱 [邮箱]，座机 [电话]');
    expect(row.merchant_name).toBe('某健身 电话[手机号]');
    const everything = JSON.stringify(await ts.server.clickhouse.query('test', 'SELECT * FROM case_feed FINAL'));
    expect(everything).not.toMatch(/1[3-9]\d{9}|王先生/);
  });
});

describe('GET /api/v1/stats', () => {
  it('equals what was posted, by scope and window, counting distinct cases', async () => {
    const from = at(20);
    const st3 = {
      receivedAt: at(23),
      regionCode: '320102',
      kind: 'consultation',
      line: 'quality',
      channel: 'wechat',
    } as const;
    const cases = [
      makeCase('ST-1', {
        receivedAt: at(21),
        regionCode: '310101',
        kind: 'complaint',
        line: 'consumer',
        channel: 'phone',
      }),
      makeCase('ST-2', { receivedAt: at(22), regionCode: '310104', kind: 'report', line: 'price', channel: 'web' }),
      makeCase('ST-3', st3),
      makeCase('ST-3', { ...st3, status: 'resolved', updatedAt: at(24) }), // a later version, counted once
      makeCase('ST-4', { receivedAt: at(30), regionCode: '320102' }), // outside [from, to)
    ];
    expect((await ts.ingest(cases)).body.accepted).toBe(5);
    const to = at(30);
    const national = (await stats('national', from, to)).body;
    expect(national.total).toBe(3);
    expect(national.byKind).toMatchObject({ complaint: 1, report: 1, consultation: 1, suggestion: 0 });
    expect(national.byLine).toMatchObject({ consumer: 1, price: 1, quality: 1 });
    expect(national.byChannel).toMatchObject({ phone: 1, web: 1, wechat: 1, sms: 0 });
    expect((await stats('310000', from, to)).body.total).toBe(2);
    expect((await stats('320000', from, to)).body.total).toBe(1);
    expect((await stats('310104', from, to)).body.total).toBe(1);
    expect((await stats('320102', from, at(31))).body.total).toBe(2);
  });

  it('refuses a bad scope or window (400) and callers without read rights', async () => {
    expect((await stats('999999', at(0), at(1))).status).toBe(400);
    expect((await stats('national', at(2), at(1))).status).toBe(400);
    expect((await stats('national', 'today', at(1))).status).toBe(400);
    expect((await stats('national', at(0), at(1), 'ingest')).status).toBe(403);
  });
});

describe('batches the store must take or refuse honestly', () => {
  async function metric(name: string): Promise<number> {
    const text = await (await fetch(`${ts.baseUrl}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  }

  it('stores a batch spanning 150 days (a sender catching up), not spooling it', async () => {
    const day0 = Date.UTC(2025, 0, 1, 2);
    const cases = Array.from({ length: 150 }, (_, i) =>
      makeCase(`SPAN-${i}`, { receivedAt: new Date(day0 + i * 86_400_000).toISOString() }),
    );
    expect((await ts.ingest(cases)).body.accepted).toBe(150);
    expect(await metric('commandwall_cases_spooled_total')).toBe(0);
    const span = await stats('national', new Date(day0).toISOString(), new Date(day0 + 150 * 86_400_000).toISOString());
    expect(span.body.total).toBe(150);
  });

  it('refuses only the case ClickHouse refuses while answering (by index, 422 when alone), and spools nothing', async () => {
    await ts.server.clickhouse.command(
      'test',
      "ALTER TABLE case_versions ADD CONSTRAINT test_refuse CHECK id != 'REFUSED-1'",
    );
    try {
      const [good, bad] = await Promise.all([
        ts.ingest([makeCase('FINE-1')]),
        ts.ingest([makeCase('REFUSED-1')]),
        ts.ingest([makeCase('FINE-2')]),
      ]);
      expect(good).toEqual({ status: 200, body: { accepted: 1, rejected: [] } });
      expect(bad.status).toBe(422);
      expect(bad.body).toEqual({
        accepted: 0,
        rejected: [
          {
            index: 0,
            id: 'REFUSED-1',
            errors: [expect.stringMatching(/^\(case\): ClickHouse refused it: .*test_refuse/)],
          },
        ],
      });
      expect(await metric('commandwall_cases_spooled_total')).toBe(0);
      expect(await sum("SELECT count() AS n FROM case_versions WHERE id IN ('FINE-1', 'FINE-2', 'REFUSED-1')")).toBe(2);
    } finally {
      await ts.server.clickhouse.command('test', 'ALTER TABLE case_versions DROP CONSTRAINT test_refuse');
    }
  });
});
