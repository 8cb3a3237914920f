// Deterministic valid cases for benchmarks: spread over real county adcodes, the code lists and the
// last hours, with summaries of realistic length. Not the simulator: a benchmark input must not
// change when the simulator's model is tuned.
import type { CaseInput } from '@shared/case-schema';
import { CATEGORY_CODES, CHANNEL_CODES, ISSUE_TYPE_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import { allRegions } from '@shared/regions';

// Summaries vary (19 x 11 x 7 combinations, about 41 characters) so that the word segmentation and
// the term rollup see a vocabulary, not one sentence collapsed into one cell.
const GOODS = [
  '电饭煲',
  '空调',
  '洗衣机',
  '手机',
  '羽绒服',
  '运动鞋',
  '面霜',
  '奶粉',
  '月饼',
  '床垫',
  '电动自行车',
  '扫地机器人',
  '蓝牙耳机',
  '婴儿推车',
  '保温杯',
  '木地板',
  '健身年卡',
  '英语培训课程',
  '宽带套餐',
];
const PROBLEMS = [
  '使用一周后无法开机',
  '使用中出现漏水',
  '有刺鼻气味',
  '实际效果与宣传严重不符',
  '结算价格高于标价',
  '发霉变质',
  '屏幕失灵',
  '频繁死机',
  '起球开线',
  '商家突然停业闭店',
  '存在安全隐患',
];
const DEMANDS = [
  '要求退货退款，商家以已使用为由拒绝。',
  '多次联系售后均无人处理，要求赔偿损失。',
  '要求解除合同并退还剩余费用。',
  '要求更换新品并赔偿误工损失。',
  '希望监管部门核实后依法处理。',
  '商家承诺七日内答复但至今未处理。',
  '要求商家公开道歉并赔偿。',
];

function benchSummary(i: number): string {
  return `消费者反映于近日在该商户购买的${GOODS[i % GOODS.length]}${PROBLEMS[i % PROBLEMS.length]}，${DEMANDS[i % DEMANDS.length]}`;
}

export function benchCases(count: number, prefix: string, nowMs = Date.now()): CaseInput[] {
  const counties = allRegions().filter((r) => r.level === 'county');
  const cases: CaseInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const region = counties[(i * 7919) % counties.length];
    cases.push({
      id: `${prefix}-${i}`,
      receivedAt: new Date(nowMs - ((i * 104_729) % 6) * 3_600_000 - (i % 3_600_000)).toISOString(),
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
      summary: benchSummary(i),
    });
  }
  return cases;
}
