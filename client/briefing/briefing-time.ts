// Moments a director picks, in China time whatever the laptop's zone: the bar's inputs hold
// "2026-03-15 18:00", read as Beijing time (a datetime-local input would follow the laptop's locale,
// 12-hour clock and all, and is twice as wide), and the replay presets are Beijing hours.
import { CST_OFFSET_MS, DAY_MS, HOUR_MS, MINUTE_MS, cstMidnight, floorTo } from '@shared/time';

export interface Period {
  fromMs: number;
  toMs: number;
}

export const REPLAY_PRESETS = ['lastNight', 'last24h', 'last7d'] as const;
export type ReplayPreset = (typeof REPLAY_PRESETS)[number];

/** The evening a night starts and the morning it ends, Beijing hours. */
const NIGHT_FROM_HOUR = 18;
const NIGHT_TO_HOUR = 8;

/** ms → "2026-03-15 18:00", Beijing time. */
export function toChinaInput(ms: number): string {
  return new Date(floorTo(ms, MINUTE_MS) + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-03-15 18:00" (or with a T) read as Beijing time → ms; null for anything else, an impossible date too. */
export function fromChinaInput(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(value.trim());
  if (!match) return null;
  const ms = Date.parse(`${match[1]}T${match[2]}:00+08:00`);
  // Date.parse rolls some impossible dates over (02-30 → 03-02): only a date that reads back is one
  return Number.isFinite(ms) && toChinaInput(ms) === `${match[1]} ${match[2]}` ? ms : null;
}

/**
 * A preset period ending at or before `nowMs`, on whole minutes. Last night is the latest 18:00-08:00
 * that has ended: before 08:00 Beijing time that is the night before yesterday's evening.
 */
export function presetPeriod(preset: ReplayPreset, nowMs: number): Period {
  const toMs = floorTo(nowMs, MINUTE_MS);
  if (preset === 'last24h') return { fromMs: toMs - DAY_MS, toMs };
  if (preset === 'last7d') return { fromMs: toMs - 7 * DAY_MS, toMs };
  let morningMs = cstMidnight(nowMs) + NIGHT_TO_HOUR * HOUR_MS;
  if (morningMs > nowMs) morningMs -= DAY_MS;
  return { fromMs: morningMs - (24 - NIGHT_FROM_HOUR + NIGHT_TO_HOUR) * HOUR_MS, toMs: morningMs };
}

/** The moment a scrubber position (0 to 1) stands for, on a whole minute within the period. */
export function momentAt(period: Period, position: number): number {
  const clamped = Math.min(1, Math.max(0, position));
  const ms = period.fromMs + clamped * (period.toMs - period.fromMs);
  return Math.min(period.toMs, Math.max(period.fromMs, Math.round(ms / MINUTE_MS) * MINUTE_MS));
}
