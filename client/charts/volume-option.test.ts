import { describe, expect, it } from 'vitest';
import { messagesFor } from '@client/i18n';
import { volumeOption, volumePoints } from './volume-option';

const series = { start: '2026-03-15T02:00:00.000Z', stepMs: 60_000, current: [4, NaN, 6, 2], baseline: [5, 5, 5, 5] };
const start = Date.parse(series.start);

describe('volume chart', () => {
  it('keeps never-received minutes as gaps and leaves out minutes not over yet', () => {
    expect(volumePoints(series, series.current)).toHaveLength(4);
    expect(volumePoints(series, series.current)[1][1]).toBeNaN();
    expect(volumePoints(series, series.current, start + 3 * 60_000).map(([t]) => t)).toEqual([
      start,
      start + 60_000,
      start + 120_000,
    ]);
  });

  it('draws today without the minute under way, and the whole baseline', () => {
    const option = volumeOption(series, 1, messagesFor('zh')) as { series: { data: unknown[] }[] };
    const [baseline, current] = option.series;
    expect(baseline.data).toHaveLength(4);
    expect(current.data).toHaveLength(3);
  });
});
