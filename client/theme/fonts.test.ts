import { describe, expect, it } from 'vitest';
import { wallVocabulary } from './fonts';

describe('wall font vocabulary', () => {
  it('holds every character of the code labels and messages, once', () => {
    const text = wallVocabulary();
    for (const ch of '电话语音留言家用电器暂无热点预警连接中断自秒前0123456789') expect(text).toContain(ch);
    expect(new Set(text).size).toBe([...text].length);
  });
});
