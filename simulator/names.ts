// Merchants and brands: invented but plausible Chinese names, drawn from Zipf-like distributions so
// that a few names top every ranking month after month, as on the real platform. A name is a pure
// function of (seed, place, category, rank): nothing is stored, and the same merchant keeps its name
// and id in every case. Syllables avoid well-known real brands; no name is a person's.
import type { Category } from '@shared/codes';
import { hashString, mixSeed, Rng, zipfTable } from './random';

const SYLLABLES = [
  '星',
  '辰',
  '悦',
  '禾',
  '澜',
  '岚',
  '璟',
  '朗',
  '沐',
  '舒',
  '暖',
  '晴',
  '雅',
  '晨',
  '拓',
  '森',
  '瑞',
  '澄',
  '璞',
  '泓',
  '曦',
  '柏',
  '溪',
  '昕',
  '途',
  '嘉',
  '汇',
  '盈',
  '鑫',
  '麦',
  '橙',
  '鲸',
  '鹿',
  '谷',
  '川',
  '源',
  '味',
  '乐',
  '享',
  '优',
  '品',
  '佳',
  '美',
  '新',
  '锦',
  '和',
  '达',
  '宜',
  '颐',
  '岩',
];

/** Well-known real brand names a random pair could spell; skipped so no real business is accused. */
const REAL_NAMES = new Set(['美的', '优品', '佳美', '美佳', '新达', '和达', '嘉和', '汇源', '达美', '乐享', '鑫达']);

const BRAND_SUFFIX: Partial<Record<Category, readonly string[]>> = {
  food: ['食品', '乳业', '源', '坊'],
  appliances: ['电器', '家电', '智能'],
  'telecom-devices': ['手机', '科技', '通讯'],
  clothing: ['服饰', '鞋业', '衣橱'],
  vehicles: ['汽车', '新能源', '电动车'],
  cosmetics: ['美妆', '化妆品', '日化'],
  medical: ['药业', '医疗', '健康'],
  'daily-goods': ['日用', '家居', '生活'],
  furniture: ['家具', '家居'],
  'building-materials': ['建材', '卫浴', '涂料'],
  toys: ['玩具', '童品', '母婴'],
};

/** Local merchant kinds per category: where the complaint is about a shop in the caller's city. */
const LOCAL_SUFFIX: Record<Category, readonly string[]> = {
  food: ['超市', '生鲜便利店', '食品商行', '烘焙坊'],
  appliances: ['电器商城', '家电卖场'],
  'telecom-devices': ['手机店', '数码城'],
  clothing: ['服饰店', '鞋城', '商场'],
  vehicles: ['汽车销售服务有限公司', '二手车行', '电动车行'],
  cosmetics: ['美妆店', '化妆品店'],
  medical: ['大药房', '医疗器械店', '诊所'],
  'daily-goods': ['百货', '便利店', '商贸有限公司'],
  furniture: ['家居广场', '家具城'],
  'building-materials': ['建材市场', '卫浴店'],
  toys: ['母婴店', '玩具店'],
  'online-shopping': ['网店'],
  'prepaid-cards': ['健身', '美容美发', '游泳馆', '洗车行', '教育'],
  education: ['教育培训中心', '英语培训学校', '艺术培训学校', '驾校'],
  catering: ['酒楼', '火锅店', '餐厅', '奶茶店', '快餐店'],
  tourism: ['国际旅行社', '旅行社'],
  'telecom-services': ['营业厅'],
  'home-decoration': ['装饰工程有限公司', '家装公司'],
  housing: ['物业管理有限公司', '置业有限公司', '房产中介'],
  repair: ['家电维修服务部', '汽车维修中心', '开锁服务部'],
  beauty: ['美容美发店', '医疗美容诊所', '美甲店'],
  'transport-delivery': ['物流有限公司', '快递网点'],
  finance: ['保险代理有限公司', '小额贷款有限公司'],
  other: ['商贸有限公司', '服务部'],
};

/** Services run by national companies: the merchant is the same across the country. */
const NATIONAL_SUFFIX: Partial<Record<Category, readonly string[]>> = {
  'online-shopping': ['电商平台', '商城', '直播平台', '优选'],
  'telecom-services': ['通信', '宽带'],
  'transport-delivery': ['速运', '快递', '出行', '航空'],
  finance: ['保险', '消费金融', '银行信用卡中心'],
  tourism: ['旅游网', '旅行App'],
};

export interface Merchant {
  id?: string;
  name: string;
}

/** Pool sizes and Zipf exponents: national players are few and very concentrated. */
const NATIONAL_POOL = zipfTable(12, 1.3);
const LOCAL_POOL = zipfTable(80, 1.05);
/** brands per goods category: every brand is `brandAt(category, rank)` for a rank below this */
export const BRAND_RANKS = 40;
const BRAND_POOL = zipfTable(BRAND_RANKS, 1.1);

const CATEGORY_CODE = new Map<string, number>();

function twoSyllables(rng: Rng): string {
  for (;;) {
    const name = rng.pick(SYLLABLES) + rng.pick(SYLLABLES);
    if (name[0] !== name[1] && !REAL_NAMES.has(name)) return name;
  }
}

function categoryCode(category: Category): number {
  let code = CATEGORY_CODE.get(category);
  if (code === undefined) {
    code = hashString(category) % 97;
    CATEGORY_CODE.set(category, code);
  }
  return code;
}

export class NameBook {
  constructor(private readonly seed: number) {}

  /** Brand of a product in a goods category, or undefined for services. */
  brand(rng: Rng, category: Category): string | undefined {
    return this.brandAt(category, BRAND_POOL.pick(rng));
  }

  brandAt(category: Category, rank: number): string | undefined {
    const suffixes = BRAND_SUFFIX[category];
    if (!suffixes) return undefined;
    const rng = new Rng(mixSeed(this.seed, 0xb7a4d, hashString(category), rank));
    return twoSyllables(rng) + rng.pick(suffixes);
  }

  isNational(category: Category): boolean {
    return NATIONAL_SUFFIX[category] !== undefined;
  }

  /** A national company (platform, carrier, insurer) by Zipf rank. */
  nationalMerchant(rng: Rng, category: Category, cityShort: string): Merchant {
    const rank = NATIONAL_POOL.pick(rng);
    const named = new Rng(mixSeed(this.seed, 0x4a7, hashString(category), rank));
    const name = twoSyllables(named) + named.pick(NATIONAL_SUFFIX[category] ?? ['集团']);
    // carriers and insurers answer through the local branch
    const branch = category === 'telecom-services' || category === 'finance' ? `${cityShort}分公司` : '';
    return { id: `N${categoryCode(category)}-${rank}`, name: name + branch };
  }

  /** A shop, restaurant or gym in `cityCode`, by Zipf rank within that city's pool. */
  localMerchant(rng: Rng, category: Category, cityCode: string, cityShort: string): Merchant {
    return this.localMerchantAt(category, cityCode, cityShort, LOCAL_POOL.pick(rng));
  }

  localMerchantAt(category: Category, cityCode: string, cityShort: string, rank: number): Merchant {
    const named = new Rng(mixSeed(this.seed, Number(cityCode), hashString(category), rank));
    const name = `${cityShort}${twoSyllables(named)}${named.pick(LOCAL_SUFFIX[category])}`;
    // about 70% of merchants are matched to the business register (a stable property of the merchant)
    const registered = named.chance(0.7);
    return registered ? { id: `L${cityCode}-${categoryCode(category)}-${rank}`, name } : { name };
  }
}
