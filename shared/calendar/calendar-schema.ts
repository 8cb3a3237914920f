// The calendar file format, shared by the shipped shared/refdata/calendar.json (generated from the
// chinese-days package) and the file an administrator adds a year with (CALENDAR_FILE): one entry
// per year, holding every public holiday and every make-up working day (调休上班) of that year as
// announced by the State Council's yearly notice. See docs/deadlines.md.
import { z } from 'zod';
import { dayOfDate, weekdayOfDay, type CstDate } from './cst-day';

/** "YYYY-MM-DD" → name of the holiday it belongs to (e.g. 春节); the name is for people only. */
const datedNames = z.record(
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must be written YYYY-MM-DD'),
  z.string().min(1).max(100),
);

export const calendarYearSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    /** days off: statutory holidays and the weekdays given off in exchange (放假调休) */
    holidays: datedNames,
    /** Saturdays and Sundays worked in exchange (调休上班) */
    workdays: datedNames,
  })
  .superRefine((entry, ctx) => {
    const check = (kind: 'holidays' | 'workdays', date: CstDate) => {
      let day: number;
      try {
        day = dayOfDate(date);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: [kind, date], message: (error as Error).message });
        return;
      }
      if (!date.startsWith(`${entry.year}-`))
        ctx.addIssue({ code: 'custom', path: [kind, date], message: `is not in ${entry.year}` });
      const weekday = weekdayOfDay(day);
      if (kind === 'workdays' && weekday !== 0 && weekday !== 6)
        ctx.addIssue({
          code: 'custom',
          path: [kind, date],
          message: 'a make-up working day must be a Saturday or Sunday',
        });
      if (kind === 'workdays' && date in entry.holidays)
        ctx.addIssue({ code: 'custom', path: [kind, date], message: 'is also listed as a holiday' });
    };
    for (const date of Object.keys(entry.holidays)) check('holidays', date);
    for (const date of Object.keys(entry.workdays)) check('workdays', date);
  });

export const calendarFileSchema = z
  .strictObject({
    /** where the data came from (a package version, the notice's number and date) */
    source: z.string().optional(),
    licence: z.string().optional(),
    years: z.array(calendarYearSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<number>();
    file.years.forEach((entry, i) => {
      if (seen.has(entry.year))
        ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${entry.year} is listed twice` });
      seen.add(entry.year);
    });
  });

export type CalendarYear = z.infer<typeof calendarYearSchema>;
export type CalendarFile = z.infer<typeof calendarFileSchema>;

/** Parses a calendar file; throws one Error listing every problem as "field: reason". */
export function parseCalendarFile(data: unknown, origin: string): CalendarFile {
  const result = calendarFileSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(file)';
    if (issue.code === 'unrecognized_keys') return `${field}: unknown field ${issue.keys.join(', ')}`;
    // a bad date key: zod's own message ("Invalid key in record") hides the reason
    if (issue.code === 'invalid_key') return `${field}: ${issue.issues.map((i) => i.message).join('; ')}`;
    return `${field}: ${issue.message}`;
  });
  throw new Error(`calendar file ${origin} is not valid:\n  ${problems.join('\n  ')}`);
}
