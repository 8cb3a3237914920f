import { describe, expect, it } from 'vitest';
import { fontFacesFor } from './report-fonts';
import { changeText, pointsText } from './report-text';

const facesOf = (css: string) => css.split('@font-face').length - 1;

describe('the report embeds only the Noto Sans SC files its characters need', () => {
  it('embeds data URLs, never a URL to fetch', () => {
    const css = fontFacesFor('12315 分析报告', '分析');
    expect(facesOf(css)).toBeGreaterThan(0);
    expect(css).not.toMatch(/url\((?!data:font\/woff2;base64,)/);
  });

  it('takes bold files only for the bold text, and more files for more characters', () => {
    const latin = fontFacesFor('Totals', '');
    expect(latin).not.toContain('font-weight:700');
    expect(facesOf(fontFacesFor('Totals', 'Totals'))).toBe(2 * facesOf(latin));
    expect(facesOf(fontFacesFor('Totals 挽回经济损失 按时办结率 某某健身会所', ''))).toBeGreaterThan(facesOf(latin));
  });
});

describe('changes', () => {
  it('says no data when there is nothing to compare with, and never 0', () => {
    expect(changeText(40, null, 'no data', 'n/a')).toBe('no data');
    expect(changeText(40, 0, 'no data', 'n/a')).toBe('n/a');
    expect(changeText(40, 8, 'no data', 'n/a')).toBe('+400.0%');
    expect(changeText(6, 8, 'no data', 'n/a')).toBe('-25.0%');
    expect(pointsText(0.9, 0.95, true, 'no data', 'n/a')).toBe('-5.0 pp');
    expect(pointsText(0.9, null, true, 'no data', 'n/a')).toBe('n/a');
    expect(pointsText(0.9, null, false, 'no data', 'n/a')).toBe('no data');
  });
});
