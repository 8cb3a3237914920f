// Short Chinese case summaries from templates per kind, category and issue type, as a registrar
// would type them. About 2% carry a synthetic personal datum (placeholder phone number, example.com
// address) so the ingest's scrubber has real work; none is a real person's. Templates avoid the words
// the scrubber reads as a name label (消费者, 先生...), which would mangle the text.
import { CATEGORIES, type Category, type IssueType, type Kind } from '@shared/codes';
import type { Rng } from './random';

export const PRODUCTS: Record<Category, readonly string[]> = {
  food: ['牛奶', '月饼', '奶粉', '熟食', '速冻水饺', '桶装水', '零食礼包', '食用油', '蛋糕'],
  appliances: ['电饭煲', '空调', '洗衣机', '冰箱', '电热水器', '油烟机', '扫地机器人', '电视机', '空气炸锅'],
  'telecom-devices': ['手机', '平板电脑', '智能手表', '蓝牙耳机', '充电宝'],
  clothing: ['羽绒服', '运动鞋', '皮鞋', '连衣裙', '冲锋衣'],
  vehicles: ['新能源汽车', '电动自行车', '二手车', '轮胎', '汽车'],
  cosmetics: ['面霜', '口红', '防晒霜', '面膜', '精华液'],
  medical: ['保健品', '血压计', '口罩', '药品', '助听器'],
  'daily-goods': ['洗发水', '纸巾', '保温杯', '行李箱', '床上用品'],
  furniture: ['沙发', '衣柜', '床垫', '餐桌'],
  'building-materials': ['瓷砖', '木地板', '涂料', '卫浴产品'],
  toys: ['儿童滑板车', '婴儿推车', '儿童安全座椅', '益智玩具', '奶瓶'],
  'online-shopping': ['电饭煲', '手机', '羽绒服', '面膜', '运动鞋', '零食礼包', '扫地机器人', '床垫'],
  'prepaid-cards': ['健身年卡', '美容卡', '游泳卡', '洗车卡', '课程卡'],
  education: ['英语培训课程', '少儿编程课程', '考研辅导班', '驾驶培训', '职业技能培训'],
  catering: ['聚餐', '外卖', '自助餐', '婚宴', '酒店住宿'],
  tourism: ['跟团游', '机票', '酒店预订', '景区门票'],
  'telecom-services': ['宽带', '手机套餐', '流量包', '增值业务'],
  'home-decoration': ['全屋装修', '厨房改造', '定制橱柜', '防水工程'],
  housing: ['物业服务', '商品房', '房屋租赁', '停车位'],
  repair: ['家电维修', '汽车保养', '开锁服务', '管道疏通'],
  beauty: ['美发', '医美项目', '美甲', '皮肤护理'],
  'transport-delivery': ['快递', '网约车', '航班', '搬家服务'],
  finance: ['车险', '信用卡分期', '理财产品', '消费贷款'],
  other: ['售后服务', '会员服务', '票务服务'],
};

/** What goes wrong with goods of each kind; services have no defects but poor service. */
const DEFECTS: Partial<Record<Category, readonly string[]>> = {
  food: ['有异味', '发霉变质', '已过保质期'],
  appliances: ['无法开机', '无法加热', '漏水', '异响不断', '频繁跳闸'],
  'telecom-devices': ['屏幕失灵', '频繁死机', '无法充电', '电池鼓包'],
  clothing: ['开胶', '严重褪色', '起球', '开线'],
  vehicles: ['发动机故障灯常亮', '异响不断', '变速箱顿挫'],
  cosmetics: ['引起皮肤过敏', '有异味'],
  medical: ['读数不准', '无法使用'],
  'daily-goods': ['破损', '漏水', '断裂'],
  furniture: ['开裂', '有刺鼻气味', '变形'],
  'building-materials': ['开裂', '起皮', '渗水'],
  toys: ['零件脱落', '断裂', '有刺鼻气味'],
};
/** Goods used up rather than used: no "after N days of use". */
const CONSUMABLES: ReadonlySet<Category> = new Set<Category>(['food', 'cosmetics', 'medical']);

export const CLAIMS = ['三天见效', '全网最低价', '进口原装', '纯天然无添加', '包教包会', '终身免费保修'];
const GOODS_TOPICS = ['七日无理由退货', '三包期限', '退货退款', '维权途径', '开具发票', '保修'];
const SERVICE_TOPICS = ['退费', '维权途径', '合同条款', '开具发票'];
const GOODS_VIOLATIONS = ['销售过期{p}', '无证经营', '虚假宣传{p}功效', '销售假冒{b}{p}', '价格欺诈', '缺斤短两'];
const SERVICE_VIOLATIONS = ['无证经营', '虚假宣传', '价格欺诈', '利用格式条款侵害权益'];

const BY_ISSUE: Record<IssueType, readonly string[]> = {
  quality: ['购买的{p}使用{n}天后{d}，商家拒绝退换。', '在{m}购买的{p}{d}，要求退货退款。'],
  'after-sales': ['{p}出现问题，多次联系{m}售后均无人处理。', '{p}保修期内维修三次仍未修好，要求更换。'],
  contract: ['与{m}约定的{p}未按期履行，要求解除合同并退款。', '{m}单方面变更{p}约定内容，拒绝按原约定执行。'],
  'false-advertising': ['{m}宣传{p}“{c}”，实际与宣传严重不符。'],
  price: ['{m}的{p}结算价格高于标价，多收{n}元。', '{m}先涨价后打折，{p}促销价格涉嫌欺诈。'],
  safety: ['{p}使用中突然冒烟起火，存在安全隐患。', '{p}存在漏电现象，险些造成人身伤害。'],
  counterfeit: ['在{m}购买的{b}{p}疑似假冒，防伪码查询无记录。'],
  'personal-info': ['{m}未经同意收集个人信息，近期频繁接到推销电话。'],
  other: ['对{m}提供的{p}不满意，要求给予答复。'],
};

/** Services: no defects or warranty repairs, but poor or unsafe service. */
const SERVICE_ISSUES: Partial<Record<IssueType, readonly string[]>> = {
  quality: ['{m}提供的{p}服务质量差，与约定不符，要求退款。', '{m}的{p}敷衍了事，要求重新服务或退款。'],
  'after-sales': ['{p}出现问题后联系{m}，对方推诿不处理。'],
  safety: ['{m}提供{p}时操作不当，造成人身伤害。'],
  counterfeit: ['{m}冒用他人商标提供{p}，涉嫌侵权。'],
};

/** Goods used up rather than used. */
const CONSUMABLE_ISSUES: Partial<Record<IssueType, readonly string[]>> = {
  quality: ['购买的{p}{d}，要求退货并赔偿。', '在{m}购买的{p}{d}，商家拒绝退换。'],
  safety: ['购买的{p}内发现异物，使用后身体不适。'],
  'after-sales': ['{p}出现问题，多次联系{m}售后均无人处理。'],
};

/** Where a category's story differs from the issue type's generic one. */
const BY_CATEGORY: Partial<Record<Category, Partial<Record<IssueType, readonly string[]>>>> = {
  'prepaid-cards': {
    contract: [
      '在{m}办理的{p}尚余{n}元，商家突然停业闭店，无法退款。',
      '{m}更换经营者后拒绝继续提供服务，要求退还{p}余额。',
    ],
  },
  education: { contract: ['报名{m}的{p}，申请退课时对方拒绝按约定退费。'] },
  'telecom-services': { contract: ['{m}未经同意开通{p}，每月被扣费{n}元。'] },
  food: { safety: ['购买的{p}内发现异物，食用后身体不适。', '在{m}购买的{p}已过保质期，食用后腹泻。'] },
  catering: { safety: ['在{m}用餐后出现腹泻、呕吐等症状，怀疑食物变质。', '{m}后厨卫生状况差，饭菜中发现异物。'] },
  'transport-delivery': { 'after-sales': ['{m}的{p}丢件，理赔金额过低。'] },
};

function templatesFor(category: Category, goods: Category | undefined, issue: IssueType): readonly string[] {
  const special = BY_CATEGORY[category]?.[issue];
  if (special) return special;
  if (!goods) return SERVICE_ISSUES[issue] ?? BY_ISSUE[issue];
  if (CONSUMABLES.has(goods)) return CONSUMABLE_ISSUES[issue] ?? BY_ISSUE[issue];
  return BY_ISSUE[issue];
}

export interface SummaryFacts {
  kind: Kind;
  category: Category;
  issueType: IssueType;
  merchantName?: string;
  brand?: string;
  /** the product or service named, when an incident is about one thing */
  product?: string;
  /** the kind of goods involved: the category itself for goods, the item bought for online shopping */
  goods?: Category;
}

function fill(rng: Rng, template: string, facts: SummaryFacts): string {
  const product = facts.product ?? rng.pick(PRODUCTS[facts.goods ?? facts.category]);
  const merchant = facts.merchantName && rng.chance(0.6) ? facts.merchantName : '某商家';
  return template
    .replaceAll('{p}', product)
    .replaceAll('{m}', merchant)
    .replaceAll('{b}', facts.brand ?? '某品牌')
    .replaceAll('{d}', rng.pick(DEFECTS[facts.goods ?? facts.category] ?? ['出现故障']))
    .replaceAll('{c}', rng.pick(CLAIMS))
    .replaceAll('{n}', String(1 + rng.int(30) * (rng.chance(0.3) ? 100 : 1)));
}

/** A synthetic contact datum: a placeholder mobile, an example.com address or an unassignable landline. */
function syntheticContact(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.5) return `联系电话138 0000 00${String(rng.int(100)).padStart(2, '0')}`;
  if (roll < 0.8) return `邮箱 caller${rng.int(10_000)}@example.com`;
  return `电话0${10 + rng.int(90)}-0000${String(rng.int(10_000)).padStart(4, '0')}`;
}

export function writeSummary(rng: Rng, facts: SummaryFacts): string {
  let text: string;
  if (facts.kind === 'consultation') {
    text = fill(rng, `咨询{p}${rng.pick(facts.goods ? GOODS_TOPICS : SERVICE_TOPICS)}的相关规定。`, facts);
  } else if (facts.kind === 'suggestion') text = `建议加强对${CATEGORIES[facts.category].zh}领域的监管，规范经营行为。`;
  else if (facts.kind === 'report')
    text = fill(rng, `举报{m}${rng.pick(facts.goods ? GOODS_VIOLATIONS : SERVICE_VIOLATIONS)}。`, facts);
  else text = fill(rng, rng.pick(templatesFor(facts.category, facts.goods, facts.issueType)), facts);
  return rng.chance(0.02) ? `${text}${syntheticContact(rng)}。` : text;
}
