// Chinese: the wall's default language. The shape of this object is the i18n contract; en.ts must match it.
import { tileTitles } from '@shared/panels';
import type { WallErrorCode } from '@shared/wall-errors';

export const zh = {
  appTitle: '12315 指挥中心',
  scopeNational: '全国',
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
    onTimeRate: '30日按时办结率',
    recovered: '今日挽回损失',
    noBase: '无对比',
  },
  measures: {
    today: '今日',
    lastHour: '近1小时',
    per100k: '每10万人',
    overdue: '超期',
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
  incidentState: { open: '待处置', responding: '处置中', contained: '已控制', closed: '已结束' },
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
};

export type Messages = typeof zh;
