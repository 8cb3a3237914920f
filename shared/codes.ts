// Code lists of the 12315 platform. The value is what travels on the wire and is stored;
// the labels are for people (Chinese first: the wall's default language).

export interface CodeLabel {
  zh: string;
  en: string;
}

/** Business lines: the five former hotlines merged into 12315. */
export const LINES = {
  consumer: { zh: '消费维权', en: 'Consumer rights' },
  quality: { zh: '产品质量', en: 'Product quality' },
  'food-drug': { zh: '食品药品', en: 'Food & drug' },
  price: { zh: '价格', en: 'Price' },
  ip: { zh: '知识产权', en: 'Intellectual property' },
} as const satisfies Record<string, CodeLabel>;

/** Kinds of contact. */
export const KINDS = {
  consultation: { zh: '咨询', en: 'Consultation' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  suggestion: { zh: '意见建议', en: 'Suggestion' },
} as const satisfies Record<string, CodeLabel>;

export const CHANNELS = {
  phone: { zh: '电话', en: 'Phone' },
  voicemail: { zh: '语音留言', en: 'Voicemail' },
  web: { zh: '网站', en: 'Web' },
  app: { zh: 'App', en: 'App' },
  wechat: { zh: '微信', en: 'WeChat' },
  sms: { zh: '短信', en: 'SMS' },
  letter: { zh: '信件', en: 'Letter' },
  visit: { zh: '来访', en: 'Walk-in' },
  transfer: { zh: '转办', en: 'Transfer' },
} as const satisfies Record<string, CodeLabel>;

export const CATEGORIES = {
  food: { zh: '食品', en: 'Food' },
  appliances: { zh: '家用电器', en: 'Appliances' },
  'telecom-devices': { zh: '通讯器材', en: 'Telecom devices' },
  clothing: { zh: '服装鞋帽', en: 'Clothing & shoes' },
  vehicles: { zh: '交通工具', en: 'Vehicles & parts' },
  cosmetics: { zh: '化妆品', en: 'Cosmetics' },
  medical: { zh: '医药及医疗用品', en: 'Medicines & devices' },
  'daily-goods': { zh: '日用商品', en: 'Daily goods' },
  furniture: { zh: '家具', en: 'Furniture' },
  'building-materials': { zh: '装修建材', en: 'Building materials' },
  toys: { zh: '儿童用品', en: 'Toys & children' },
  'online-shopping': { zh: '网络购物', en: 'Online shopping' },
  'prepaid-cards': { zh: '预付卡消费', en: 'Prepaid cards' },
  education: { zh: '教育培训', en: 'Education & training' },
  catering: { zh: '餐饮住宿', en: 'Catering & lodging' },
  tourism: { zh: '旅游服务', en: 'Tourism' },
  'telecom-services': { zh: '电信服务', en: 'Telecom services' },
  'home-decoration': { zh: '家居装修', en: 'Home decoration' },
  housing: { zh: '房屋及物业', en: 'Housing & property' },
  repair: { zh: '维修服务', en: 'Repair' },
  beauty: { zh: '美容美发', en: 'Beauty & hair' },
  'transport-delivery': { zh: '交通快递', en: 'Transport & delivery' },
  finance: { zh: '金融保险', en: 'Finance & insurance' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, CodeLabel>;

export const ISSUE_TYPES = {
  quality: { zh: '质量', en: 'Quality' },
  'after-sales': { zh: '售后服务', en: 'After-sales' },
  contract: { zh: '合同', en: 'Contract' },
  'false-advertising': { zh: '虚假宣传', en: 'False advertising' },
  price: { zh: '价格', en: 'Price' },
  safety: { zh: '安全', en: 'Safety' },
  counterfeit: { zh: '假冒', en: 'Counterfeit' },
  'personal-info': { zh: '个人信息', en: 'Personal information' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, CodeLabel>;

/** Lifecycle statuses, in workflow order. */
export const STATUSES = {
  received: { zh: '已登记', en: 'Received' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  transferred: { zh: '已转办', en: 'Transferred' },
  mediating: { zh: '调解中', en: 'Mediating' },
  verifying: { zh: '核查中', en: 'Verifying' },
  resolved: { zh: '已办结', en: 'Resolved' },
  closed: { zh: '已归档', en: 'Closed' },
} as const satisfies Record<string, CodeLabel>;

export type Line = keyof typeof LINES;
export type Kind = keyof typeof KINDS;
export type Channel = keyof typeof CHANNELS;
export type Category = keyof typeof CATEGORIES;
export type IssueType = keyof typeof ISSUE_TYPES;
export type Status = keyof typeof STATUSES;

function codesOf<T extends Record<string, CodeLabel>>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

export const LINE_CODES = codesOf(LINES);
export const KIND_CODES = codesOf(KINDS);
export const CHANNEL_CODES = codesOf(CHANNELS);
export const CATEGORY_CODES = codesOf(CATEGORIES);
export const ISSUE_TYPE_CODES = codesOf(ISSUE_TYPES);

/** Goods categories (商品类), as the analysis reports rank them apart from services; `other` is neither. */
export const GOODS_CATEGORIES: readonly Category[] = [
  'food',
  'appliances',
  'telecom-devices',
  'clothing',
  'vehicles',
  'cosmetics',
  'medical',
  'daily-goods',
  'furniture',
  'building-materials',
  'toys',
];

/** Service categories (服务类). */
export const SERVICE_CATEGORIES: readonly Category[] = CATEGORY_CODES.filter(
  (code) => code !== 'other' && !GOODS_CATEGORIES.includes(code),
);
export const STATUS_CODES = codesOf(STATUSES);

/** A case in one of these statuses needs no more work: it is no longer open. */
export const TERMINAL_STATUSES: readonly Status[] = ['rejected', 'resolved', 'closed'];

export function isOpenStatus(status: Status): boolean {
  return !TERMINAL_STATUSES.includes(status);
}
