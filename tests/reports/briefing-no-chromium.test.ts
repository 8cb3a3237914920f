// Without Chromium a PDF report is 503 with the reason, and HTML and CSV still answer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY_MS, cstMidnight } from '@shared/time';
import { startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer({ chromiumPath: '/nonexistent/chromium' });
}, 60_000);
afterAll(() => ts?.stop());

const fromMs = cstMidnight(Date.now());
const window = `from=${new Date(fromMs).toISOString()}&to=${new Date(fromMs + DAY_MS).toISOString()}`;
const get = (format: string) =>
  fetch(`${ts.baseUrl}/api/v1/reports/briefing?${window}&format=${format}`, {
    headers: { authorization: `Bearer ${ts.token('director')}` },
  });

it('answers a PDF 503 with the reason when Chromium is absent', async () => {
  const response = await get('pdf');
  expect(response.status).toBe(503);
  const body = (await response.json()) as { error: string; reason: string };
  expect(body.reason).toBe('no chromium');
  expect(body.error).toContain('/nonexistent/chromium');
  expect(body.error).toContain('CHROMIUM_PATH');
});

it('still answers HTML and CSV', async () => {
  expect((await get('html')).status).toBe(200);
  const csv = await (await get('csv')).text();
  expect(csv.split('\r\n')).toContain('totals,all,0,no data,no data');
});
