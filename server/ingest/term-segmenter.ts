// Chinese word segmentation of case summaries (jieba, @node-rs/jieba: its general dictionary plus
// our user dictionary of brands, products and complaint words, shared/refdata/term-dictionary.txt).
// One segmenter per process, loaded once: the dictionaries take about half a second to build, so
// the server loads them at start (loadTermSegmenter) rather than in its first ingest request.
//
// The ingest cuts a request's summaries as one text on the libuv thread pool (termsOfSummaries):
// one native call per request instead of a thousand, and the event loop stays free for parsing the
// next request meanwhile. At most CUT_SLOTS cuts run at once: the thread pool has four threads and
// the embedded ClickHouse's inserts and queries wait for one too. Measured: tens of microseconds a
// summary (docs/benchmarks.md, "Word segmentation").
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

/** Cuts on the thread pool at once; more would only queue the engine's work behind ours on two cores. */
const CUT_SLOTS = 2;

let jieba: Jieba | undefined;
let cutsRunning = 0;
const waitingForSlot: Array<() => void> = [];

async function inCutSlot<T>(cut: () => Promise<T>): Promise<T> {
  if (cutsRunning < CUT_SLOTS) cutsRunning += 1;
  // a finishing cut hands its slot straight to the next in line: the count never overshoots
  else await new Promise<void>((resolve) => waitingForSlot.push(resolve));
  try {
    return await cut();
  } finally {
    const next = waitingForSlot.shift();
    if (next) next();
    else cutsRunning -= 1;
  }
}

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

/**
 * Summaries cut in one native call. The words come back to the event loop as one JS array built on
 * it: 10,000 summaries in one call made about 300,000 strings at once, a 90-120 ms stall.
 */
const SUMMARIES_PER_CUT = 1_000;

/**
 * Where a batch is cut: `pool` on the libuv thread pool, off the event loop (the words still come
 * back to it); `here` on the calling thread, for a thread of its own (an ingest thread, ingest-threads.ts).
 */
export type CutWhere = 'pool' | 'here';

/** The terms of each summary, SUMMARIES_PER_CUT summaries a call. */
export async function termsOfSummaries(summaries: readonly string[], where: CutWhere = 'pool'): Promise<string[][]> {
  const terms: string[][] = [];
  for (let from = 0; from < summaries.length; from += SUMMARIES_PER_CUT)
    terms.push(...(await termsOfPart(summaries.slice(from, from + SUMMARIES_PER_CUT), where)));
  return terms;
}

async function termsOfPart(summaries: readonly string[], where: CutWhere): Promise<string[][]> {
  if (summaries.length === 0) return [];
  const segmenter = loadTermSegmenter();
  const text = summaries.map(segmentableText).join(SEPARATOR);
  const words =
    where === 'here'
      ? segmenter.cut(text, USE_HMM)
      : ((await inCutSlot(() => segmenter.cutAsync(text, USE_HMM))) as string[]);
  const perSummary: string[][] = [[]];
  for (const word of words) {
    if (word === SEPARATOR) perSummary.push([]);
    else perSummary[perSummary.length - 1].push(word);
  }
  // should jieba ever merge or drop a separator, the batch's alignment is lost: cut one by one
  if (perSummary.length !== summaries.length) return summaries.map(termsOfSummary);
  return perSummary.map(termsFromWords);
}
