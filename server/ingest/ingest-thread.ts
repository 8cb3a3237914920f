// An ingest thread (a worker of ingest-threads.ts): takes request bodies apart, validates, scrubs
// and cuts words (take-cases.ts) on a thread of its own, so the event loop only receives the bodies
// and stores what comes back. Loads the same working calendar as the server (deadlines) and its own
// word segmenter.
import { parentPort, workerData } from 'node:worker_threads';
import { setActiveCalendar } from '@shared/calendar';
import { loadCalendar } from '@shared/calendar/calendar-file';
import type { ThreadAnswer, ThreadJob, IngestThreadData } from './ingest-threads';
import { bodyText, takeCases } from './take-cases';
import { loadTermSegmenter } from './term-segmenter';
import { toWire } from './version-columns';

const data = workerData as IngestThreadData;
setActiveCalendar(loadCalendar(data.calendar).calendar);
loadTermSegmenter();

/** A thread of its own: nothing else waits behind a long request, so it never pauses. */
const noSlices = { due: () => false, pause: async () => undefined };
const port = parentPort!;

port.on('message', (job: ThreadJob | 'close') => {
  // asked to finish: with the port closed the thread's event loop empties and the thread exits on
  // its own, its native word segmenter torn down in order (a terminate() in the middle of native work
  // is what native add-ons in worker threads are known to crash on)
  if (job === 'close') return port.close();
  const request = { contentType: job.contentType, body: bodyText(job.body), nowMs: job.nowMs };
  takeCases(request, data.limits, noSlices, 'thread').then(
    (taken) => port.postMessage({ id: job.id, taken: toWire(taken) } satisfies ThreadAnswer),
    (error: Error) => port.postMessage({ id: job.id, failed: error.stack ?? error.message } satisfies ThreadAnswer),
  );
});
port.postMessage({ ready: true } satisfies ThreadAnswer);
