// GET /api/v1/reports/briefing query string: the analysis report (分析报告) of one scope over a
// period, given either as a preset (month, quarter, year, or the 15 March consumer-rights day
// around a date) or as a window [from, to) of whole China days.
import { z } from 'zod';
import { dayOfDate } from './calendar/cst-day';
import { isValidScope } from './regions';
import { CST_OFFSET_MS, DAY_MS } from './time';
import { STATS_MAX_WINDOW_DAYS } from './stats-schema';

export const REPORT_PERIODS = ['month', 'quarter', 'year', '315'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const REPORT_FORMATS = ['pdf', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const iso = z.iso.datetime({ offset: true, message: 'must be ISO 8601 with an offset' });
const isCstMidnight = (value: string) => (Date.parse(value) + CST_OFFSET_MS) % DAY_MS === 0;
const isDate = (value: string) => {
  try {
    dayOfDate(value);
    return true;
  } catch {
    return false;
  }
};

export const briefingQuerySchema = z
  .strictObject({
    scope: z.string().default('national').refine(isValidScope, 'must be "national" or a shipped adcode'),
    format: z.enum(REPORT_FORMATS).default('html'),
    lang: z.enum(['zh', 'en']).default('zh'),
    from: iso.refine(isCstMidnight, 'must be midnight China time (a report covers whole days)').optional(),
    to: iso.refine(isCstMidnight, 'must be midnight China time (a report covers whole days)').optional(),
    period: z.enum(REPORT_PERIODS).optional(),
    /** a day inside the period, China time; default: today */
    date: z.string().refine(isDate, 'must be a calendar date YYYY-MM-DD').optional(),
  })
  .superRefine((q, ctx) => {
    const window = q.from !== undefined || q.to !== undefined;
    const preset = q.period !== undefined || q.date !== undefined;
    if (window && preset)
      ctx.addIssue({ code: 'custom', message: 'give either from and to, or period and date, not both', path: [] });
    else if (!window && !preset)
      ctx.addIssue({ code: 'custom', message: 'give from and to, or period (month, quarter, year, 315)', path: [] });
    else if (preset && q.period === undefined)
      ctx.addIssue({ code: 'custom', message: 'required with date', path: ['period'] });
    else if (window && (q.from === undefined || q.to === undefined))
      ctx.addIssue({ code: 'custom', message: 'from and to go together', path: [q.from ? 'to' : 'from'] });
    else if (window && q.from && q.to) {
      const spanMs = Date.parse(q.to) - Date.parse(q.from);
      if (spanMs <= 0) ctx.addIssue({ code: 'custom', message: 'must be after from', path: ['to'] });
      else if (spanMs > STATS_MAX_WINDOW_DAYS * DAY_MS)
        ctx.addIssue({
          code: 'custom',
          message: `the window may span at most ${STATS_MAX_WINDOW_DAYS} days`,
          path: ['to'],
        });
    }
  });

export type BriefingQuery = z.infer<typeof briefingQuerySchema>;
