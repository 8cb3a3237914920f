// GET /api/v1/stats query string.
import { z } from 'zod';
import { isValidScope } from './regions';
import { DAY_MS } from './time';

/** The longest window one statistics read may span: a year and a month for annual comparisons. */
export const STATS_MAX_WINDOW_DAYS = 400;

const iso = z.iso.datetime({ offset: true, message: 'must be ISO 8601 with an offset' });

export const statsQuerySchema = z
  .strictObject({
    scope: z.string().default('national').refine(isValidScope, 'must be "national" or a shipped adcode'),
    from: iso,
    to: iso,
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= STATS_MAX_WINDOW_DAYS * DAY_MS, {
    message: `the window may span at most ${STATS_MAX_WINDOW_DAYS} days: ask for several windows`,
    path: ['to'],
  });

export type StatsQuery = z.infer<typeof statsQuerySchema>;

export interface StatsReply {
  scope: string;
  from: string;
  to: string;
  total: number;
  byKind: Record<string, number>;
  byLine: Record<string, number>;
  byChannel: Record<string, number>;
}
