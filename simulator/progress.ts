// Backfill progress: a one-line bar on stderr when it is a terminal (days done, cases a second, time
// left), otherwise a structured log line every few seconds so that CI and service logs stay readable.
import type { Logger } from '@server/ops/logger';

export interface ProgressSnapshot {
  daysDone: number;
  totalDays: number;
  /** share of the history window done, by time covered, 0..1 */
  fraction: number;
  cases: number;
}

export interface ProgressOptions {
  logger: Logger;
  stream?: NodeJS.WriteStream;
  /** between log lines when stderr is not a terminal */
  logEveryMs?: number;
}

const BAR_WIDTH = 24;

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '--';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class BackfillProgress {
  private readonly startedMs = Date.now();
  private lastDrawMs = 0;
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = Boolean(this.stream.isTTY);
  }

  update(snapshot: ProgressSnapshot, force = false): void {
    const now = Date.now();
    const every = this.tty ? 200 : (this.options.logEveryMs ?? 5000);
    if (!force && now - this.lastDrawMs < every) return;
    this.lastDrawMs = now;
    const elapsedMs = now - this.startedMs;
    const casesPerS = snapshot.cases / Math.max(elapsedMs / 1000, 0.001);
    const etaMs = snapshot.fraction > 0 ? (elapsedMs * (1 - snapshot.fraction)) / snapshot.fraction : Infinity;
    if (this.tty) {
      const filled = Math.round(snapshot.fraction * BAR_WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
      const line = `  backfill ${bar} ${snapshot.daysDone}/${snapshot.totalDays} days · ${Math.round(casesPerS).toLocaleString('en')} cases/s · ETA ${formatDuration(etaMs)}`;
      this.stream.write(`\r\x1b[2K${line}`);
    } else {
      this.options.logger.info(
        {
          daysDone: snapshot.daysDone,
          totalDays: snapshot.totalDays,
          cases: snapshot.cases,
          casesPerS: Math.round(casesPerS),
          etaS: Math.round(etaMs / 1000),
        },
        'backfill progress',
      );
    }
  }

  finish(snapshot: ProgressSnapshot): void {
    this.update(snapshot, true);
    if (this.tty) this.stream.write('\n');
  }
}
