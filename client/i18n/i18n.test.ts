import { describe, expect, it } from 'vitest';
import { CATEGORIES, KINDS } from '@shared/codes';
import { WALL_ERROR_CODES } from '@shared/wall-errors';
import { codeLabel, locale, messages, messagesFor, parseLocale, wallErrorText } from './index';

/** The keys of a message tree, as dotted paths; functions count as leaves. */
function keyPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keyPaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('i18n', () => {
  it('has the same keys in both languages, none empty', () => {
    const zhKeys = keyPaths(messagesFor('zh')).sort();
    expect(keyPaths(messagesFor('en')).sort()).toEqual(zhKeys);
    for (const lang of ['zh', 'en'] as const) {
      const walk = (tree: object): void => {
        for (const value of Object.values(tree)) {
          if (typeof value === 'string') expect(value.trim()).not.toBe('');
          else if (value && typeof value === 'object') walk(value as object);
        }
      };
      walk(messagesFor(lang));
    }
  });

  it('defaults to Chinese and switches with ?lang=en', () => {
    expect(parseLocale(null)).toBe('zh');
    expect(parseLocale('fr')).toBe('zh');
    expect(parseLocale('en')).toBe('en');
    expect(parseLocale('en-GB')).toBe('en');
    locale.value = 'zh';
    expect(messages.value.empty.alerts).toBe('暂无热点预警');
    locale.value = 'en';
    expect(messages.value.empty.alerts).toBe('No hot-issue alerts');
    expect(messages.value.connection.lostSince('09:05')).toBe('Connection lost since 09:05');
    locale.value = 'zh';
    expect(messages.value.connection.lostSince('09:05')).toBe('连接中断 自 09:05');
  });

  it('labels codes from shared/codes.ts in the current language', () => {
    locale.value = 'zh';
    expect(codeLabel(KINDS, 'complaint')).toBe('投诉');
    expect(codeLabel(CATEGORIES, 'prepaid-cards', 'en')).toBe('Prepaid cards');
    expect(codeLabel(CATEGORIES, 'not-a-code')).toBe('not-a-code');
  });

  it('says every wall error code in both languages, and passes unknown text through', () => {
    for (const code of WALL_ERROR_CODES) {
      expect(wallErrorText(code, 'zh')).not.toBe(code);
      expect(wallErrorText(code, 'en')).not.toBe(code);
      expect(wallErrorText(code, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(wallErrorText('token-invalid', 'zh')).toBe('令牌无效或已被撤销');
    expect(wallErrorText('some older server sentence', 'zh')).toBe('some older server sentence');
  });
});
