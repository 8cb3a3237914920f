// Word segmentation of case summaries (server/ingest/term-segmenter.ts): microseconds per summary,
// one by one on the event loop (termsOfSummary, the fallback) and as the ingest does it, a request's
// 1,000 summaries cut as one text on the thread pool (termsOfSummaries). Inputs: the ingest
// benchmark's summaries (about 41 characters), two of them joined and cut to 60, and one cut to 26
// (the simulator's typical length).
import { termsOfSummaries, termsOfSummary, loadTermSegmenter } from '../server/ingest/term-segmenter';
import { benchCases } from './bench-cases';

export interface TermsBenchRow {
  input: string;
  mode: string;
  summaries: number;
  meanChars: number;
  microsPerSummary: number;
  /** CPU time of the process (event loop and thread pool): on a loaded machine, wall time is mostly waiting */
  cpuMicrosPerSummary: number;
  termsPerSummary: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(summaries: string[], mode: 'one by one' | 'batches of 1,000', rounds = 5) {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let terms = 0;
  for (let round = 0; round < rounds; round += 1) {
    terms = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    if (mode === 'one by one') for (const s of summaries) terms += termsOfSummary(s).length;
    else
      for (let i = 0; i < summaries.length; i += 1000)
        for (const list of await termsOfSummaries(summaries.slice(i, i + 1000))) terms += list.length;
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return {
    microsPerSummary: (median(times) * 1000) / summaries.length,
    cpuMicrosPerSummary: (median(cpuTimes) * 1000) / summaries.length,
    termsPerSummary: terms / summaries.length,
  };
}

export async function termsBench(count = 20_000): Promise<Array<TermsBenchRow & { loadMs?: number }>> {
  const loadStart = performance.now();
  loadTermSegmenter();
  const loadMs = performance.now() - loadStart;
  const long = benchCases(count, 'T').map((c) => c.summary ?? '');
  const inputs: Array<[string, string[]]> = [
    ['ingest bench summaries', long],
    [
      'two joined, cut to 60 characters',
      long.map((s, i) => [...(s + long[(i + 1) % long.length])].slice(0, 60).join('')),
    ],
    ['cut to 26 characters', long.map((s) => [...s].slice(4, 30).join(''))],
  ];
  const rows: Array<TermsBenchRow & { loadMs?: number }> = [];
  for (const [input, summaries] of inputs) {
    const meanChars = summaries.reduce((sum, s) => sum + [...s].length, 0) / summaries.length;
    for (const mode of ['one by one', 'batches of 1,000'] as const)
      rows.push({ input, mode, summaries: summaries.length, meanChars, ...(await measure(summaries, mode)), loadMs });
  }
  return rows;
}
