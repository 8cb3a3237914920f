import { describe, expect, it } from 'vitest';
import { caseOfIncident, focusScope } from './focus-scope';

describe('the focus view of an incident', () => {
  it('looks at the smallest scope holding all its regions, a lone county within its city', () => {
    expect(focusScope(['420102', '420103'])).toBe('420100');
    expect(focusScope(['420102'])).toBe('420100');
    expect(focusScope(['420102', '420502'])).toBe('420000');
    expect(focusScope(['420102', '430102'])).toBe('national');
    expect(focusScope(['420000'])).toBe('420000');
    expect(focusScope([])).toBe('national');
  });

  it("keeps the scope's cases in the incident's regions and of its category", () => {
    const incident = { regionCodes: ['420102', '420500'], category: 'food' as const };
    expect(caseOfIncident({ regionCode: '420102', category: 'food' }, incident)).toBe(true);
    expect(caseOfIncident({ regionCode: '420502', category: 'food' }, incident)).toBe(true);
    expect(caseOfIncident({ regionCode: '420103', category: 'food' }, incident)).toBe(false);
    expect(caseOfIncident({ regionCode: '420102', category: 'tourism' }, incident)).toBe(false);
    expect(caseOfIncident({ regionCode: '420102', category: 'tourism' }, { ...incident, category: null })).toBe(true);
  });
});
