import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '@shared/incidents';
import { OPENED_AT, incidentRecord } from '../../tests/helpers/incident-record';
import type { IncidentEvent } from './events';
import { foldIncidentLog, fromRow, toInsert } from './incident-log';

function event(
  type: IncidentEvent['type'],
  version: number,
  changes: Partial<IncidentRecord> = {},
  extra: Partial<IncidentEvent> = {},
): IncidentEvent {
  const at = new Date(Date.parse(OPENED_AT) + (version - 1) * 60_000).toISOString();
  return {
    type,
    at,
    actor: `director-${version}`,
    changed: type === 'reported' ? ['reported'] : ['status'],
    note: null,
    incident: incidentRecord({
      title: '预付卡门店集中关店',
      regionCodes: ['420102', '420103'],
      category: 'prepaid-cards',
      alertIds: ['a-1'],
      caseIds: ['c-1', 'c-2'],
      version,
      openedBy: 'director-1',
      updatedAt: at,
      updatedBy: `director-${version}`,
      ...changes,
    }),
    ...extra,
  };
}

describe('incident log', () => {
  it('folds to the last version and reads as a timeline, oldest first', () => {
    const verifiedAt = '2025-03-15T01:01:00.000Z';
    const { state, anomalies } = foldIncidentLog([
      event('reported', 1),
      event('transitioned', 2, { status: 'verified', verifiedAt }, { note: '电话核实属实' }),
      event(
        'revised',
        3,
        { status: 'verified', verifiedAt, severity: 'II', assignees: ['张三', '李四'] },
        { changed: ['severity', 'assignees'] },
      ),
      event(
        'noted',
        4,
        { status: 'verified', verifiedAt, severity: 'II', assignees: ['张三', '李四'] },
        { changed: [], note: '已通知区局' },
      ),
    ]);
    expect(anomalies).toEqual([]);
    expect(state.incidents.get('i-1')).toMatchObject({ version: 4, status: 'verified', severity: 'II' });
    expect(state.timelines.get('i-1')).toEqual([
      { at: OPENED_AT, actor: 'director-1', action: 'reported', to: 'reported' },
      { at: verifiedAt, actor: 'director-2', action: 'status', from: 'reported', to: 'verified', note: '电话核实属实' },
      { at: '2025-03-15T01:02:00.000Z', actor: 'director-3', action: 'severity', from: 'III', to: 'II' },
      { at: '2025-03-15T01:02:00.000Z', actor: 'director-3', action: 'assignees', to: '张三、李四' },
      { at: '2025-03-15T01:03:00.000Z', actor: 'director-4', action: 'note', note: '已通知区局' },
    ]);
  });

  it('reports a gap or a repeated row, keeping the newest whole state', () => {
    const { state, anomalies } = foldIncidentLog([
      event('reported', 1),
      event('transitioned', 3),
      event('transitioned', 2),
    ]);
    expect(state.incidents.get('i-1')?.version).toBe(3);
    expect(anomalies).toEqual([
      'incident i-1: transitioned v3 where v2 was due',
      'incident i-1: v2 again after v3, ignored',
    ]);
  });

  it('reads back what it writes (a row as the log query returns it)', () => {
    const written = event(
      'transitioned',
      2,
      {
        status: 'contained',
        verifiedAt: '2025-03-15T01:00:30.000Z',
        onSiteAt: '2025-03-15T01:00:40.000Z',
        containedAt: '2025-03-15T01:01:00.000Z',
        leadUnit: '武汉市市场监管局',
        description: '第一行\n第二行',
      },
      { note: '已控制' },
    );
    const row = toInsert(written);
    const ms = (text: string | null) => (text === null ? null : String(Date.parse(`${text.replace(' ', 'T')}Z`)));
    const read = fromRow({
      ...row,
      at_ms: ms(row.at)!,
      opened_at_ms: ms(row.opened_at)!,
      verified_at_ms: ms(row.verified_at),
      on_site_at_ms: ms(row.on_site_at),
      contained_at_ms: ms(row.contained_at),
      closed_at_ms: ms(row.closed_at),
      cancelled_at_ms: ms(row.cancelled_at),
    });
    expect(read).toEqual(written);
  });
});
