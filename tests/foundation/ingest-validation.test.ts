// The ingest contract: every validation rule, status codes, mixed batches, NDJSON, auth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer({ maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await ts.stop();
});

async function post(
  body: string,
  contentType = 'application/json',
  role: 'ingest' | 'wall' | 'admin' | null = 'ingest',
) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (role) headers.authorization = `Bearer ${ts.token(role)}`;
  const response = await fetch(`${ts.baseUrl}/api/v1/cases`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.json() };
}

describe('POST /api/v1/cases validation', () => {
  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['id with a space', { id: 'A 1' }, 'id:'],
    ['id too long', { id: 'x'.repeat(65) }, 'id:'],
    ['receivedAt without offset', { receivedAt: '2026-03-15T09:30:00' }, 'receivedAt:'],
    ['receivedAt not a date', { receivedAt: 'yesterday' }, 'receivedAt:'],
    ['updatedAt before receivedAt', { updatedAt: '2000-01-01T00:00:00Z' }, 'updatedAt:'],
    ['unknown line', { line: 'tax' }, 'line:'],
    ['unknown kind', { kind: 'praise' }, 'kind:'],
    ['unknown channel', { channel: 'fax' }, 'channel:'],
    ['region not 6 digits', { regionCode: '4201' }, 'regionCode:'],
    ['region not shipped', { regionCode: '999999' }, 'regionCode:'],
    ['unknown category', { category: 'weapons' }, 'category:'],
    ['unknown issueType', { issueType: 'rude' }, 'issueType:'],
    ['unknown status', { status: 'lost' }, 'status:'],
    ['urgent not boolean', { urgent: 'yes' }, 'urgent:'],
    ['negative amount', { amountYuan: -1 }, 'amountYuan:'],
    ['negative recovered', { recoveredYuan: -5 }, 'recoveredYuan:'],
    ['merchant without name', { merchant: { id: 'm1' } }, 'merchant.name:'],
    ['location outside China', { location: { lon: 0, lat: 51 } }, 'location.lon:'],
    ['summary too long', { summary: '长'.repeat(2001) }, 'summary:'],
    ['unknown field', { consumerName: '张三' }, 'consumerName: unknown field'],
    [
      'receivedAt in the future',
      { receivedAt: new Date(Date.now() + 3_600_000).toISOString() },
      'receivedAt: is in the future',
    ],
    [
      'receivedAt past the retention',
      { receivedAt: '2015-06-01T08:00:00+08:00' },
      'receivedAt: is older than the 6-year retention',
    ],
    [
      'updatedAt in the future',
      { updatedAt: new Date(Date.now() + 3_600_000).toISOString() },
      'updatedAt: is in the future',
    ],
  ];

  it.each(invalid)('rejects %s with a field error (422 when nothing is valid)', async (_name, override, expected) => {
    const { status, body } = await post(JSON.stringify([{ ...makeCase('V1'), ...override }]));
    expect(status).toBe(422);
    expect(body.accepted).toBe(0);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0].index).toBe(0);
    expect(body.rejected[0].errors.join(' | ')).toContain(expected);
  });

  it('accepts the valid cases of a mixed batch and names the invalid ones by index and id', async () => {
    const cases = [makeCase('MIX-1'), { ...makeCase('MIX-2'), line: 'tax' }, makeCase('MIX-3'), { id: 'MIX-4' }];
    const { status, body } = await post(JSON.stringify(cases));
    expect(status).toBe(200);
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r: { index: number; id: string }) => [r.index, r.id])).toEqual([
      [1, 'MIX-2'],
      [3, 'MIX-4'],
    ]);
    expect(body.rejected[1].errors.length).toBeGreaterThanOrEqual(5);
  });

  it('accepts every optional field', async () => {
    const full = makeCase('FULL-1', {
      urgent: true,
      merchant: { id: 'M-9', name: '某某健身' },
      brand: '星辰',
      amountYuan: 1999.99,
      recoveredYuan: 0,
      location: { lon: 114.3, lat: 30.6 },
      summary: '预付卡无法退费',
      updatedAt: new Date(Date.now() + 1).toISOString(),
    });
    const { status, body } = await post(JSON.stringify([full]));
    expect(status).toBe(200);
    expect(body).toEqual({ accepted: 1, rejected: [] });
  });

  it('takes NDJSON, rejecting a broken line on its own', async () => {
    const lines = [JSON.stringify(makeCase('ND-1')), '{"id": "ND-2", ', JSON.stringify(makeCase('ND-3'))].join('\n');
    const { status, body } = await post(`${lines}\n`, 'application/x-ndjson');
    expect(status).toBe(200);
    expect(body.accepted).toBe(2);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0].index).toBe(1);
    expect(body.rejected[0].errors[0]).toMatch(/^line 2: not valid JSON/);
  });

  it('says where a JSON body cannot be parsed (400)', async () => {
    const { status, body } = await post('[{"id": "P1",\n "line": }]');
    expect(status).toBe(400);
    expect(body.error).toMatch(/line 2, column \d+/);
  });

  it('refuses a body that is not an array (400) and an unknown content type (415)', async () => {
    expect((await post(JSON.stringify(makeCase('OBJ-1')))).status).toBe(400);
    expect((await post('id=1', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('refuses a body over the size limit (413)', async () => {
    const many = Array.from({ length: 400 }, (_, i) => makeCase(`BIG-${i}`, { summary: '长'.repeat(100) }));
    const { status } = await post(JSON.stringify(many));
    expect(status).toBe(413);
  });

  it('needs a token (401) whose role may ingest (403); admin may', async () => {
    const body = JSON.stringify([makeCase('AUTH-1')]);
    expect((await post(body, 'application/json', null)).status).toBe(401);
    expect((await post(body, 'application/json', 'wall')).status).toBe(403);
    expect((await post(body, 'application/json', 'admin')).status).toBe(200);
  });
});
