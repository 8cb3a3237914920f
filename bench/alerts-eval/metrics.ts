// Detection metrics over labelled series: for a threshold, the false-alarm rate (days with an alarm
// on the outbreak-free twins), the probability of detection (outbreaks with an alarm between their
// first case and the end of the day of their last) and the time to detection; over all thresholds,
// the partial area under the ROC curve up to a false-alarm rate of 0.01 (Watkins et al. 2008).
import type { ScoreTrack } from './detectors';

export interface OutbreakScores {
  /** every score of the outbreak copy inside the outbreak's window, in time order */
  hours: number[];
  scores: number[];
  startHour: number;
  k: number;
}

/** The highest score of each day of a clean track: a day alarms when its highest score does. */
export function dayMaxima(track: ScoreTrack): number[] {
  const byDay = new Map<number, number>();
  track.hours.forEach((hour, i) => {
    const day = Math.floor((hour - 1) / 24);
    byDay.set(day, Math.max(byDay.get(day) ?? Number.NEGATIVE_INFINITY, track.scores[i]));
  });
  return [...byDay.values()];
}

export function outbreakWindow(track: ScoreTrack, startHour: number, endHour: number, k: number): OutbreakScores {
  const lastHour = (Math.floor(endHour / 24) + 1) * 24;
  const hours: number[] = [];
  const scores: number[] = [];
  track.hours.forEach((hour, i) => {
    if (hour > startHour && hour <= lastHour) {
      hours.push(hour);
      scores.push(track.scores[i]);
    }
  });
  return { hours, scores, startHour, k };
}

/** The threshold whose false-alarm rate is the highest not above `rate` (alarm when score > threshold). */
export function thresholdForRate(cleanDayMaxima: number[], rate: number): number {
  const sorted = [...cleanDayMaxima].sort((a, b) => b - a);
  const allowed = Math.floor(rate * sorted.length);
  return allowed < sorted.length ? sorted[allowed] : Number.NEGATIVE_INFINITY;
}

export function falseAlarmRate(cleanDayMaxima: number[], threshold: number): number {
  return cleanDayMaxima.filter((s) => s > threshold).length / cleanDayMaxima.length;
}

/** Hours from the first outbreak case to the first alarm, or undefined when there is none. */
export function hoursToDetect(outbreak: OutbreakScores, threshold: number): number | undefined {
  const i = outbreak.scores.findIndex((s) => s > threshold);
  return i < 0 ? undefined : outbreak.hours[i] - outbreak.startHour;
}

export function partialAuc(cleanDayMaxima: number[], outbreakMaxima: number[], maxRate = 0.01): number {
  const sorted = [...cleanDayMaxima].sort((a, b) => b - a);
  const steps = Math.floor(maxRate * sorted.length);
  const outbreaks = [...outbreakMaxima].sort((a, b) => a - b);
  let area = 0;
  for (let r = 0; r < steps; r += 1) {
    // alarm above the (r+1)-th highest clean day: a false-alarm rate of r / n
    area += countAbove(outbreaks, sorted[r]) / outbreaks.length / sorted.length;
  }
  return area;
}

function countAbove(ascending: number[], threshold: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ascending[mid] > threshold) hi = mid;
    else lo = mid + 1;
  }
  return ascending.length - lo;
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
