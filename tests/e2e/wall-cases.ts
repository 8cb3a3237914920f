// Cases the wall end-to-end tests post through the real ingest API, so every panel has something to
// draw. A fixed spread over regions, kinds, channels and categories; received within the last hour.
import { CATEGORY_CODES, CHANNEL_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import type { CaseInput } from '@shared/case-schema';
import { makeCase } from '../helpers/test-server';

/** County adcodes in several provinces (Wuhan, Beijing, Guangzhou, Chengdu, Hangzhou, Xi'an). */
const COUNTIES = ['420102', '420106', '110105', '110108', '440106', '440104', '510104', '330106', '610113'];
const MERCHANTS = ['江城生鲜超市', '京北家电城', '羊城通讯广场', '蓉城教育培训中心'];
const BRANDS = ['楚天', '燕山', '珠江'];

export function caseSpread(count: number, nowMs = Date.now()): CaseInput[] {
  return Array.from({ length: count }, (_, i) =>
    makeCase(
      `e2e-spread-${i}`,
      {
        receivedAt: new Date(nowMs - (count - i) * 30_000).toISOString(),
        line: LINE_CODES[i % LINE_CODES.length],
        kind: KIND_CODES[i % KIND_CODES.length],
        channel: CHANNEL_CODES[(i * 7) % CHANNEL_CODES.length],
        category: CATEGORY_CODES[(i * i) % 9],
        regionCode: COUNTIES[i % COUNTIES.length],
        merchant: { name: MERCHANTS[i % MERCHANTS.length] },
        brand: BRANDS[i % BRANDS.length],
        urgent: i % 10 === 0,
        amountYuan: 100 + i * 10,
        summary: `端到端测试案件 ${i}`,
      },
      nowMs,
    ),
  );
}
