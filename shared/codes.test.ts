import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUS_CODES, TERMINAL_STATUSES, isOpenStatus } from './codes';

// Schema SQL cannot import TypeScript, and an applied migration is never edited: the lists it spells
// out must be the one list the server passes to its queries, or open counts and the feed disagree.
const SQL_SPELLING_TERMINAL = ['server/migrations/0004_open_cases.sql', 'server/migrations/0005_activity_hour.sql'];

describe('terminal statuses', () => {
  it('are known statuses, and every other status is open', () => {
    for (const status of TERMINAL_STATUSES) expect(STATUS_CODES).toContain(status);
    expect(STATUS_CODES.filter(isOpenStatus)).toEqual(STATUS_CODES.filter((s) => !TERMINAL_STATUSES.includes(s)));
  });

  it('are spelt in the migrations exactly as in shared/codes.ts', () => {
    const expected = `(${TERMINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;
    for (const file of SQL_SPELLING_TERMINAL) {
      const lists = fs.readFileSync(file, 'utf8').match(/status\s+(?:NOT\s+)?IN\s+\([^)]*\)/g) ?? [];
      expect(lists.length, file).toBeGreaterThan(0);
      for (const list of lists) expect(list.replace(/^.*?IN\s+/, ''), file).toBe(expected);
    }
  });
});
