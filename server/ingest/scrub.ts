// Removes personal data from free text before it is stored: the store holds no consumer names or
// phone numbers. Order matters: ID-card numbers (18 digits) before phone numbers, which would match
// their middle; e-mail before anything else that could split it.

const RULES: ReadonlyArray<[RegExp, string]> = [
  // e-mail addresses
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[邮箱]'],
  // resident ID card: 6-digit area, birth date 18xx-20xx, 3 digits, check digit or X (also with spaces)
  [/(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g, '[身份证号]'],
  // mainland mobile: 1[3-9]x xxxx xxxx, optional +86 / 86, separators of space or dash
  [/(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9])/g, '[手机号]'],
  // landline: area code 0xx or 0xxx, then 7-8 digits, optional extension; also (0xx) form
  [/(?<![0-9])(?:\(0\d{2,3}\)|0\d{2,3})[ -]?\d{7,8}(?:[ -]?(?:转|ext\.?|-)\s?\d{1,6})?(?![0-9])/gi, '[电话]'],
  // a name after a label: 姓名：张三, 联系人 李四, 投诉人:王小明
  [/(姓名|联系人|投诉人|举报人|消费者|当事人)([:：]?\s*)[\u4e00-\u9fa5]{2,4}/g, '$1$2[姓名]'],
  // a surname with a form of address: 王先生, 欧阳女士 -> 某先生
  [/[\u4e00-\u9fa5]{1,2}(先生|女士|小姐)/g, '某$1'],
  // the hotlines themselves are not personal data: nothing to do for 12315/12345 (5 digits)
];

export function scrubPersonalData(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}
