// The committed shared/refdata/term-dictionary.txt is what scripts/build-term-dictionary.ts makes from
// its sources now: a brand, product or complaint word added to a source but not regenerated fails here.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TERM_DICTIONARY_FILE, termDictionaryEntries, termDictionaryText } from './build-term-dictionary';

describe('shared/refdata/term-dictionary.txt', () => {
  it('is up to date with its sources (npx tsx scripts/build-term-dictionary.ts)', () => {
    expect(fs.readFileSync(TERM_DICTIONARY_FILE, 'utf8')).toBe(termDictionaryText());
  });

  it('holds brands, scenario products and complaint words, each once, never a single character', () => {
    const entries = termDictionaryEntries();
    expect(entries).toEqual(expect.arrayContaining(['电热水壶', '健身年卡', '跑路', '食物中毒', '家用电器']));
    expect(entries.some((word) => word.endsWith('电器') && word !== '家用电器')).toBe(true);
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.every((word) => [...word].length >= 2 && !/\s/.test(word))).toBe(true);
  });
});
