// The report's words in Chinese (the default) and English, and how its figures are written.
import type { CodeLabel } from '@shared/codes';
import { getRegion } from '@shared/regions';

export type ReportLang = 'zh' | 'en';

const zh = {
  title: '12315 分析报告',
  periodKinds: { month: '月度', quarter: '季度', year: '年度', '315': '3·15 消费者权益日', window: '专题' },
  scope: '范围',
  national: '全国',
  period: '统计期',
  previous: '上期',
  yearAgo: '去年同期',
  generated: '生成时间',
  history: '数据起始',
  noData: '无数据',
  notApplicable: '—',
  noneInPeriod: '本期无',
  inProgress: '统计期尚未结束：数据截至生成时间',
  sections: {
    totals: '一、总体情况',
    byKind: '二、按类型',
    byLine: '三、按业务线',
    byChannel: '四、按渠道',
    goods: '五、商品类投诉举报前列',
    services: '六、服务类投诉举报前列',
    merchants: '七、被投诉举报较多的商户',
    brands: '八、被投诉举报较多的品牌',
    regions: '九、地区分布',
    closure: '十、按时办结率',
    recovered: '十一、挽回经济损失',
    alerts: '十二、本期预警',
    incidents: '十三、本期突发事件',
  },
  columns: { item: '项目', value: '本期', previous: '上期', change: '环比', yearAgo: '去年同期', yoy: '同比' },
  totalCases: '登记总量（件）',
  closed: '办结（件）',
  closedOnTime: '按时办结（件）',
  onTimeRate: '按时办结率',
  recoveredYuan: '挽回经济损失（元）',
  alertColumns: ['开始时间', '预警', '级别', '状态', '涉及案件'],
  incidentColumns: ['报告时间', '事件', '级别', '状态'],
  alertSeverity: { low: '低', medium: '中', high: '高' },
  alertStatus: { open: '待处理', acknowledged: '已确认', escalated: '已升级', dismissed: '已排除', resolved: '已解决' },
  cases: '件',
  dateRange: (from: string, to: string) => `${from} 至 ${to}`,
};

export type ReportText = typeof zh;

const en: ReportText = {
  title: '12315 analysis report',
  periodKinds: {
    month: 'Monthly',
    quarter: 'Quarterly',
    year: 'Annual',
    '315': '15 March consumer-rights day',
    window: 'Special',
  },
  scope: 'Scope',
  national: 'National',
  period: 'Period',
  previous: 'Previous period',
  yearAgo: 'Same period last year',
  generated: 'Generated',
  history: 'History from',
  noData: 'no data',
  notApplicable: '—',
  noneInPeriod: 'None in the period',
  inProgress: 'The period is not over: figures up to the time of generation',
  sections: {
    totals: '1. Totals',
    byKind: '2. By kind',
    byLine: '3. By business line',
    byChannel: '4. By channel',
    goods: '5. Top goods categories',
    services: '6. Top service categories',
    merchants: '7. Top merchants',
    brands: '8. Top brands',
    regions: '9. Top regions',
    closure: '10. On-time closure',
    recovered: '11. Money recovered for consumers',
    alerts: '12. Alerts in the period',
    incidents: '13. Incidents in the period',
  },
  columns: {
    item: 'Item',
    value: 'This period',
    previous: 'Previous',
    change: 'Change',
    yearAgo: 'Year ago',
    yoy: 'Year on year',
  },
  totalCases: 'Cases registered',
  closed: 'Closed',
  closedOnTime: 'Closed on time',
  onTimeRate: 'On-time closure rate',
  recoveredYuan: 'Money recovered (yuan)',
  alertColumns: ['Started', 'Alert', 'Severity', 'Status', 'Cases'],
  incidentColumns: ['Reported', 'Incident', 'Severity', 'Status'],
  alertSeverity: { low: 'low', medium: 'medium', high: 'high' },
  alertStatus: {
    open: 'open',
    acknowledged: 'acknowledged',
    escalated: 'escalated',
    dismissed: 'dismissed',
    resolved: 'resolved',
  },
  cases: 'cases',
  dateRange: (from: string, to: string) => `${from} to ${to}`,
};

export function reportText(lang: ReportLang): ReportText {
  return lang === 'en' ? en : zh;
}

export function label(table: Record<string, CodeLabel>, code: string, lang: ReportLang): string {
  return table[code]?.[lang] ?? code;
}

export function regionName(code: string, lang: ReportLang): string {
  const region = getRegion(code);
  if (!region) return code;
  return lang === 'en' ? (region.nameEn ?? region.name) : region.name;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatCount = (n: number) => integer.format(n);
export const formatYuan = (n: number) => yuan.format(n);
export const formatRate = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/**
 * The change from `previous` to `value` as a signed percentage; null previous is "no data" (the
 * comparison window starts before the stored history), a previous of 0 has no percentage.
 */
export function changeText(value: number, previous: number | null, noData: string, notApplicable: string): string {
  if (previous === null) return noData;
  if (previous === 0) return notApplicable;
  const percent = ((value - previous) / previous) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

/** The change of a rate in percentage points; `held` false: the comparison window is not stored. */
export function pointsText(
  value: number | null,
  previous: number | null,
  held: boolean,
  noData: string,
  notApplicable: string,
): string {
  if (!held) return noData;
  if (value === null || previous === null) return notApplicable;
  const points = (value - previous) * 100;
  return `${points >= 0 ? '+' : ''}${points.toFixed(1)} pp`;
}
