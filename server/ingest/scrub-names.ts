// Finds consumers' names: a name after a label (姓名：张三, 联系人 李四, 我叫王五) and a surname before
// a form of address (王女士 -> 某女士). Ordinary words must survive, so that the complaint itself
// still reads (消费者反映商品质量问题 keeps every word): without a colon, a label is only followed by a
// name when a common surname comes next and the name ends where a name ends (punctuation, the end,
// or a word such as 反映/称/来电). Every match is read at most a few characters on: linear.
import type { Span } from './scrub-spans';

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '端木',
  '轩辕',
  '西门',
  '南宫',
  '独孤',
  '百里',
];
export const COMMON_SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤于高常';
/** Surnames that also begin everyday words (于是, 高度, 方便, 马上...): taken for a name only after a colon. */
const WORDLIKE_SURNAMES = '于高方向万常金石白马江程任史严武龙田';

const LABEL = /(姓名|联系人|投诉人|举报人|消费者|当事人|申请人|收货人|收件人|来电人|持卡人|名叫|我叫)(:?)[ \t]{0,3}/g;
const TITLES = ['先生', '女士', '小姐'];
/** Words that follow a name in a complaint; a name ends before them. */
const WORDS_AFTER_NAME = ['反映', '来电', '投诉', '举报', '表示', '要求', '购买', '致电', '通过', '同志', ...TITLES];
const CHARS_AFTER_NAME = '称说在于的与和向因对等是已从到去把被将也又就再都及';

const TITLED = new RegExp(`(?:${COMPOUND_SURNAMES.join('|')}|[${COMMON_SURNAMES}])(?=${TITLES.join('|')})`, 'g');

const isHan = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff';
const COMPOUNDS = new Set(COMPOUND_SURNAMES);
const TITLE_SET = new Set(TITLES);
const WORDS_AFTER = new Set(WORDS_AFTER_NAME);
/** every word in these lists is two characters long */
const startsWithAny = (text: string, at: number, words: ReadonlySet<string>) => words.has(text.slice(at, at + 2));

function endsName(text: string, at: number): boolean {
  return !isHan(text[at]) || CHARS_AFTER_NAME.includes(text[at]) || startsWithAny(text, at, WORDS_AFTER);
}

function surnameLength(text: string, at: number, afterColon: boolean): number {
  if (startsWithAny(text, at, COMPOUNDS)) return 2;
  const c = text[at];
  if (COMMON_SURNAMES.includes(c) && (afterColon || !WORDLIKE_SURNAMES.includes(c))) return 1;
  return afterColon && isHan(c) ? 1 : 0;
}

/** The length of the name starting at `at`, or 0. */
function nameLength(text: string, at: number, afterColon: boolean): number {
  // 消费者反映...: a label followed by what it says, not by a name
  if (!isHan(text[at]) || startsWithAny(text, at, WORDS_AFTER)) return 0;
  const surname = surnameLength(text, at, afterColon);
  // 王女士 is the form of address, left to the TITLED rule
  if (surname === 0 || startsWithAny(text, at + surname, TITLE_SET) || startsWithAny(text, at + 1, TITLE_SET)) return 0;
  for (let length = surname + 1; length <= surname + 2; length++) {
    if (!isHan(text[at + length - 1])) break;
    if (endsName(text, at + length)) return length;
  }
  // after a colon a name is expected: when it runs on into other words, take the usual 3 characters
  if (!afterColon) return 0;
  let han = 0;
  while (han < 3 && isHan(text[at + han])) han++;
  return han >= 2 ? han : 0;
}

export function findNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(LABEL)) {
    // 被投诉人/被举报人 is the business complained about, not a person to protect
    if (text[match.index - 1] === '被') continue;
    const at = match.index + match[0].length;
    const length = nameLength(text, at, match[2] === ':');
    if (length > 0) spans.push({ start: at, end: at + length, token: '[姓名]' });
  }
  // most texts hold no form of address: three substring searches instead of the pattern at every character
  if (TITLES.some((title) => text.includes(title)))
    for (const match of text.matchAll(TITLED))
      spans.push({ start: match.index, end: match.index + match[0].length, token: '某' });
  spans.sort((a, b) => a.start - b.start);
  // a surname inside a labelled name (联系人：王小林女士) is already covered
  return spans.filter((span, i) => i === 0 || span.start >= spans[i - 1].end);
}
