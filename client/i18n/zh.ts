// Chinese: the wall's default language. The shape of this object is the i18n contract; en.ts must match it.
import { tileTitles } from '@shared/panels';
import type { WallErrorCode } from '@shared/wall-errors';
import { briefingZh } from './briefing-zh';

export const zh = {
  appTitle: '12315 指挥中心',
  scopeNational: '全国',
  calendarMissing: (years: string) => `节假日日历缺少 ${years} 年：期限暂按周一至周五计算`,
  noToken: {
    title: '此显示屏尚未授权',
    body: '请使用服务器启动时打印的大屏地址（带 ?token= 参数）打开本页面。令牌会保存在本机，之后无需再次输入。',
    hint: '例如 http://服务器:12315/?token=…',
  },
  refusedTitle: '服务器拒绝了此显示屏',
  authRefused: (reason: string) =>
    `服务器拒绝了此显示屏的连接：${reason}。如令牌已失效，请使用新的大屏地址重新打开。本页每 30 秒自动重试。`,
  /** why the server said no (codes of shared/wall-errors.ts) */
  wallErrors: {
    'invalid-request': '请求格式有误',
    'unknown-scope': '未知的地区范围',
    'too-many-scopes': '同时关注的地区过多',
    'unknown-event': '不支持的请求',
    'rate-limited': '请求过于频繁，请稍候',
    'token-missing': '缺少令牌',
    'token-invalid': '令牌无效或已被撤销',
    'token-revoked': '令牌已被撤销',
    forbidden: '此令牌无权查看大屏',
    'too-many-sockets': '此令牌的连接数已达上限',
    'namespace-closed': '连接地址有误',
    'slow-reader': '接收过慢，连接已被断开',
    'server-error': '服务器处理出错',
    'no-answer': '服务器未响应',
  } satisfies Record<WallErrorCode, string>,
  connection: {
    live: '实时',
    stale: '数据滞后',
    connecting: '正在连接…',
    lostSince: (time: string) => `连接中断 自 ${time}`,
    degraded: '数据库降级：显示最近一次有效数据',
    resyncing: '正在重新同步',
  },
  age: {
    seconds: (s: number) => `${s} 秒前`,
    minutes: (m: number) => `${m} 分钟前`,
    hours: (h: number) => `${h} 小时前`,
    none: '暂无数据',
    stale: '数据滞后',
  },
  // tile titles live in the panel registry: one entry per tile, both languages
  tiles: tileTitles('zh'),
  kpis: {
    todayTotal: '今日受理',
    vsYesterday: '较昨日同时',
    vsLastWeek: '较上周同日',
    lastHour: '近1小时',
    open: '办理中',
    overdue: '已超期',
    dueSoon: '两个工作日内到期',
    onTimeRate: '30日按时办结率',
    recovered: '今日挽回损失',
    noBase: '无对比',
  },
  measures: {
    today: '今日',
    lastHour: '近1小时',
    per100k: '每10万人',
    overdue: '超期',
    dueSoon: '临期',
  },
  volume: { current: '今日', baseline: '上周同期' },
  merchants: { merchants: '商家', brands: '品牌' },
  feed: { urgent: '紧急', empty: '暂无案件' },
  empty: {
    alerts: '暂无热点预警',
    incidents: '暂无突发事件',
    generic: '暂无数据',
  },
  alertSeverity: { low: '低', medium: '中', high: '高' },
  incident: {
    clocks: { verified: '核实', onSite: '到场', contained: '控制' },
    dueIn: (clock: string, time: string) => `${clock}时限 剩余 ${time}`,
    overrun: (clock: string, time: string) => `${clock}超时 ${time}`,
    elapsed: (time: string) => `已持续 ${time}`,
    breachedCount: (n: number) => `${n} 项超时`,
    level: (roman: string) => `${roman}级`,
    lead: '牵头',
    met: '已达成',
    metLate: '超时达成',
    running: '计时中',
    timeline: '处置经过',
    clocksTitle: '响应时限',
    noCases: '暂无该事件相关案件',
    focusLoading: '正在加载事件…',
    focusMissing: (id: string) => `未找到事件 ${id}`,
    actions: {
      reported: '报告',
      status: '状态',
      severity: '级别',
      onSite: '到场',
      leadUnit: '牵头单位',
      assignees: '处置人员',
      note: '备注',
    } as Record<string, string>,
  },
  alerts: {
    kinds: { surge: '激增', merchant: '商家集中', cluster: '空间聚集', term: '新热词' },
    status: { open: '新', acknowledged: '已确认', escalated: '已转事件', dismissed: '已排除', resolved: '已平息' },
    /** observed against expected in its window: 3小时 12 件，预期 1.5 件 */
    observed: (hours: string, observed: string, expected: string) => `${hours}内 ${observed} 件，预期 ${expected} 件`,
    hours: (h: number) => (h % 24 === 0 ? `${h / 24}天` : `${h}小时`),
    /** why it fired, in words */
    why: (kinds: string, times: string, recurrence: string) => `${kinds}检测${times}：偶然出现约${recurrence}一次`,
    agree: (n: number) => (n > 1 ? `${n}类一致` : '触发'),
    // past ten thousand years the figure says nothing more a person can use (a detector's tail can reach 1e-300)
    recurrence: (days: number) =>
      days >= 3_650_000
        ? '一万年以上'
        : days >= 365
          ? `${Math.round(days / 365)}年`
          : `${Math.max(1, Math.round(days))}天`,
    firstLatest: (first: string, latest: string) => `首例 ${first} · 最新 ${latest}`,
    newHigh: '新的高级别预警',
    legend: '预警',
  },
  casesCount: (n: string) => `${n} 件`,
  map: {
    back: '返回上级',
    legend: '图例',
    urgent: '紧急案件',
    incident: '突发事件',
    boundarySource: (source: string) => `边界数据：${source}`,
    loadFailed: '地图边界数据加载失败',
    noValues: '该层级无此指标数据',
    southSea: '南海诸岛',
  },
  units: { yuan: '元', wan: '万', yi: '亿', percent: '%' },
  briefing: briefingZh,
};

export type Messages = typeof zh;
