// Which words of a segmented summary count as its terms (the emerging-terms detector counts cases
// per term). A term says what a complaint is about: a product, a brand, a defect, a practice. Kept:
// words of two or more characters with a letter in them (Han or Latin), a few single characters that
// name a hazard, Latin model names with digits (5g, x9). Dropped: stop words
// (shared/refdata/term-stopwords.txt), punctuation, numbers, words longer than MAX_TERM_CHARS, and
// the scrubber's tokens ([手机号]...), so personal data never reaches the term index even as a label.
import fs from 'node:fs';
import path from 'node:path';

/** A case adds at most this many terms to the rollup: a 2,000-character summary must not cost 500 rows. */
export const MAX_TERMS_PER_CASE = 32;
/** Longer "words" are run-on Latin, URLs or codes, not terms. */
export const MAX_TERM_CHARS = 16;

/** Single characters that are a complaint's subject on their own (火 in 起了火, 虫 in 有虫). */
const SINGLE_CHAR_TERMS: ReadonlySet<string> = new Set([
  '火',
  '烟',
  '毒',
  '虫',
  '霉',
  '锈',
  '蛆',
  '药',
  '酒',
  '奶',
  '油',
]);

const STOP_WORDS_FILE = path.join(import.meta.dirname, '..', '..', 'shared', 'refdata', 'term-stopwords.txt');

export function readWordList(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export const TERM_STOP_WORDS: ReadonlySet<string> = new Set(readWordList(STOP_WORDS_FILE));

/** The scrubber's replacement tokens: [手机号], [姓名]... (server/ingest/scrub*.ts) */
const SCRUB_TOKEN = /\[\p{Script=Han}{2,6}\]/gu;
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

/**
 * The text the segmenter reads: full-width letters and digits made half-width (NFKC), Latin in
 * lower case, the scrubber's tokens and line breaks blanked (a batch is cut as one text, one
 * summary a line).
 */
export function segmentableText(summary: string): string {
  return summary.normalize('NFKC').toLowerCase().replace(SCRUB_TOKEN, ' ').replace(LINE_BREAKS, ' ').trim();
}

const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{Nd}/u;
const LATIN_MODEL = /^[a-z0-9]{2,8}$/;

function isTerm(word: string): boolean {
  // UTF-16 units: a Han character outside the BMP counts twice, which no rule here minds
  const chars = word.length;
  if (chars > MAX_TERM_CHARS || !HAS_LETTER.test(word)) return false;
  // numbers are amounts, dates and counts; a Latin model name (5g, x9) is the exception
  if (HAS_DIGIT.test(word) && !LATIN_MODEL.test(word)) return false;
  if (chars === 1) return SINGLE_CHAR_TERMS.has(word);
  return !TERM_STOP_WORDS.has(word);
}

/**
 * Each word's verdict, remembered: words follow Zipf's law, so a few thousand of them make up most
 * of every summary, and the rules above cost as much as the segmentation itself (measured: 5-10 µs
 * a 60-character summary without this, against about 10 µs for jieba's cut).
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 100_000;

function isTermRemembered(word: string): boolean {
  let verdict = verdicts.get(word);
  if (verdict === undefined) {
    verdict = isTerm(word);
    // a flood of one-off words (codes, typos) starts the memory afresh rather than growing it
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(word, verdict);
  }
  return verdict;
}

/** The distinct terms among a summary's words, in the order they first appear, at most MAX_TERMS_PER_CASE. */
export function termsFromWords(words: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const word of words) {
    // jieba returns whitespace as words of its own and never pads a word with it
    if (terms.has(word) || !isTermRemembered(word)) continue;
    terms.add(word);
    if (terms.size === MAX_TERMS_PER_CASE) break;
  }
  return [...terms];
}
