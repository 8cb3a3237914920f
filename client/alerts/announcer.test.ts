import { describe, expect, it } from 'vitest';
import type { AlertSummary } from '@shared/wall-events';
import { newHighAlerts } from './announcer';

const alert = (id: string, severity: AlertSummary['severity']) => ({ id, severity }) as AlertSummary;

describe('which alerts are announced', () => {
  it('only high-severity ones the wall has not seen as high', () => {
    const known = new Set(['old-high']);
    const alerts = [alert('old-high', 'high'), alert('new-high', 'high'), alert('new-medium', 'medium')];
    expect(newHighAlerts(known, alerts).map((a) => a.id)).toEqual(['new-high']);
  });
});
