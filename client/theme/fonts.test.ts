import { describe, expect, it } from 'vitest';
import { regionVocabulary, wallVocabulary } from './fonts';

describe('wall font vocabulary', () => {
  it('holds every character of the code labels and messages, once', () => {
    const text = wallVocabulary();
    for (const ch of '电话语音留言家用电器暂无热点预警连接中断自秒前0123456789') expect(text).toContain(ch);
    expect(new Set(text).size).toBe([...text].length);
  });

  it('holds every character of the region names the feed and labels may show', () => {
    const text = regionVocabulary();
    for (const ch of '垦利区湖北省武汉市新疆维吾尔自治区') expect(text).toContain(ch);
    expect(new Set(text).size).toBe([...text].length);
  });
});
