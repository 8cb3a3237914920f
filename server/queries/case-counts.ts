// Case counts by kind and line, as the wall's KPIs carry them, built from rollup cells.
import { KIND_CODES, LINE_CODES, type Kind, type Line } from '@shared/codes';
import type { CaseCounts } from '@shared/wall-events';

/** Every code of a list with a zero: a code nobody used today is a fact, not a gap. */
export function zeroes<K extends string>(codes: readonly K[]): Record<K, number> {
  return Object.fromEntries(codes.map((c) => [c, 0])) as Record<K, number>;
}

export function emptyCounts(): CaseCounts {
  return { total: 0, byKind: zeroes(KIND_CODES), byLine: zeroes(LINE_CODES) };
}

/** Adds n cases of one kind x line cell; codes outside the lists (none are stored) are ignored. */
export function addToCounts(counts: CaseCounts, kind: string, line: string, n: number): void {
  counts.total += n;
  if (kind in counts.byKind) counts.byKind[kind as Kind] += n;
  if (line in counts.byLine) counts.byLine[line as Line] += n;
}
