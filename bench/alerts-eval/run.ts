// npm run eval:alerts: the detectors against EARS C1-C3 on labelled series after Noufaily et al.,
// at the false-alarm rate EARS C3 runs at with its classic threshold, and by partial AUC.
// EVAL_REPLICATES (default 20) series per signal and outbreak size k. EVAL_SEEDS=tune draws the
// series the detectors were tuned on; the default, report, draws a disjoint set the figures come from.
// Partial AUC as Watkins et al. (2008) compute it: the ROC of one series (there a region, here one
// of Noufaily's signals, pooled over its replicates) up to a false-alarm rate of 0.01 per day, its
// area (at most 0.01), and the median over series; also pooled over all series, and by outbreak size.
// `npm run eval:alerts -- product`: the product-level run on the demo simulator's history instead (product.ts).
if (process.argv[2] === 'product') {
  await import('./product');
  process.exit(0);
}
import { EARS_THRESHOLDS } from '@server/alerts/stats/ears';
import { mixSeed } from '@simulator/random';
import { cusumDetector, earsDetectors, surgeDetector, type EvalDetector } from './detectors';
import {
  dayMaxima,
  falseAlarmRate,
  hoursToDetect,
  median,
  outbreakWindow,
  partialAuc,
  thresholdForRate,
  type OutbreakScores,
} from './metrics';
import { SIGNALS, labelledSeries } from './series';

const REPLICATES = Number(process.env.EVAL_REPLICATES ?? 20);
/** EVAL_DURATION_SCALE=7: outbreaks 7 times as long and as large (weeks-long epidemics, as Watkins's) */
const DURATION_SCALE = Number(process.env.EVAL_DURATION_SCALE ?? 1);
const SEED_SET = process.env.EVAL_SEEDS === 'tune' ? 'tune' : 'report';
/** the tuning set keeps the seeds of the sessions that tuned the detectors; the report set adds a part */
const seedOf = (signal: number, k: number, r: number) =>
  SEED_SET === 'tune' ? mixSeed(signal, k, r) : mixSeed(signal, k, r, 0x5e7);
const KS = [2, 3, 5, 10] as const;
const HISTORY_DAYS = 70;
const OUTBREAK_WINDOW_DAYS = 49 * 7;
const DAYS = HISTORY_DAYS + OUTBREAK_WINDOW_DAYS;
const FROM_HOUR = HISTORY_DAYS * 24;

// EVAL_ONLY=surge keeps the detectors whose name contains it, and EARS C3 (the operating point)
const detectors: EvalDetector[] = [surgeDetector, cusumDetector, ...earsDetectors].filter(
  (d) => !process.env.EVAL_ONLY || d.name.includes(process.env.EVAL_ONLY) || d.name === 'EARS C3',
);

interface Collected {
  clean: number[];
  /** clean day maxima by signal */
  cleanBySignal: Map<number, number[]>;
  outbreaks: Array<OutbreakScores & { signal: number }>;
}

const started = performance.now();
const collected = new Map<string, Collected>(
  detectors.map((d) => [d.name, { clean: [], cleanBySignal: new Map(), outbreaks: [] }]),
);
for (const spec of SIGNALS) {
  for (const k of KS) {
    for (let r = 0; r < REPLICATES; r += 1) {
      const series = labelledSeries(spec, k, seedOf(spec.id, k, r), DAYS, OUTBREAK_WINDOW_DAYS, DURATION_SCALE);
      for (const detector of detectors) {
        const into = collected.get(detector.name)!;
        const maxima = dayMaxima(detector.score(series.clean, FROM_HOUR));
        into.clean.push(...maxima);
        const ofSignal = into.cleanBySignal.get(spec.id) ?? [];
        ofSignal.push(...maxima);
        into.cleanBySignal.set(spec.id, ofSignal);
        const track = detector.score(series.counts, FROM_HOUR);
        into.outbreaks.push({
          ...outbreakWindow(track, series.outbreak.startHour, series.outbreak.endHour, k),
          signal: spec.id,
        });
      }
    }
  }
}

const maxOf = (o: OutbreakScores) => Math.max(Number.NEGATIVE_INFINITY, ...o.scores);
const c3 = collected.get('EARS C3')!;
const operatingRate = falseAlarmRate(c3.clean, EARS_THRESHOLDS.c3);
const fmt = (v: number | undefined, digits = 2) => (v === undefined ? '-' : v.toFixed(digits));

console.log(
  `\nAlert detectors on Noufaily-type series (${SEED_SET} seeds${DURATION_SCALE === 1 ? '' : `, outbreaks x${DURATION_SCALE} long and large`}): ${SIGNALS.length} signals x ${KS.length} outbreak sizes x ${REPLICATES} replicates, ${OUTBREAK_WINDOW_DAYS} days each scored`,
);
console.log(
  `operating point: the false-alarm rate of EARS C3 at its classic threshold ${EARS_THRESHOLDS.c3}: ${(operatingRate * 100).toFixed(2)} % of days\n`,
);
console.log(
  '| detector | FAR / day | POD k=2 | k=3 | k=5 | k=10 | median hours to detect | pAUC median of signals | pooled | k=2 | k=3 | k=5 | k=10 |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const detector of detectors) {
  const { clean, outbreaks } = collected.get(detector.name)!;
  const threshold = detector.name === 'EARS C3' ? EARS_THRESHOLDS.c3 : thresholdForRate(clean, operatingRate);
  const pods = KS.map((k) => {
    const ofK = outbreaks.filter((o) => o.k === k);
    return ofK.filter((o) => hoursToDetect(o, threshold) !== undefined).length / ofK.length;
  });
  const delays = outbreaks.map((o) => hoursToDetect(o, threshold)).filter((h): h is number => h !== undefined);
  const { cleanBySignal } = collected.get(detector.name)!;
  /** Watkins: the area of each series' own ROC, then the median over series */
  const medianAuc = (ofK: (o: OutbreakScores) => boolean) =>
    median(
      SIGNALS.map((spec) =>
        partialAuc(cleanBySignal.get(spec.id)!, outbreaks.filter((o) => o.signal === spec.id && ofK(o)).map(maxOf)),
      ),
    );
  const pooled = partialAuc(clean, outbreaks.map(maxOf));
  const byK = KS.map((k) => medianAuc((o) => o.k === k));
  console.log(
    `| ${detector.name} | ${fmt(falseAlarmRate(clean, threshold), 4)} | ${pods.map((p) => fmt(p)).join(' | ')} | ${fmt(median(delays), 0)} | ${fmt(
      medianAuc(() => true),
      4,
    )} | ${fmt(pooled, 4)} | ${byK.map((a) => fmt(a, 4)).join(' | ')} |`,
  );
}
console.log('\nPOD by signal at the same operating point (all k)\n');
console.log(`| detector | ${SIGNALS.map((s) => `signal ${s.id}`).join(' | ')} |`);
console.log(`| --- |${SIGNALS.map(() => ' --- |').join('')}`);
for (const detector of detectors) {
  const { clean, outbreaks } = collected.get(detector.name)!;
  const threshold = detector.name === 'EARS C3' ? EARS_THRESHOLDS.c3 : thresholdForRate(clean, operatingRate);
  const pods = SIGNALS.map((spec) => {
    const ofSignal = outbreaks.filter((o) => o.signal === spec.id);
    return ofSignal.filter((o) => hoursToDetect(o, threshold) !== undefined).length / ofSignal.length;
  });
  console.log(`| ${detector.name} | ${pods.map((p) => fmt(p)).join(' | ')} |`);
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
