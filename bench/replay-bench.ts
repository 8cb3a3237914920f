// `npm run bench -- replay`: computePanelsAt (the wall as of a past moment) with BENCH_REPLAY_CASES
// cases stored (10M by default, 1 to 3 versions each over BENCH_REPLAY_DAYS, 400 by default), in a
// child process. Returns
// [title, rows] tables for bench/run.ts to print.
import os from 'node:os';
import { startChild } from './live-child';

interface ReplayLine {
  days: number;
  cases: number;
  openNow: number;
  versions: number;
  generateSeconds: number;
  tables: Array<{ table: string; rows: number }>;
  timings: Array<{
    scope: string;
    day: string;
    time: string;
    resolution: string;
    medianMs: number;
    maxMs: number;
    cpuMs: number;
  }>;
  boundsMs: number;
  checkpoints: { hours: number; seconds: number; cpuSeconds: number };
  openPaths: { checkpoint: number; spells: number };
  loadAverage: number[];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export async function replayBench(dataDir: string): Promise<Array<[string, object[]]>> {
  const cases = Number(process.env.BENCH_REPLAY_CASES ?? 10_000_000);
  const child = startChild('replay-child.ts', [process.env.BENCH_REPLAY_DIR ?? dataDir, String(cases)]);
  const line = await child.next<ReplayLine>();
  await child.stop();
  const national = line.timings.filter((t) => t.scope === 'national' && t.day === '60 days back');
  const sorted = national.map((t) => t.medianMs).sort((a, b) => a - b);
  const cpu = national.map((t) => t.cpuMs).sort((a, b) => a - b);
  return [
    [
      `Replay: the store (${line.cases} cases over ${line.days} days, ${line.versions} versions, ${line.openNow} open now, generated in ${Math.round(line.generateSeconds)} s)`,
      line.tables,
    ],
    [
      'Replay: taking the open-case checkpoints of every hour back to the oldest case (the job, run until done)',
      [
        {
          hours: line.checkpoints.hours,
          'wall s': r1(line.checkpoints.seconds),
          'CPU s': r1(line.checkpoints.cpuSeconds),
          'moments read from a checkpoint': line.openPaths.checkpoint,
          'from the spells': line.openPaths.spells,
        },
      ],
    ],
    [
      `Replay: computePanelsAt, median of 5 runs per moment (load average ${line.loadAverage.map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores; historyBounds ${r1(line.boundsMs)} ms)`,
      line.timings.map((t) => ({
        scope: t.scope,
        day: t.day,
        moment: t.time,
        resolution: t.resolution,
        'median ms': r1(t.medianMs),
        'max ms': r1(t.maxMs),
        'CPU ms (median)': r1(t.cpuMs),
      })),
    ],
    [
      'Replay: a day 60 days back at national scope (target under 300 ms)',
      [
        {
          moments: national.length,
          'median of medians ms': r1(sorted[Math.floor(sorted.length / 2)] ?? NaN),
          'CPU ms (median)': r1(cpu[Math.floor(cpu.length / 2)] ?? NaN),
        },
      ],
    ],
  ];
}
