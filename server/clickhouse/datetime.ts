// ClickHouse DateTime values travel as 'YYYY-MM-DD hh:mm:ss[.mmm]' strings in the column's zone.
// Every column here is UTC; conversions to China Standard Time happen in SQL and in shared/time.ts.
// The ingest formats several of these per case, so they are built by arithmetic from a cached
// 'YYYY-MM-DD ' per day: Date#toISOString per value cost about a tenth of the ingest's main thread.
import { DAY_MS } from '@shared/time';

const MAX_CACHED_DAYS = 4096;
const dayPrefixes = new Map<number, string>();

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 10) + ' ';
    if (dayPrefixes.size >= MAX_CACHED_DAYS) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

const two = (n: number) => (n < 10 ? '0' : '') + n;

/** 'YYYY-MM-DD hh:mm:ss' and the milliseconds of the second, for an integer epoch-ms time. */
function parts(ms: number): [string, number] {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY_MS);
  let rest = whole - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return [`${dayPrefix(day)}${two(hours)}:${two(minutes)}:${two(seconds)}`, rest - seconds * 1000];
}

export function toDateTime64(ms: number): string {
  const [text, millis] = parts(ms);
  return `${text}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}`;
}

export function toDateTime(ms: number): string {
  return parts(ms)[0];
}

/** Parses a UTC DateTime/DateTime64 value as returned by ClickHouse in JSON formats. */
export function fromDateTime(value: string): number {
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}

/** The last day a DateTime64 holds (2299-12-31): an upper bound that keeps everything, e.g. a whole event log. */
export const END_OF_TIME_MS = Date.UTC(2299, 11, 31);
