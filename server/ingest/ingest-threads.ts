// Where request bodies are taken apart (take-cases.ts): on ingest threads (worker threads, one by
// default, INGEST_THREADS), so that the event loop is left with receiving bodies, storing the cases
// that come back and serving the walls. Parsing, validation, scrubbing and word cutting are most of
// the event loop's work at high ingest rates (docs/benchmarks.md, "Ingest").
//
// A job goes to the thread with the fewest waiting. A thread that dies (or never starts) hands its
// waiting jobs to the event loop, which takes them as it would with no threads at all, so no request
// is lost with it; after three threads that never started, the event loop takes every request.
// INGEST_THREADS=0 keeps everything on the event loop, in time slices.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Logger } from '../ops/logger';
import type { BodyLimits } from './parse-body';
import { bodyText, takeCases, type TakenCases } from './take-cases';
import { timeSlice } from './time-slice';
import { fromWire, type TakenOnWire } from './version-columns';

export interface IngestThreadData {
  /** the server's working calendar, loaded again in the thread (deadlines) */
  calendar: { calendarFile?: string; dataDir: string };
  limits: BodyLimits;
}

export interface ThreadJob {
  id: number;
  contentType: string | undefined;
  body: Uint8Array;
  nowMs: number;
}

export type ThreadAnswer = { ready: true } | { id: number; taken: TakenOnWire } | { id: number; failed: string };

export interface IngestThreadsOptions extends IngestThreadData {
  /** worker threads; 0 takes every body on the event loop */
  threads: number;
  logger: Logger;
  /** a thread's heap limits (worker_threads resourceLimits); a thread over them dies and its jobs go to the event loop */
  resourceLimits?: ResourceLimits;
}

export interface IngestThreads {
  take(contentType: string | undefined, body: Uint8Array, nowMs: number): Promise<TakenCases>;
  /** Starts the threads now rather than at the first request (a second or so: the word dictionaries). */
  warm(): void;
  /** threads started and ready to take bodies */
  ready(): number;
  close(): Promise<void>;
}

type Job = Omit<ThreadJob, 'id'> & {
  resolve: (taken: TakenCases) => void;
  reject: (error: Error) => void;
};

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
  ready: boolean;
  /** resolved true once the thread says it is ready, false if it exits first */
  started: Promise<boolean>;
}

const MAX_FAILED_STARTS = 3;
/** how long a closing thread may take to finish starting, and then to end, before it is terminated (SIGTERM exits within 2 s) */
const START_WAIT_MS = 1_000;
const END_WAIT_MS = 500;

export function createIngestThreads(options: IngestThreadsOptions): IngestThreads {
  const { logger } = options;
  const onLoop = (contentType: string | undefined, body: Uint8Array, nowMs: number) =>
    takeCases({ contentType, body: bodyText(body), nowMs }, options.limits, timeSlice(), 'loop');

  const threads: Thread[] = [];
  let nextId = 0;
  let failedStarts = 0;
  let closed = false;

  function spawn(): void {
    const worker = new Worker(threadSource(), {
      eval: true,
      resourceLimits: options.resourceLimits,
      workerData: { calendar: options.calendar, limits: options.limits } satisfies IngestThreadData,
    });
    // a thread never keeps the process alive: the server's own handles do
    worker.unref();
    let markStarted!: (started: boolean) => void;
    const started = new Promise<boolean>((resolve) => (markStarted = resolve));
    const thread: Thread = { worker, jobs: new Map(), ready: false, started };
    threads.push(thread);
    let lastError: Error | undefined;
    worker.on('message', (answer: ThreadAnswer) => {
      if ('ready' in answer) {
        thread.ready = true;
        markStarted(true);
        return;
      }
      const job = thread.jobs.get(answer.id);
      if (!job) return;
      thread.jobs.delete(answer.id);
      if ('taken' in answer) job.resolve(fromWire(answer.taken));
      else job.reject(new Error(`ingest thread failed: ${answer.failed}`));
    });
    worker.on('error', (error) => (lastError = error));
    worker.on('exit', (code) => {
      markStarted(false);
      lose(thread, lastError?.message ?? `exit code ${code}`);
    });
  }

  /** A thread is gone: its jobs go to the event loop, and another thread starts in its place. */
  function lose(thread: Thread, why: string): void {
    threads.splice(threads.indexOf(thread), 1);
    for (const job of thread.jobs.values()) onLoop(job.contentType, job.body, job.nowMs).then(job.resolve, job.reject);
    if (closed) return;
    if (!thread.ready) failedStarts += 1;
    if (failedStarts >= MAX_FAILED_STARTS) {
      logger.error({ err: why }, 'ingest threads cannot start: request bodies are taken on the event loop');
      return;
    }
    logger.error({ err: why, jobs: thread.jobs.size }, 'ingest thread stopped: its requests taken on the event loop');
    spawn();
  }

  /**
   * Lets a thread end by itself: once started (a thread mid-way through loading its native segmenter
   * is not interrupted if it can help it) it is asked to close its port; terminated only if it has
   * not started within START_WAIT_MS or ended END_WAIT_MS after.
   */
  async function finish(thread: Thread): Promise<void> {
    const ended = new Promise<void>((resolve) => thread.worker.once('exit', () => resolve()));
    const within = (ms: number) => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref());
    if (await Promise.race([thread.started, within(START_WAIT_MS)])) thread.worker.postMessage('close');
    if (!(await Promise.race([ended.then(() => true), within(END_WAIT_MS)]))) await thread.worker.terminate();
  }

  function warm(): void {
    while (!closed && failedStarts < MAX_FAILED_STARTS && threads.length < options.threads) spawn();
  }

  return {
    take(contentType, body, nowMs) {
      warm();
      if (threads.length === 0) return onLoop(contentType, body, nowMs);
      const thread = threads.reduce((least, t) => (t.jobs.size < least.jobs.size ? t : least));
      const id = nextId++;
      return new Promise<TakenCases>((resolve, reject) => {
        thread.jobs.set(id, { contentType, body, nowMs, resolve, reject });
        thread.worker.postMessage({ id, contentType, body, nowMs } satisfies ThreadJob);
      });
    },
    warm,
    ready: () => threads.filter((thread) => thread.ready).length,
    async close() {
      closed = true;
      await Promise.all(threads.map(finish));
    },
  };
}

/**
 * The worker's bootstrap: the thread's module is TypeScript run through tsx, which a worker must
 * load itself (its loader is not inherited); built JavaScript is imported as it is.
 */
function threadSource(): string {
  const self = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(self), `ingest-thread${path.extname(self)}`);
  const url = JSON.stringify(pathToFileURL(entry).href);
  return path.extname(self) === '.ts'
    ? `import('tsx/esm/api').then(({ tsImport }) => tsImport(${url}, ${url}));`
    : `import(${url});`;
}
