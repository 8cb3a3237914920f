// The digest of each calendar year the stored deadlines were last computed with (migration 0070).
import { defineQuery } from '../../clickhouse/define-query';

export const calendarYearsApplied = defineQuery<undefined, { year: number; digest: string }, Map<number, string>>({
  name: 'calendar-years-applied',
  file: new URL('./calendar-years-applied.sql', import.meta.url),
  params: () => ({}),
  parse: (rows) => new Map(rows.map((row) => [row.year, row.digest])),
});
