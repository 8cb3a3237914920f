// Deterministic valid cases for benchmarks: spread over real county adcodes, the code lists and the
// last hours, with summaries of realistic length. Not the simulator: a benchmark input must not
// change when the simulator's model is tuned.
import type { CaseInput } from '@shared/case-schema';
import { CATEGORY_CODES, CHANNEL_CODES, ISSUE_TYPE_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import { allRegions } from '@shared/regions';

export function benchCases(count: number, prefix: string, nowMs = Date.now()): CaseInput[] {
  const counties = allRegions().filter((r) => r.level === 'county');
  const cases: CaseInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const region = counties[(i * 7919) % counties.length];
    cases.push({
      id: `${prefix}-${i}`,
      receivedAt: new Date(nowMs - ((i * 104_729) % 6 * 3_600_000) - (i % 3_600_000)).toISOString(),
      line: LINE_CODES[i % LINE_CODES.length],
      kind: KIND_CODES[i % KIND_CODES.length],
      channel: CHANNEL_CODES[i % CHANNEL_CODES.length],
      regionCode: region.code,
      category: CATEGORY_CODES[i % CATEGORY_CODES.length],
      issueType: ISSUE_TYPE_CODES[i % ISSUE_TYPE_CODES.length],
      status: 'received',
      merchant: { name: `商户${i % 5000}` },
      brand: `品牌${i % 800}`,
      amountYuan: (i % 500) * 10,
      location: { lon: region.label[0], lat: region.label[1] },
      summary: '消费者反映在该商户购买的商品存在质量问题，要求退货退款，商家以已使用为由拒绝。',
    });
  }
  return cases;
}
