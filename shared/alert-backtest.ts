// POST /api/v1/alerts/backtest: the detectors run over stored history as if live at each step.
import { z } from 'zod';
import type { SignalKind } from './alert-signals';
import { isValidScope } from './regions';
import { DAY_MS } from './time';

/** The longest span one backtest request may cover (the CLI, npm run backtest, has no limit). */
export const BACKTEST_MAX_DAYS = 31;

const iso = z.iso.datetime({ offset: true, message: 'must be ISO 8601 with an offset' });

export const backtestSpanSchema = z
  .strictObject({
    from: iso,
    to: iso,
    scope: z.string().default('national').refine(isValidScope, 'must be "national" or a shipped adcode'),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });

export const backtestRequestSchema = backtestSpanSchema.refine(
  (q) => Date.parse(q.to) - Date.parse(q.from) <= BACKTEST_MAX_DAYS * DAY_MS,
  { message: `a backtest may span at most ${BACKTEST_MAX_DAYS} days: run npm run backtest for longer`, path: ['to'] },
);

export type BacktestRequest = z.infer<typeof backtestSpanSchema>;

export interface BacktestAlert {
  kind: SignalKind;
  kinds: SignalKind[];
  regionCode: string;
  regionCodes: string[];
  category?: string;
  merchant?: { name: string };
  brand?: string;
  term?: string;
  startedAt: string;
  detectedAt: string;
  score: number;
  observed: number;
  expected: number;
}

export interface BacktestReply {
  alerts: BacktestAlert[];
}
