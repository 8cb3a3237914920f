import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from './scrub';

describe('scrubPersonalData', () => {
  it.each([
    ['联系电话13812345678请回电', '联系电话[手机号]请回电'],
    ['手机 +86 138-1234-5678', '手机 [手机号]'],
    ['call 86 13912345678 now', 'call [手机号] now'],
    ['座机010-87654321', '座机[电话]'],
    ['座机 (0755) 12345678 转 123', '座机 [电话]'],
    ['电话0571 8888888', '电话[电话]'],
    ['身份证42010219900307123X已提供', '身份证[身份证号]已提供'],
    ['身份证号 110101199003071234', '身份证号 [身份证号]'],
    ['姓名：张三，反映问题', '姓名：[姓名]，反映问题'],
    ['投诉人 欧阳小明 称', '投诉人 [姓名] 称'],
    ['王女士来电反映', '某女士来电反映'],
    ['邮箱 zhang.san@example.com.cn 联系', '邮箱 [邮箱] 联系'],
  ])('scrubs %s', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it('keeps hotline numbers, amounts, dates and order numbers that are not personal data', () => {
    const text = '拨打12315投诉, 订单号20260315, 金额1999元, 2026-03-15 购买';
    expect(scrubPersonalData(text)).toBe(text);
  });

  it('does not take an 11-digit run inside a longer number for a phone', () => {
    expect(scrubPersonalData('快递单号 7713812345678901')).toBe('快递单号 7713812345678901');
  });
});
