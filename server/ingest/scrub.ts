// Removes personal data from free text before it is stored: the store holds no consumer names, phone,
// ID or bank card numbers, nor e-mail addresses. Each kind of datum becomes a token ([手机号]...), and
// everything else is kept exactly as written. Rules run in order on the text the previous rule left:
// e-mail first (its digits would look like a phone number), then numbers, then names. The rules read
// a half-width view of the text, so full-width digits (１３８...) and ＋８６ are found like ASCII ones.
// Every rule is linear in the text: a summary of any length is scrubbed in one pass per rule.
import { findNames } from './scrub-names';
import { findPersonalNumbers } from './scrub-numbers';
import { replaceSpans, toHalfWidth, type Span } from './scrub-spans';

const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
/** The domain after an @, matched on at most 253 characters (the longest domain name). */
const EMAIL_DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** E-mail addresses, found from each @ outwards, never reading a character twice. */
export function findEmails(text: string): Span[] {
  const spans: Span[] = [];
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', Math.max(at + 1, lastEnd))) {
    let start = at;
    while (start > lastEnd && at - start < 64 && EMAIL_LOCAL.test(text[start - 1])) start--;
    // a local part does not begin with a dot or a dash: those belong to the text before
    while (start < at && '.-+'.includes(text[start])) start++;
    const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 254));
    if (start === at || !domain) continue;
    lastEnd = at + 1 + domain[0].length;
    spans.push({ start, end: lastEnd, token: '[邮箱]' });
  }
  return spans;
}

const RULES: ReadonlyArray<(halfWidth: string) => Span[]> = [findEmails, findPersonalNumbers, findNames];

export function scrubPersonalData(text: string): string {
  let result = text;
  // the tokens read the same in both, so the half-width view is kept in step rather than rebuilt
  let halfWidth = toHalfWidth(text);
  for (const find of RULES) {
    const spans = find(halfWidth);
    if (spans.length === 0) continue;
    result = replaceSpans(result, spans);
    halfWidth = replaceSpans(halfWidth, spans);
  }
  return result;
}
