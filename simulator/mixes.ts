// What cases are about: the mixes of kind, category, issue type, business line, channel and urgency,
// with the correlations that make a wall look real (food goes to the food-drug line, counterfeits to
// the IP line, reports lean to safety and counterfeits, nights shift from phone to voicemail and web).
// Weights are shaped on the national 12315 bulletins; the targets are checked in mixes.test.ts.
import type { Category, Channel, IssueType, Kind, Line } from '@shared/codes';
import { GOODS_CATEGORIES } from '@shared/codes';
import { Rng, WeightedTable } from './random';

export const KIND_WEIGHTS: Record<Kind, number> = { consultation: 55, complaint: 35, report: 8, suggestion: 2 };

/** Complaint-led ranking: online shopping far ahead, then food, prepaid cards, appliances, catering... */
export const CATEGORY_WEIGHTS: Record<Category, number> = {
  'online-shopping': 20,
  food: 11,
  'prepaid-cards': 7,
  appliances: 6,
  catering: 6,
  'telecom-services': 5,
  education: 5,
  'telecom-devices': 5,
  clothing: 5,
  vehicles: 4,
  'daily-goods': 4,
  other: 4,
  cosmetics: 3,
  medical: 3,
  'transport-delivery': 3,
  'home-decoration': 2.5,
  housing: 2.5,
  beauty: 2.5,
  tourism: 2,
  repair: 2,
  furniture: 2,
  finance: 1.5,
  'building-materials': 1.5,
  toys: 1.5,
};

/** Goods (as opposed to services): they have brands and fall under the product-quality line. */
export const GOODS: ReadonlySet<Category> = new Set<Category>(GOODS_CATEGORIES);

/** Categories the former 12331 food-and-drug line handled. */
const FOOD_DRUG_SHARE: Partial<Record<Category, number>> = { food: 0.55, medical: 0.6, catering: 0.3, cosmetics: 0.3 };

type IssueWeights = Partial<Record<IssueType, number>>;

const DEFAULT_ISSUES: IssueWeights = {
  quality: 25,
  'after-sales': 20,
  contract: 20,
  'false-advertising': 8,
  price: 10,
  safety: 3,
  counterfeit: 4,
  'personal-info': 2,
  other: 8,
};

const ISSUES_BY_CATEGORY: Partial<Record<Category, IssueWeights>> = {
  food: {
    quality: 40,
    safety: 25,
    'false-advertising': 8,
    counterfeit: 5,
    price: 5,
    'after-sales': 5,
    contract: 2,
    other: 10,
  },
  catering: { safety: 25, quality: 25, price: 15, contract: 10, 'after-sales': 10, 'false-advertising': 5, other: 10 },
  medical: { quality: 25, safety: 20, 'false-advertising': 20, counterfeit: 10, price: 10, other: 15 },
  cosmetics: { quality: 25, safety: 15, 'false-advertising': 20, counterfeit: 20, 'after-sales': 10, other: 10 },
  'online-shopping': {
    'after-sales': 30,
    quality: 25,
    'false-advertising': 12,
    counterfeit: 8,
    price: 10,
    contract: 8,
    'personal-info': 2,
    other: 5,
  },
  'prepaid-cards': { contract: 60, 'after-sales': 10, 'false-advertising': 10, price: 5, other: 15 },
  education: { contract: 50, 'false-advertising': 20, 'after-sales': 10, price: 10, other: 10 },
  'telecom-services': {
    contract: 30,
    price: 25,
    'after-sales': 20,
    'personal-info': 10,
    'false-advertising': 8,
    other: 7,
  },
  appliances: { quality: 40, 'after-sales': 35, safety: 5, 'false-advertising': 5, price: 5, counterfeit: 3, other: 7 },
  'telecom-devices': { quality: 40, 'after-sales': 35, counterfeit: 6, 'false-advertising': 6, price: 5, other: 8 },
  clothing: { quality: 45, 'after-sales': 20, counterfeit: 12, 'false-advertising': 8, price: 5, other: 10 },
  vehicles: { quality: 40, 'after-sales': 30, contract: 12, safety: 6, 'false-advertising': 4, other: 8 },
  toys: { quality: 35, safety: 25, 'after-sales': 15, counterfeit: 8, 'false-advertising': 7, other: 10 },
  tourism: { contract: 40, price: 20, 'false-advertising': 15, 'after-sales': 10, safety: 3, other: 12 },
  'home-decoration': { contract: 40, quality: 35, 'after-sales': 15, price: 5, other: 5 },
  housing: { contract: 50, quality: 20, price: 10, 'after-sales': 10, other: 10 },
  repair: { price: 30, quality: 30, 'after-sales': 20, contract: 10, other: 10 },
  beauty: { contract: 30, safety: 20, price: 15, 'false-advertising': 15, quality: 10, other: 10 },
  'transport-delivery': { 'after-sales': 35, contract: 25, price: 15, quality: 10, 'personal-info': 5, other: 10 },
  finance: { contract: 40, 'false-advertising': 20, 'personal-info': 15, price: 15, other: 10 },
  other: { other: 50, contract: 15, quality: 10, price: 10, 'after-sales': 10, 'false-advertising': 5 },
};

/** Reports are tip-offs about violations; consultations are often general questions. */
const ISSUE_BIAS_BY_KIND: Partial<Record<Kind, IssueWeights>> = {
  report: { counterfeit: 3, 'false-advertising': 2, safety: 2, price: 1.5, 'after-sales': 0.3, contract: 0.5 },
  consultation: { other: 2, contract: 1.2 },
};

const REPORT_CATEGORY_BIAS: Partial<Record<Category, number>> = {
  food: 2,
  medical: 2,
  cosmetics: 1.5,
  catering: 1.5,
  'online-shopping': 0.6,
  'prepaid-cards': 0.5,
};

function biased<K extends string>(base: Partial<Record<K, number>>, bias: Partial<Record<K, number>> = {}) {
  const out: Partial<Record<K, number>> = {};
  for (const key of Object.keys(base) as K[]) out[key] = (base[key] ?? 0) * (bias[key] ?? 1);
  return WeightedTable.fromRecord(out);
}

export class Mixes {
  private readonly kinds = WeightedTable.fromRecord(KIND_WEIGHTS);
  private readonly categories = new Map<Kind, WeightedTable<Category>>();
  private readonly issues = new Map<string, WeightedTable<IssueType>>();
  private readonly dayChannels = WeightedTable.fromRecord<Channel>({
    phone: 58,
    wechat: 13,
    web: 12,
    app: 10,
    transfer: 5,
    visit: 2,
    voicemail: 1,
    sms: 1,
    letter: 0.5,
  });
  /** Outside office hours callers more often leave a voicemail or write online. */
  private readonly nightChannels = WeightedTable.fromRecord<Channel>({
    phone: 32,
    wechat: 18,
    web: 17,
    app: 15,
    transfer: 3,
    voicemail: 9,
    sms: 1.5,
  });

  kind(rng: Rng): Kind {
    return this.kinds.pick(rng);
  }

  category(rng: Rng, kind: Kind): Category {
    let table = this.categories.get(kind);
    if (!table) {
      table = biased(CATEGORY_WEIGHTS, kind === 'report' ? REPORT_CATEGORY_BIAS : {});
      this.categories.set(kind, table);
    }
    return table.pick(rng);
  }

  issueType(rng: Rng, kind: Kind, category: Category): IssueType {
    const key = `${kind}/${category}`;
    let table = this.issues.get(key);
    if (!table) {
      table = biased(ISSUES_BY_CATEGORY[category] ?? DEFAULT_ISSUES, ISSUE_BIAS_BY_KIND[kind]);
      this.issues.set(key, table);
    }
    return table.pick(rng);
  }

  /** The former hotline whose remit the case falls under. */
  line(rng: Rng, category: Category, issueType: IssueType): Line {
    if (issueType === 'counterfeit' && rng.chance(0.45)) return 'ip';
    if (issueType === 'price' && rng.chance(0.3)) return 'price';
    const foodDrug = FOOD_DRUG_SHARE[category];
    if (foodDrug !== undefined && rng.chance(foodDrug)) return 'food-drug';
    if (GOODS.has(category) && (issueType === 'quality' || issueType === 'safety') && rng.chance(0.55))
      return 'quality';
    return 'consumer';
  }

  /** `officeHours`: 8:00-21:00 Beijing time, when the phone line is fully staffed. */
  channel(rng: Rng, officeHours: boolean): Channel {
    return (officeHours ? this.dayChannels : this.nightChannels).pick(rng);
  }

  /** Urgent handling is for safety: food, catering and medicines first. */
  urgent(rng: Rng, category: Category, issueType: IssueType): boolean {
    if (issueType !== 'safety') return rng.chance(0.002);
    const foodFirst = category === 'food' || category === 'catering' || category === 'medical';
    return rng.chance(foodFirst ? 0.15 : 0.05);
  }
}
