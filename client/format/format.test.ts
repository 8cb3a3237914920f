import { describe, expect, it } from 'vitest';
import { messagesFor } from '@client/i18n';
import {
  beijingDate,
  beijingHourMinute,
  beijingTime,
  digitGroups,
  formatAge,
  formatCount,
  formatSignedPercent,
  formatYuan,
  relativeChange,
} from './format';

describe('format', () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(digitGroups(1234567)).toEqual(['1', '234', '567']);
    expect(digitGroups(12345).join('')).toBe('12345');
    expect(digitGroups(0)).toEqual(['0']);
  });

  it('compares with a base, and says nothing without one', () => {
    expect(relativeChange(110, 100)).toEqual({ ratio: 0.1, direction: 'up' });
    expect(relativeChange(90, 100)?.direction).toBe('down');
    expect(relativeChange(5, 0)).toBeNull();
    expect(formatSignedPercent(0.1234)).toBe('+12.3%');
    expect(formatSignedPercent(-0.05)).toBe('−5.0%');
    expect(formatSignedPercent(0)).toBe('±0.0%');
  });

  it('reads amounts in 万 and 亿, or k/M/bn', () => {
    expect(formatYuan(440_000_000, 'zh')).toEqual({ value: '4.40', unit: '亿元' });
    expect(formatYuan(56_000, 'zh')).toEqual({ value: '5.6', unit: '万元' });
    expect(formatYuan(800, 'zh')).toEqual({ value: '800', unit: '元' });
    expect(formatYuan(5_550_000_000, 'en')).toEqual({ value: '¥5.55', unit: 'bn' });
  });

  it('tells time in Beijing whatever the display time zone', () => {
    const ms = Date.parse('2026-03-14T16:05:09Z'); // 00:05:09 on the 15th in Beijing
    expect(beijingHourMinute(ms)).toBe('00:05');
    expect(beijingTime(ms)).toBe('00:05:09');
    expect(beijingDate(ms, 'zh')).toBe('2026-03-15 周日');
    expect(beijingDate(ms, 'en')).toBe('2026-03-15 Sun');
  });

  it('says how old data is', () => {
    const zh = messagesFor('zh');
    expect(formatAge(1500, zh)).toBe('1 秒前');
    expect(formatAge(5 * 60_000, zh)).toBe('5 分钟前');
    expect(formatAge(3 * 3600_000, messagesFor('en'))).toBe('3 h ago');
  });
});
