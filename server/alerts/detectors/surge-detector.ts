// Surge by region x category at county, city and province level: the last 1, 3 and 24 hours against
// the hour-of-week baseline (8 weeks, the latest week a guard band), negative-binomial upper tail
// (server/alerts/stats/surge-score.ts), fired at the national budget's threshold (budget.ts).
//
// Borrowing strength: a county's (or city's) own hour-of-week mean rests on eight windows, often
// all empty. Its parent's (city's, province's) rests on many more cases. The child's expected count
// is blended from its own and a borrowed one:
//   borrowed = share x parentExpected,  share = (childBaseline + 0.5) / (parentBaseline + 1)
//   expected = lambda x own + (1 - lambda) x borrowed,  lambda = ownCases / (ownCases + 20)
// where the baselines are all cases in the read history before the guard week (a robust share) and
// ownCases = 8 weeks x own, the cases behind the window's own mean. A busy county keeps its own
// hour-of-week rhythm; one whose window was empty for 8 weeks expects its share of its city's.
// Calendar: special hours in the baseline are imputed, 14-16 March scale the expectation
// (calendar-effects.ts).
//
// Province factors: a busy day (a Monday after a holiday, news that sends a whole province to the
// phone) raises every category of a province at once, and a province's 24 hours of hundreds of cases
// at 1.5x its ordinary day is a busy day, not a hot issue. Each window's expectation is multiplied by
// its province's factor: the province's cases of the other categories in the same window against
// their own hour-of-week expectation, (observed + 20) / (expected + 20), when above 1 (a quiet day
// does not make the detector more eager). The query reads each province's every-category series as
// the cell of category ''.
import type { DetectorSignal } from '@shared/alert-signals';
import type { Category } from '@shared/codes';
import { isoCst } from '@shared/calendar/cst-day';
import { HOUR_MS } from '@shared/time';
import { cumulative, hourOfWeekExpected, HOURS_PER_WEEK } from '../stats/hour-of-week';
import { surgeScore } from '../stats/surge-score';
import type { SurgeCell } from '../../queries/alerts/surge-cells';
import { surprise, type DetectorBudget } from './budget';
import { evaluationFactor, imputeSpecialHours, specialHours } from './calendar-effects';

/** 8 baseline weeks + 1 guard week + the current one, and 2 spare weeks to impute holidays from. */
export const SURGE_HISTORY_HOURS = 12 * HOURS_PER_WEEK;
/** fewer cases than this in a window never alarm */
export const SURGE_MIN_COUNT = 4;
/** baseline cases at which a region's own expectation and its borrowed one weigh the same */
const BORROW_HALF_WEIGHT_CASES = 20;
const BASELINE_WEEKS = 8;
/** the windows being judged (24 h + dispersion span): never imputed */
const JUDGED_HOURS = 26;
/** cases of prior on a province factor: a quiet province's few cases move it little */
const PROVINCE_FACTOR_PRIOR = 20;
/** the category of a province's every-category cell */
const ALL_CATEGORIES = '';

interface Series {
  cell: SurgeCell;
  sums: Float64Array;
  /** cases in the history before the guard week */
  baseline: number;
}

const keyOf = (regionCode: string, category: string) => `${regionCode}:${category}`;
const provinceOf = (regionCode: string) => `${regionCode.slice(0, 2)}0000`;
const parentOf = (cell: SurgeCell) =>
  cell.level === 'county'
    ? `${cell.regionCode.slice(0, 4)}00`
    : cell.level === 'city'
      ? `${cell.regionCode.slice(0, 2)}0000`
      : undefined;

function seriesOf(cell: SurgeCell, special: Uint8Array): Series {
  const n = SURGE_HISTORY_HOURS;
  const counts = new Int32Array(n);
  for (let i = 0; i < cell.agoHours.length; i += 1) {
    const at = n - 1 - cell.agoHours[i];
    if (at >= 0) counts[at] = Math.max(0, cell.counts[i]);
  }
  imputeSpecialHours(counts, special, n - JUDGED_HOURS);
  const sums = cumulative(counts);
  return { cell, sums, baseline: sums[n - 2 * HOURS_PER_WEEK + 2] };
}

/** Cases in the last 24 hours: under the minimum count, no window of the cell can fire. */
function lastDayCases(cell: SurgeCell): number {
  let sum = 0;
  for (let i = 0; i < cell.agoHours.length; i += 1) if (cell.agoHours[i] < 24) sum += cell.counts[i];
  return sum;
}

/** cells judged between two yields to the event loop (a national evaluation judges about 30,000) */
const CELLS_PER_SLICE = 1_000;

/**
 * Surge signals at one evaluation; `endMs` is the hour after the last one read. The statistics of a
 * national evaluation take a few hundred milliseconds: they yield to the event loop every
 * CELLS_PER_SLICE cells, so the walls' ticks are not held up behind them.
 */
export async function detectSurges(
  cells: readonly SurgeCell[],
  endMs: number,
  atMs: number,
  budget: DetectorBudget,
): Promise<DetectorSignal[]> {
  const n = SURGE_HISTORY_HOURS;
  const factor = evaluationFactor(endMs - HOUR_MS);
  const special = specialHours(endMs - n * HOUR_MS, n);
  const cellsByKey = new Map(cells.map((cell) => [keyOf(cell.regionCode, cell.category), cell]));
  // series are built only for cells that may fire and for their parents, once each
  const built = new Map<string, Series>();
  const series = (key: string) => {
    let found = built.get(key);
    const cell = cellsByKey.get(key);
    if (!found && cell) built.set(key, (found = seriesOf(cell, special)));
    return found;
  };
  /** the province's factor for a window, the category's own cases left out of it (once per province, category and window) */
  const factors = new Map<string, number>();
  const provinceFactor = (cell: SurgeCell, windowHours: number): number => {
    const province = provinceOf(cell.regionCode);
    const key = `${province}:${cell.category}:${windowHours}`;
    let found = factors.get(key);
    if (found !== undefined) return found;
    const all = series(keyOf(province, ALL_CATEGORIES));
    const own = series(keyOf(province, cell.category));
    const allWindow = all && hourOfWeekExpected(all.sums, n, windowHours);
    const ownWindow = own && hourOfWeekExpected(own.sums, n, windowHours);
    const observed = (allWindow?.observed ?? 0) - (ownWindow?.observed ?? 0);
    const expected = Math.max(0, (allWindow?.expected ?? 0) - (ownWindow?.expected ?? 0));
    found = allWindow ? Math.max(1, (observed + PROVINCE_FACTOR_PRIOR) / (expected + PROVINCE_FACTOR_PRIOR)) : 1;
    factors.set(key, found);
    return found;
  };
  const signals: DetectorSignal[] = [];
  let judged = 0;
  for (const cell of cells) {
    if (++judged % CELLS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    if (cell.category === ALL_CATEGORIES || lastDayCases(cell) < SURGE_MIN_COUNT) continue;
    const own = series(keyOf(cell.regionCode, cell.category))!;
    const parentCode = parentOf(cell);
    const parent = parentCode ? series(keyOf(parentCode, cell.category)) : undefined;
    const share = parent ? (own.baseline + 0.5) / (parent.baseline + 1) : 0;
    const score = surgeScore(own.sums, n, {
      minCount: SURGE_MIN_COUNT,
      adjustExpected: (windowHours, ownExpected) => {
        const parentExpected = parent && hourOfWeekExpected(parent.sums, n, windowHours)?.expected;
        // the weight of a region's own window mean grows with the cases behind it (weeks x mean)
        const ownCases = ownExpected * BASELINE_WEEKS;
        const lambda = ownCases / (ownCases + BORROW_HALF_WEIGHT_CASES);
        const blended =
          parentExpected === undefined ? ownExpected : lambda * ownExpected + (1 - lambda) * share * parentExpected;
        return Math.max(blended, 0.05) * factor * provinceFactor(cell, windowHours);
      },
    });
    if (!score || score.pValue > budget.alpha) continue;
    signals.push({
      kind: 'surge',
      key: `surge:${cell.regionCode}:${cell.category}`,
      regionCode: cell.regionCode,
      regionCodes: [cell.regionCode],
      category: cell.category as Category,
      startedAt: isoCst(endMs - score.windowHours * HOUR_MS),
      detectedAt: isoCst(atMs),
      windowHours: score.windowHours,
      observed: score.observed,
      expected: Math.round(score.expected * 100) / 100,
      ...surprise(score.pValue, budget),
    });
  }
  return signals;
}
