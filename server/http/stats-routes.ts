// GET /api/v1/stats: distinct cases received in a window inside a scope.
import { Router } from 'express';
import { CHANNEL_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import { scopeRange } from '@shared/regions';
import { statsQuerySchema, type StatsReply } from '@shared/stats-schema';
import { describeIssues } from '@shared/case-schema';
import { mayRead, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { ClickHouse } from '../clickhouse/client';
import { toDateTime64 } from '../clickhouse/datetime';
import { loadQuery } from '../queries/load';

const caseCountsSql = loadQuery('case-counts');

interface CaseCountRow {
  kind: string;
  line: string;
  channel: string;
  cases: string | number;
}

export function statsRoutes(deps: { tokens: TokenStore; clickhouse: ClickHouse }): Router {
  const router = Router();
  router.get('/api/v1/stats', requireRole(deps.tokens, mayRead, 'read statistics'), async (req, res) => {
    const parsed = statsQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid query', details: describeIssues(parsed.error) });
      return;
    }
    const { scope, from, to } = parsed.data;
    const [regionFrom, regionTo] = scopeRange(scope);
    const rows = await deps.clickhouse.query<CaseCountRow>('case-counts', caseCountsSql, {
      from: toDateTime64(Date.parse(from)),
      to: toDateTime64(Date.parse(to)),
      regionFrom,
      regionTo,
    });
    const reply: StatsReply = {
      scope,
      from,
      to,
      total: 0,
      byKind: zeroes(KIND_CODES),
      byLine: zeroes(LINE_CODES),
      byChannel: zeroes(CHANNEL_CODES),
    };
    for (const row of rows) {
      const n = Number(row.cases);
      reply.total += n;
      reply.byKind[row.kind] = (reply.byKind[row.kind] ?? 0) + n;
      reply.byLine[row.line] = (reply.byLine[row.line] ?? 0) + n;
      reply.byChannel[row.channel] = (reply.byChannel[row.channel] ?? 0) + n;
    }
    res.json(reply);
  });
  return router;
}

function zeroes(codes: readonly string[]): Record<string, number> {
  return Object.fromEntries(codes.map((c) => [c, 0]));
}
