// Money involved in a case: log-normal per category (a gym card costs thousands, a snack tens of
// yuan, a home renovation tens of thousands). Complaints mostly name an amount, reports sometimes,
// consultations and suggestions never. Medians are set so that recovered money per complaint lands
// near the national figure (2021: 5.55 billion yuan recovered over roughly 8 million complaints).
import type { Category, Kind } from '@shared/codes';
import type { Rng } from './random';

export const MEDIAN_YUAN: Record<Category, number> = {
  'online-shopping': 180,
  food: 50,
  'prepaid-cards': 1500,
  catering: 120,
  'telecom-services': 90,
  education: 3000,
  appliances: 1200,
  'telecom-devices': 1500,
  clothing: 250,
  vehicles: 6000,
  cosmetics: 200,
  medical: 300,
  'daily-goods': 80,
  furniture: 2500,
  'building-materials': 3000,
  toys: 150,
  tourism: 1500,
  'home-decoration': 8000,
  housing: 3000,
  repair: 300,
  beauty: 1000,
  'transport-delivery': 100,
  finance: 3000,
  other: 200,
};

const SIGMA = 1.0;
const MAX_YUAN = 5_000_000;
const SHARE_WITH_AMOUNT: Record<Kind, number> = { complaint: 0.9, report: 0.4, consultation: 0, suggestion: 0 };

export function amountInvolved(
  rng: Rng,
  kind: Kind,
  category: Category,
  medianYuan = MEDIAN_YUAN[category],
): number | undefined {
  if (!rng.chance(SHARE_WITH_AMOUNT[kind])) return undefined;
  const yuan = Math.min(MAX_YUAN, rng.logNormal(medianYuan, SIGMA));
  // most amounts are whole yuan; prices with jiao and fen are common online
  return rng.chance(0.7) ? Math.max(1, Math.round(yuan)) : Math.round(yuan * 100) / 100;
}
