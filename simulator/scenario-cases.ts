// What a case belonging to an incident looks like: the incident fixes the place, merchant or brand
// and skews kind, category, issue and urgency; the rest (channel, wording, lifecycle) stays normal.
import type { Category, IssueType, Kind, Line } from '@shared/codes';
import type { Geography, Place } from './geography';
import type { Merchant } from './names';
import { type Rng, WeightedTable } from './random';
import type { Scenario } from './scenarios';

export interface IncidentFacts {
  kind: Kind;
  category: Category;
  issueType: IssueType;
  line: Line;
  urgent: boolean;
  place: Place;
  merchant?: Merchant;
  brand?: string;
  product?: string;
  /** the kind of goods involved, when it is not the category itself (online shopping) */
  goods?: Category;
  /** median amount involved, yuan, where the incident differs from the category's usual */
  medianYuan?: number;
}

const FOOD_KINDS = WeightedTable.fromRecord<Kind>({ complaint: 55, report: 30, consultation: 15 });
const PREPAID_KINDS = WeightedTable.fromRecord<Kind>({ complaint: 85, consultation: 10, report: 5 });
const BRAND_KINDS = WeightedTable.fromRecord<Kind>({ complaint: 60, report: 20, consultation: 20 });

export function incidentFacts(rng: Rng, geo: Geography, scenario: Scenario): IncidentFacts {
  if (scenario.type === 'food-poisoning') {
    const cityCode = scenario.cityCode as string;
    // most callers live or ate near the restaurant
    const place = rng.chance(0.65) ? geo.place(scenario.countyCode as string) : geo.pickPlaceIn(rng, cityCode);
    return {
      kind: FOOD_KINDS.pick(rng),
      category: rng.chance(0.75) ? 'catering' : 'food',
      issueType: rng.chance(0.85) ? 'safety' : 'quality',
      line: rng.chance(0.8) ? 'food-drug' : 'consumer',
      urgent: rng.chance(0.65),
      place,
      merchant: scenario.merchant,
      medianYuan: 300,
    };
  }
  if (scenario.type === 'prepaid-collapse') {
    return {
      kind: PREPAID_KINDS.pick(rng),
      category: 'prepaid-cards',
      issueType: rng.chance(0.9) ? 'contract' : 'false-advertising',
      line: 'consumer',
      urgent: rng.chance(0.02),
      place: geo.pickPlaceIn(rng, scenario.cityCode as string),
      merchant: scenario.merchant,
      medianYuan: 3500,
    };
  }
  const provinces = scenario.provinceCodes ?? [];
  return {
    kind: BRAND_KINDS.pick(rng),
    category: scenario.category,
    issueType: rng.chance(0.7) ? 'safety' : 'quality',
    line: rng.chance(0.6) ? 'quality' : 'consumer',
    urgent: rng.chance(0.1),
    place: geo.pickPlaceInProvince(rng, rng.pick(provinces)),
    brand: scenario.brand,
    product: scenario.product,
  };
}
