import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from './scrub';
import { MAX_TERMS_PER_CASE, segmentableText, termsFromWords, TERM_STOP_WORDS } from './summary-terms';
import { termsOfSummaries, termsOfSummary } from './term-segmenter';

describe('termsFromWords', () => {
  it('keeps content words once, in order, and drops stop words, punctuation, numbers and single characters', () => {
    const words = ['我', '在', '某商家', '购买', '的', '电饭煲', '，', '3000', '元', '电饭煲', '要求', '退款', '。'];
    expect(termsFromWords(words)).toEqual(['购买', '电饭煲', '退款']);
  });

  it('keeps the allow-listed single characters and Latin model names, not other digits', () => {
    expect(termsFromWords(['有', '虫', '5g', 'x9', '2024年', '12', 'a', 'iphone15'])).toEqual([
      '虫',
      '5g',
      'x9',
      'iphone15',
    ]);
  });

  it('drops over-long words and caps the terms of one case', () => {
    expect(termsFromWords(['a'.repeat(17), 'ab'])).toEqual(['ab']);
    const many = Array.from({ length: 50 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}`);
    expect(termsFromWords(many)).toHaveLength(MAX_TERMS_PER_CASE);
  });

  it('ships a stop-word list', () => {
    expect(TERM_STOP_WORDS.has('要求')).toBe(true);
    expect(TERM_STOP_WORDS.size).toBeGreaterThan(100);
  });
});

describe('segmentableText', () => {
  it('blanks scrubber tokens and line breaks, folds full-width and Latin case', () => {
    expect(segmentableText('电话[手机号]\r\n ＡＢＣ１２').split(/\s+/)).toEqual(['电话', 'abc12']);
  });
});

describe('termsOfSummary (jieba with the user dictionary)', () => {
  it('keeps brands and products of the user dictionary whole', () => {
    const terms = termsOfSummary('佳谷电器电热水壶使用中突然冒烟起火，存在安全隐患。');
    expect(terms).toEqual(expect.arrayContaining(['佳谷电器', '电热水壶', '冒烟', '起火', '安全隐患']));
  });

  it('never indexes personal data: the scrubbed phone number leaves no term', () => {
    const summary = scrubPersonalData('在某超市购买的牛奶有异味，联系电话13800138000，邮箱 a.b@example.com');
    const terms = termsOfSummary(summary);
    expect(terms).toEqual(expect.arrayContaining(['超市', '牛奶', '异味']));
    expect(terms.join(' ')).not.toMatch(/\d{3}|手机号|邮箱|example/);
  });

  it('cuts a batch as one text with the same result as one by one', async () => {
    const summaries = [
      '在杭州星辰酒楼用餐后出现腹泻、呕吐等症状',
      '',
      '   ',
      '第一行\n第二行：健身年卡尚余3000元，商家突然停业闭店',
      '[姓名]投诉',
      'ＡＢＣ牌冰箱漏水',
    ];
    const batch = await termsOfSummaries(summaries);
    expect(batch).toEqual(summaries.map(termsOfSummary));
    expect(batch[0]).toEqual(expect.arrayContaining(['腹泻', '呕吐', '酒楼']));
    expect(batch[1]).toEqual([]);
    expect(batch[3]).toEqual(expect.arrayContaining(['健身年卡', '停业', '闭店']));
    expect(batch[4]).toEqual([]);
  });

  it('cuts a request of thousands of summaries in parts, each summary with its own terms', async () => {
    const summaries = Array.from({ length: 2_345 }, (_, i) =>
      i % 3 === 0 ? `第${i}位消费者反映酒楼就餐后腹泻呕吐` : i % 3 === 1 ? '' : `购买的羽绒服第${i}天严重褪色`,
    );
    const batch = await termsOfSummaries(summaries);
    expect(batch).toHaveLength(summaries.length);
    expect(batch).toEqual(summaries.map(termsOfSummary));
  });

  it('answers every one of many batches cut at once (they queue for two slots)', async () => {
    const batches = Array.from({ length: 9 }, (_, i) => [`购买的电饭煲第${i}次无法加热`, '羽绒服严重褪色']);
    const results = await Promise.all(batches.map((batch) => termsOfSummaries(batch)));
    expect(results).toEqual(batches.map((batch) => batch.map(termsOfSummary)));
    expect(results[0][1]).toEqual(['羽绒服', '褪色']);
  });
});
