// Briefing mode in Chinese: the not-live banner, "not kept" parts and the director's control bar.
// Part of the zh catalogue (zh.ts: `briefing`); briefing-en.ts must have the same shape.
import type { PartName } from '@shared/wall-events';

export const briefingZh = {
  frozen: '冻结',
  replay: '回放',
  paused: '已暂停',
  playing: '播放中',
  speed: (times: string) => `${times}倍速`,
  /** the banner's words before the moment shown */
  showing: '显示时刻',
  /** the connection indicator of a wall that is not live: connected, but not "live" */
  connected: '已连接',
  chinaTime: '北京时间',
  resolution: { minute: '分钟精度', hour: '小时精度' },
  notKept: '未保存',
  /** between the names of parts in a list */
  listSeparator: '、',
  notKeptParts: (parts: string) => `未保存：${parts}`,
  notKeptBody: '该时刻的这部分数据未保存',
  /** a tile's data time on a wall that is not live */
  partAsOf: (time: string) => `截至 ${time}`,
  parts: {
    kpis: '指标',
    volume: '受理趋势',
    regions: '地区',
    topCategories: '热点类别',
    topMerchants: '商家',
    topBrands: '品牌',
    channelMix: '渠道',
    lineMix: '业务线',
    latestCases: '最新案件',
    urgentCases: '紧急案件',
    heat: '热力',
    alerts: '预警',
    incidents: '突发事件',
  } satisfies Record<PartName, string>,
  control: {
    title: '简报控制',
    freezeNow: '立即冻结',
    freezeAt: '冻结于此刻',
    at: '时刻',
    from: '从',
    to: '至',
    replay: '回放',
    presets: { lastNight: '昨夜 18–08时', last24h: '近24小时', last7d: '近7天' },
    speed: '速度',
    pause: '暂停',
    play: '播放',
    step: '前进一步',
    live: '恢复实时',
    busy: '正在执行…',
  },
  /** why the server refused a control call, said for a director */
  refusal: {
    unauthorised: '令牌无效或已被撤销',
    forbidden: '此令牌无权控制大屏：需要主任或管理员令牌',
    badRequest: '请求被拒绝：时段须在已保存的历史之内，速度须在 60–3600 倍之间',
    notFound: '服务器不认识这个大屏组',
    notReplaying: '此大屏组没有在回放',
    unavailable: '服务器暂时无法执行，请稍后再试',
    failed: (status: number) => `操作失败（HTTP ${status}）`,
    network: '无法连接服务器',
    period: '开始时间须早于结束时间',
    moment: '请选择时刻',
  },
};
