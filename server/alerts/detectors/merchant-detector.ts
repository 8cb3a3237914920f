// Merchant and brand accumulation: a party's complaints over the last 24 hours and 7 days against
// its own history shrunk toward its category's rate (empirical Bayes, gamma-Poisson).
// Prior: the parties of a kind x category with cases in the baseline days give the mean m and
// variance v of a party's count over the exposure E (days of baseline the store holds); a gamma
// prior of the rate with shape a = m^2 / (v - m) (method of moments; v <= m: a strong prior, 1e3)
// and rate b = a x E / m, in days. A party with x baseline cases has the posterior gamma(a + x,
// b + E); the count of a window of w days then is negative binomial with mean w (a + x) / (b + E)
// and variance / mean 1 + w / (b + E). A party with little history borrows its category's rate; a
// busy one keeps its own. The two windows' smaller tail, times 2 (Bonferroni), against alpha.
// The prior is drawn from parties seen in the baseline only, which overstates a newcomer's rate:
// that errs towards fewer alerts. A store with no baseline yet (under 8 days) judges nobody.
import type { DetectorSignal } from '@shared/alert-signals';
import type { Category } from '@shared/codes';
import { isoCst } from '@shared/calendar/cst-day';
import { DAY_MS } from '@shared/time';
import { negBinomialUpperTail } from '../stats/tails';
import type { CategoryPartyRates, PartyWindow } from '../../queries/alerts/party-windows';
import { surprise, type DetectorBudget } from './budget';

export const PARTY_BASELINE_DAYS = 84;
/** cases in the last day, and in the last week, below which a party never alarms */
export const PARTY_MIN_DAY = 5;
export const PARTY_MIN_WEEK = 8;
const MAX_PRIOR_SHAPE = 1e3;

interface Prior {
  shape: number;
  /** in days */
  rate: number;
  exposureDays: number;
}

function priorOf(rates: CategoryPartyRates, endMs: number): Prior | undefined {
  const baselineEndMs = endMs - 7 * DAY_MS;
  const startMs = Math.max(baselineEndMs - PARTY_BASELINE_DAYS * DAY_MS, rates.firstHourMs);
  const exposureDays = (baselineEndMs - startMs) / DAY_MS;
  if (exposureDays < 1 || rates.parties === 0 || rates.total <= 0) return undefined;
  const mean = rates.total / rates.parties;
  const variance = rates.squares / rates.parties - mean * mean;
  const shape = variance > mean ? Math.min(MAX_PRIOR_SHAPE, (mean * mean) / (variance - mean)) : MAX_PRIOR_SHAPE;
  return { shape, rate: (shape * exposureDays) / mean, exposureDays };
}

/** The NB tail of a window of `days` days for a party with `baseline` cases under the prior. */
function windowTail(observed: number, days: number, baseline: number, prior: Prior) {
  const rate = prior.rate + prior.exposureDays;
  const expected = (days * (prior.shape + baseline)) / rate;
  return { observed, expected, pValue: negBinomialUpperTail(observed, expected, 1 + days / rate) };
}

export function detectAccumulations(
  parties: readonly PartyWindow[],
  rates: readonly CategoryPartyRates[],
  endMs: number,
  atMs: number,
  budget: DetectorBudget,
): DetectorSignal[] {
  const priors = new Map(rates.map((r) => [`${r.kind}:${r.category}`, priorOf(r, endMs)]));
  const signals: DetectorSignal[] = [];
  for (const party of parties) {
    const prior = priors.get(`${party.kind}:${party.category}`);
    if (!prior) continue;
    const day = windowTail(party.lastDay, 1, party.baseline, prior);
    const week = windowTail(party.lastWeek, 7, party.baseline, prior);
    const dayP = party.lastDay >= PARTY_MIN_DAY && day.observed > day.expected ? day.pValue : 1;
    const weekP = party.lastWeek >= PARTY_MIN_WEEK && week.observed > week.expected ? week.pValue : 1;
    const pValue = Math.min(1, 2 * Math.min(dayP, weekP));
    if (pValue > budget.alpha) continue;
    const best = dayP <= weekP ? day : week;
    const windowDays = best === day ? 1 : 7;
    const [regionCode = '000000'] = party.regionCodes;
    signals.push({
      kind: 'merchant',
      key: `${party.kind}:${party.party}`,
      regionCode,
      regionCodes: party.regionCodes,
      category: party.category as Category,
      ...(party.kind === 'merchant' ? { merchant: { name: party.party } } : { brand: party.party }),
      startedAt: isoCst(Math.max(endMs - windowDays * DAY_MS, party.firstWeekHourMs)),
      detectedAt: isoCst(atMs),
      windowHours: windowDays * 24,
      observed: best.observed,
      expected: Math.round(best.expected * 100) / 100,
      ...surprise(pValue, budget),
    });
  }
  return signals;
}
