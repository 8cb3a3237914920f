import { describe, expect, it } from 'vitest';
import type { Notice } from '@shared/notices';
import type { NoticeEvent } from './events';
import { foldNoticeLog, fromRow, toInsert } from './notice-log';

const POSTED_AT = '2025-03-15T01:00:00.000Z';

function event(type: NoticeEvent['type'], version: number, changes: Partial<Notice> = {}, id = 'n-1'): NoticeEvent {
  const at = new Date(Date.parse(POSTED_AT) + (version - 1) * 60_000).toISOString();
  return {
    type,
    at,
    actor: `operator-${version}`,
    changed: type === 'posted' ? ['scope', 'text', 'expiresAt', 'withdrawn'] : ['text'],
    notice: {
      id,
      scope: 'national',
      text: `v${version}`,
      expiresAt: null,
      withdrawn: false,
      version,
      postedAt: POSTED_AT,
      postedBy: 'operator-1',
      updatedAt: at,
      updatedBy: `operator-${version}`,
      ...changes,
    },
  };
}

describe('notice log', () => {
  it('folds each notice to its last version, with nothing to report for a whole log', () => {
    const { notices, anomalies } = foldNoticeLog([
      event('posted', 1),
      event('revised', 2),
      event('withdrawn', 3, { withdrawn: true }),
      event('posted', 1, {}, 'n-2'),
    ]);
    expect(anomalies).toEqual([]);
    expect(notices.get('n-1')).toMatchObject({ version: 3, text: 'v3', withdrawn: true, updatedBy: 'operator-3' });
    expect(notices.get('n-2')?.version).toBe(1);
  });

  it('reports a gap or a repeated row, keeping the newest whole state rather than losing the notice', () => {
    const { notices, anomalies } = foldNoticeLog([event('revised', 2), event('revised', 4), event('revised', 3)]);
    expect(notices.get('n-1')?.version).toBe(4);
    expect(anomalies).toEqual([
      'notice n-1: revised v2 where v1 was due',
      'notice n-1: revised v4 where v3 was due',
      'notice n-1: v3 again after v4, ignored',
    ]);
  });

  it('reads back what it writes (a row as the log query returns it)', () => {
    const written = event('revised', 2, { expiresAt: '2025-03-15T10:00:00.000Z', scope: '420000' });
    const row = toInsert(written);
    const toMs = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);
    const read = fromRow({
      ...row,
      at_ms: toMs(row.at),
      expires_at_ms: row.expires_at === null ? null : toMs(row.expires_at),
      posted_at_ms: toMs(row.posted_at),
    });
    expect(read).toEqual(written);
  });
});
