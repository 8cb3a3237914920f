// Chinese word segmentation of case summaries (jieba, @node-rs/jieba: its general dictionary plus
// our user dictionary of brands, products and complaint words, shared/refdata/term-dictionary.txt).
// One segmenter per process, loaded once: the dictionaries take about half a second to build, so
// the server loads them at start (loadTermSegmenter) rather than in its first ingest request.
//
// The ingest cuts a request's summaries as one text on the libuv thread pool (termsOfSummaries):
// one native call per request instead of a thousand, and the event loop stays free for parsing the
// next request meanwhile. Measured: tens of microseconds a summary (docs/benchmarks.md, Ingest).
import fs from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { readWordList, segmentableText, termsFromWords } from './summary-terms';

const USER_DICTIONARY = path.join(import.meta.dirname, '..', '..', 'shared', 'refdata', 'term-dictionary.txt');
/** HMM joins characters the dictionaries do not know into words: how a new product name is found. */
const USE_HMM = true;
/** Between summaries in a batch: the cleaned texts hold no line break, and jieba cuts one apart. */
const SEPARATOR = '\n';

let jieba: Jieba | undefined;

/** Builds the segmenter if not yet built (synchronous, about half a second). */
export function loadTermSegmenter(): Jieba {
  if (!jieba) {
    const segmenter = Jieba.withDict(dict);
    if (fs.existsSync(USER_DICTIONARY)) {
      segmenter.loadDict(Buffer.from(readWordList(USER_DICTIONARY).join('\n')));
    }
    jieba = segmenter;
  }
  return jieba;
}

/** The terms of one summary, cut on the calling thread. */
export function termsOfSummary(summary: string): string[] {
  const text = segmentableText(summary);
  return text === '' ? [] : termsFromWords(loadTermSegmenter().cut(text, USE_HMM));
}

/** The terms of each summary, cut as one text off the event loop. */
export async function termsOfSummaries(summaries: readonly string[]): Promise<string[][]> {
  if (summaries.length === 0) return [];
  const segmenter = loadTermSegmenter();
  const words = (await segmenter.cutAsync(summaries.map(segmentableText).join(SEPARATOR), USE_HMM)) as string[];
  const perSummary: string[][] = [[]];
  for (const word of words) {
    if (word === SEPARATOR) perSummary.push([]);
    else perSummary[perSummary.length - 1].push(word);
  }
  // should jieba ever merge or drop a separator, the batch's alignment is lost: cut one by one
  if (perSummary.length !== summaries.length) return summaries.map(termsOfSummary);
  return perSummary.map(termsFromWords);
}
