// What of a case reaches the wall's feed and markers: a location rounded to about 100 m, a summary cut
// on characters (never half a character or a broken surrogate pair), no personal data; and a brand
// stored scrubbed. A real server, a real socket.io-client and the embedded engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, type WallClient } from './wall-client';
import { scrubPersonalData } from '../../server/ingest/scrub';

let ts: TestServer;
let client: WallClient | undefined;
beforeAll(async () => {
  ts = await startTestServer({ tickMs: 200 });
});
afterAll(async () => {
  client?.close();
  await ts.stop();
});

const BROKEN_TEXT = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FEED_SUMMARY_CHARS = 120;

describe('the feed on the wall', () => {
  // 93 Chinese characters are 279 bytes: the old 280-byte cut fell inside the 94th; then an emoji (4
  // bytes, a surrogate pair in JS) straddles the 120-character cut in the second summary
  const chinese = '消费者反映购买的电饭煲使用三天后出现漏电现象'.repeat(10);
  const withEmoji = `${'质'.repeat(119)}😀${'量'.repeat(40)}`;
  const withPhone = `联系电话13812345678，${chinese}`;

  it('sends rounded locations and summaries cut on characters, without personal data', async () => {
    const now = Date.now();
    const cases = [
      makeCase('P-1', { summary: chinese, urgent: true, location: { lon: 114.305678, lat: 30.592345 } }, now - 3000),
      makeCase('P-2', { summary: withEmoji, location: { lon: 114.3, lat: 30.5999 } }, now - 2000),
      makeCase(
        'P-3',
        { summary: withPhone, brand: '张记 13912345678', merchant: { name: '店主电话0755-12345678' } },
        now - 1000,
      ),
    ];
    expect((await ts.ingest(cases)).body.accepted).toBe(3);
    client = connectWall(ts.baseUrl, { token: ts.token('wall') });
    await client.subscribe('national');
    const payload = await client.waitFor(
      (p) => (p.panels.latestCases?.length ?? 0) >= 3,
      'the three cases in the feed',
    );
    const byId = new Map(payload.panels.latestCases!.map((c) => [c.id, c]));

    expect(byId.get('P-1')!.location).toEqual({ lon: 114.306, lat: 30.592 });
    expect(byId.get('P-2')!.location).toEqual({ lon: 114.3, lat: 30.6 });
    expect(byId.get('P-3')!.location).toBeNull();
    expect(payload.panels.urgentCases!.map((c) => [c.id, c.location])).toEqual([
      ['P-1', { lon: 114.306, lat: 30.592 }],
    ]);

    for (const [id, summary] of [
      ['P-1', chinese],
      ['P-2', withEmoji],
      ['P-3', withPhone],
    ]) {
      const shown = byId.get(id)!.summary;
      expect(shown).not.toMatch(BROKEN_TEXT);
      // the first 120 characters (code points) of what was stored
      expect(shown).toBe(Array.from(scrubPersonalData(summary)).slice(0, FEED_SUMMARY_CHARS).join(''));
    }
    expect(byId.get('P-2')!.summary.endsWith('😀')).toBe(true);
    expect(byId.get('P-3')!.summary.startsWith('联系电话[手机号]，消费者反映购买的电饭煲')).toBe(true);
  });

  it('stores brand and merchant name scrubbed', async () => {
    const rows = await ts.server.clickhouse.query<{ brand: string; merchant_name: string }>(
      'test:brand',
      "SELECT brand, merchant_name FROM case_versions WHERE id = 'P-3'",
    );
    expect(rows).toEqual([{ brand: '张记 [手机号]', merchant_name: '店主电话[电话]' }]);
  });
});
