// GET /api/v1/stats query string.
import { z } from 'zod';
import { isValidScope } from './regions';

const iso = z.iso.datetime({ offset: true, message: 'must be ISO 8601 with an offset' });

export const statsQuerySchema = z
  .strictObject({
    scope: z.string().default('national').refine(isValidScope, 'must be "national" or a shipped adcode'),
    from: iso,
    to: iso,
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });

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
