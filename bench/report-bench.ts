// `npm run bench -- report`: the analysis report of a whole month, national scope, over a store
// holding two months of cases (so the month before is compared too), as CSV, HTML and PDF: median of
// BENCH_REPORT_ROUNDS requests each. The target (issue 12) is a month's PDF in under 10 s. A PDF
// includes starting Chromium, which is most of it; the load average is printed with the figures.
import os from 'node:os';
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';
import { DAY_MS, cstMidnight } from '@shared/time';
import { benchCases } from './bench-cases';

export interface ReportBenchRow {
  report: string;
  format: string;
  medianMs: number;
  maxMs: number;
  kilobytes: number;
  loadAverage1m: number;
}

const BATCH = 1_000;
const SENDERS = 4;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Midnight China time on the 1st of the month `back` months before the one holding `ms`. */
function monthStart(ms: number, back: number): number {
  const d = new Date(cstMidnight(ms) + 8 * 3_600_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1) - 8 * 3_600_000;
}

export async function reportBench(dataDir: string, cases: number, rounds: number): Promise<ReportBenchRow[]> {
  const nowMs = Date.now();
  // cases from the 1st of the month before last up to now: last month is whole, and so is the one before it
  const fromMs = monthStart(nowMs, 2);
  const spanMs = nowMs - fromMs;
  const inputs = benchCases(cases, 'REPORT', nowMs).map((c, i) => {
    const receivedMs = fromMs + Math.floor(((i * 7_919) % cases) * (spanMs / cases));
    const closed = i % 3 === 0;
    return {
      ...c,
      receivedAt: new Date(receivedMs).toISOString(),
      ...(closed
        ? {
            status: 'closed' as const,
            updatedAt: new Date(Math.min(nowMs, receivedMs + (i % 40) * DAY_MS)).toISOString(),
            recoveredYuan: (i % 50) * 10,
          }
        : {}),
    };
  });
  const config = { ...loadConfig({}), dataDir, port: 0, logLevel: 'silent' as const };
  const server = createServer({ config });
  const { port, ready } = await server.start();
  await ready;
  const base = `http://127.0.0.1:${port}`;
  try {
    const ingestToken = server.tokens.firstOf('ingest')!.token;
    let next = 0;
    const sender = async () => {
      while (next < inputs.length) {
        const body = JSON.stringify(inputs.slice(next, (next += BATCH)));
        const response = await fetch(`${base}/api/v1/cases`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
          body,
        });
        if (response.status !== 200) throw new Error(`ingest replied ${response.status}: ${await response.text()}`);
      }
    };
    const ingestStartMs = performance.now();
    await Promise.all(Array.from({ length: SENDERS }, sender));
    console.log(
      `ingested ${cases} cases over ${Math.round(spanMs / DAY_MS)} days in ${((performance.now() - ingestStartMs) / 1000).toFixed(1)} s`,
    );

    const director = server.tokens.firstOf('director')!.token;
    const lastMonth = new Date(monthStart(nowMs, 1) + 8 * 3_600_000 + DAY_MS).toISOString().slice(0, 10);
    const rows: ReportBenchRow[] = [];
    for (const format of ['csv', 'html', 'pdf'] as const) {
      const query = `period=month&date=${lastMonth}&format=${format}`;
      const times: number[] = [];
      let bytes = 0;
      for (let round = 0; round < rounds; round += 1) {
        const startMs = performance.now();
        const response = await fetch(`${base}/api/v1/reports/briefing?${query}`, {
          headers: { authorization: `Bearer ${director}` },
        });
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200) throw new Error(`report replied ${response.status}: ${body.toString()}`);
        times.push(performance.now() - startMs);
        bytes = body.length;
      }
      rows.push({
        report: `national, month of ${lastMonth.slice(0, 7)}`,
        format,
        medianMs: Math.round(median(times)),
        maxMs: Math.round(Math.max(...times)),
        kilobytes: Math.round(bytes / 1024),
        loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
      });
    }
    return rows;
  } finally {
    await server.stop();
  }
}
