// How an incident's times read on the wall from across the room: how long it has lasted, and the
// countdown to its next clock (or how long that clock is overrun), on the server's clock.
import type { ClockName, IncidentStatus, NextClock } from '@shared/incidents';

/** 2:05:09 — hours not capped at 24, so a three-day overrun reads 74:00:00, not a date. */
export function formatClockDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${hours}:${two(minutes)}:${two(seconds)}`;
}

/** Elapsed in words: "3小时12分" / "3 h 12 min", or "2天5小时" / "2 d 5 h" past a day. */
export function formatElapsed(ms: number, lang: 'zh' | 'en'): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (lang === 'zh') return days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${rest}分` : `${rest}分`;
  return days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${rest} min` : `${rest} min`;
}

export interface ClockReading {
  name: ClockName;
  /** ms left before it is due; negative once overrun */
  leftMs: number;
  /** overrun now on this clock, or breached as the server said */
  breached: boolean;
  text: string;
}

/** The countdown of a running clock at a time on the server's clock. */
export function readClock(clock: NextClock, serverNowMs: number): ClockReading {
  const leftMs = Date.parse(clock.dueAt) - serverNowMs;
  return { name: clock.name, leftMs, breached: clock.breached || leftMs < 0, text: formatClockDuration(leftMs) };
}

/** Severity I to IV as the emergency plans colour them: red, orange, yellow, blue. */
export const SEVERITY_CSS = { I: 'sev-1', II: 'sev-2', III: 'sev-3', IV: 'sev-4' } as const;

export function isEnded(status: IncidentStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}
