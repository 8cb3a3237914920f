// ClickHouse DateTime values travel as 'YYYY-MM-DD hh:mm:ss[.mmm]' strings in the column's zone.
// Every column here is UTC; conversions to China Standard Time happen in SQL and in shared/time.ts.

export function toDateTime64(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export function toDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses a UTC DateTime/DateTime64 value as returned by ClickHouse in JSON formats. */
export function fromDateTime(value: string): number {
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}
