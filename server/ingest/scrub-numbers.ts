// Finds the personal numbers in free text: mobile and landline numbers, resident ID numbers and bank
// card numbers. The text is read as runs of digit groups (a group is unbroken digits; groups are
// joined by one or two of space, dash or brackets), and a span of whole consecutive groups is
// replaced when its digits are one of those numbers. Unbroken digits are never split, so a phone
// number is not found inside a longer order number; and an unlabelled 15-19-digit run is only taken
// for an ID or a card when its check digit is right, so order and tracking numbers survive.
// One pass over the text, and at most MAX_DIGITS digits of groups tried from each group: linear.
import type { Span } from './scrub-spans';

/** The longest number looked for: a 19-digit card. */
const MAX_DIGITS = 19;
/** The shortest: a 7-digit local landline number after a phone label. */
const MIN_DIGITS = 7;
const SEPARATORS = ' -()\t';

interface Group {
  start: number;
  end: number;
  digits: string;
  /** an X (ID check digit) straight after the digits, which then end the run */
  checkX: boolean;
}

// A number right after its label is taken whatever its check digit (a mistyped ID is still personal).
const ID_LABEL = /(?:身份证|证件)(?:号码|号)?[:\s]{0,3}$/;
const CARD_LABEL = /(?:银行卡|信用卡|借记卡|卡号|账号|帐号|账户|帐户)(?:号码|号)?[:\s]{0,3}$/;
const PHONE_LABEL = /(?:电话|手机|座机|固话|联系方式|tel|phone|mobile)(?:号码|号)?[:\s]{0,3}$/i;
const EXTENSION = /^ ?(?:转|分机|ext\.?|-) ?\d{1,6}(?!\d)/i;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const PROVINCES = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;
const MONTH_DAY = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const ID_18 = new RegExp(`^\\d{6}(?:18|19|20)\\d{2}${MONTH_DAY}\\d{3}[\\dX]$`);
const ID_15 = new RegExp(`^\\d{6}\\d{2}${MONTH_DAY}\\d{3}$`);

/** By code unit: indexing a string of Chinese text would make a new one-character string each time. */
function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

function idCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ID_WEIGHTS[i] * Number(digits[i]);
  return '10X98765432'[sum % 11];
}

export function isResidentId(id: string, labelled: boolean): boolean {
  if (!PROVINCES.test(id)) return false;
  if (id.length === 15) return ID_15.test(id);
  return id.length === 18 && ID_18.test(id) && (labelled || idCheckDigit(id) === id[17]);
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const MOBILE = /^1[3-9]\d{9}$/;
// 010 and 02x are followed by 8 digits; the other area codes (4 digits with the 0) by 7 or 8
const LANDLINE = /^0(?:[12]\d{9}|[3-9]\d{9,10})$/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;
const isMobile = (d: string) => MOBILE.test(d);
const isLandline = (d: string) => LANDLINE.test(d);

interface Context {
  /** the run starts with + */
  plus: boolean;
  /** the text before the run ends with one of the labels */
  idLabel: boolean;
  cardLabel: boolean;
  phoneLabel: boolean;
}

function classify(digits: string, checkX: boolean, ctx: Context): string | null {
  const n = digits.length;
  if (n <= 8) return ctx.phoneLabel && LOCAL_NUMBER.test(digits) ? '[电话]' : null;
  if (checkX && n === 17 && isResidentId(`${digits}X`, ctx.idLabel)) return '[身份证号]';
  if ((n === 15 || n === 18) && isResidentId(digits, ctx.idLabel)) return '[身份证号]';
  if (n >= 16) return digits[0] !== '0' && (ctx.cardLabel || passesLuhn(digits)) ? '[银行卡号]' : null;
  let national = digits;
  let international = false;
  if (digits.startsWith('0086')) [national, international] = [digits.slice(4), true];
  else if (digits.startsWith('86') && (ctx.plus || isMobile(digits.slice(2))))
    [national, international] = [digits.slice(2), ctx.plus];
  if (isMobile(national)) return '[手机号]';
  // after +86 a landline drops the 0 of its area code
  if (international ? national[0] !== '0' && isLandline(`0${national}`) : isLandline(national)) return '[电话]';
  return null;
}

/** The digit groups of the run starting at `start` (a digit). */
function readRun(text: string, start: number): Group[] {
  const groups: Group[] = [];
  let i = start;
  for (;;) {
    const groupStart = i;
    while (isDigitAt(text, i)) i++;
    const checkX = text[i] === 'X' || text[i] === 'x';
    groups.push({ start: groupStart, end: i, digits: text.slice(groupStart, i), checkX });
    if (checkX) break;
    let sep = 0;
    while (sep < 2 && i + sep < text.length && SEPARATORS.includes(text[i + sep])) sep++;
    if (sep === 0 || !isDigitAt(text, i + sep)) break;
    i += sep;
  }
  return groups;
}

/** Brackets and a + just before the run belong to the number: "(0755)", "+86". */
function prefixStart(text: string, start: number): number {
  let s = start;
  while (s > start - 2 && (text[s - 1] === '+' || text[s - 1] === '(')) s--;
  return s;
}

function contextBefore(text: string, runStart: number): Omit<Context, 'plus'> {
  const before = text.slice(Math.max(0, runStart - 12), runStart);
  return { idLabel: ID_LABEL.test(before), cardLabel: CARD_LABEL.test(before), phoneLabel: PHONE_LABEL.test(before) };
}

function scrubRun(text: string, groups: Group[], runStart: number, spans: Span[]): void {
  const runDigits = groups.map((g) => g.digits).join('');
  // prices, dates and counts: too short for any personal number
  if (runDigits.length < MIN_DIGITS) return;
  const labels = contextBefore(text, runStart);
  const atRunStart = { ...labels, plus: text.slice(runStart, groups[0].start).includes('+') };
  const inRun = { ...labels, plus: false };
  const offsets = [0];
  for (const g of groups) offsets.push(offsets[offsets.length - 1] + g.digits.length);
  let i = 0;
  while (i < groups.length) {
    const ctx = i === 0 ? atRunStart : inRun;
    let best: { last: number; token: string; digits: number } | null = null;
    for (let j = i; j < groups.length; j++) {
      // inside a number every group but the first and last has 3 or more digits ("2026-03-15" is a
      // date), except the area code after +86: "+86 10 8765 4321"
      const middle = groups[j - 1];
      if (j > i + 1 && middle.digits.length < 3 && !(ctx.plus && j - 1 === 1)) break;
      // slices of one flat string: cheaper to test than a string grown by +=
      const digits = runDigits.slice(offsets[i], offsets[j + 1]);
      if (digits.length > MAX_DIGITS) break;
      if (digits.length < MIN_DIGITS) continue;
      const token = classify(digits, groups[j].checkX && j === groups.length - 1, ctx);
      if (token) best = { last: j, token, digits: digits.length };
    }
    if (!best) {
      i++;
      continue;
    }
    const start = i === 0 ? runStart : groups[i].start;
    const withX = best.token === '[身份证号]' && best.digits === 17;
    let end = groups[best.last].end + (withX ? 1 : 0);
    if (text[start] === '(' && text[end] === ')') end++;
    if (best.token === '[电话]') end += EXTENSION.exec(text.slice(end, end + 12))?.[0].length ?? 0;
    spans.push({ start, end, token: best.token });
    while (i < groups.length && groups[i].start < end) i++;
  }
}

/** Spans of personal numbers in `text` (already half-width: see toHalfWidth). */
export function findPersonalNumbers(text: string): Span[] {
  const spans: Span[] = [];
  const runStart = /[0-9]/g;
  for (let match = runStart.exec(text); match; match = runStart.exec(text)) {
    const groups = readRun(text, match.index);
    scrubRun(text, groups, prefixStart(text, match.index), spans);
    runStart.lastIndex = groups[groups.length - 1].end + 1;
  }
  return spans;
}
