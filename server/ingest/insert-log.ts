// The insert log: case_versions rows, already encoded for the insert, fsynced to disk before they
// go to ClickHouse. While one insert runs, the batches logged meanwhile gather in the open segment
// and go in together: larger inserts (a row of an insert of 50,000 costs ClickHouse about half one of
// 10,000; docs/benchmarks.md, "Ingest"), and the next batches prepared while ClickHouse works. What
// the log holds survives a crash and an outage, and is inserted once ClickHouse answers.
//
// The log is a directory of segments, each a file of records (a header line, then the rows as sent
// to ClickHouse). Appends go to the open segment. The inserter seals it (no more appends) and inserts
// it whole, with the segment's name as the deduplication token: a sealed segment never changes, so
// an insert repeated after a crash or a failure sends the same blocks with the same token, and
// ClickHouse keeps what it has and writes only the parts that are missing (the insert journal's
// promise, for every batch in the log). A segment is deleted once its insert returned.
//
// How a segment may end up, and what keeps each way from losing an acknowledged case:
// - an append cut short (full disk, I/O error): the file is cut back and the segment sealed at its
//   last whole record; the caller stores those cases another way (directly, or the spool);
// - a crash mid-append (never acknowledged): a torn last record, moved aside when the log opens;
// - a record whose checksum does not match: moved aside (spool/unreadable-inserts) and counted.
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { EncodedRows } from '../clickhouse/encoded-rows';

export interface LogSegment {
  /** file name, also the insert's deduplication token */
  name: string;
  rows: number;
  columns: string[];
  /** the records' bodies while held in memory; undefined once dropped (read back from the file) */
  bodies: Buffer[] | undefined;
  /** bytes of whole records in the file */
  bytes: number;
  sealed: boolean;
}

interface RecordHeader {
  rows: number;
  bytes: number;
  crc: number;
  columns: string[];
}

export interface InsertLogOptions {
  /** a segment is sealed once it holds this many rows, even while the inserter is busy */
  maxSegmentRows: number;
  /** bodies kept in memory beyond this many rows are dropped and read back from disk */
  maxMemoryRows: number;
  /** told how many unreadable records were moved aside when the log opened */
  onUnreadable?: (records: number) => void;
}

/** The log's disk failed: the cases of this append are not in it. */
export class InsertLogError extends Error {}

export function openInsertLog(dir: string, options: InsertLogOptions) {
  fs.mkdirSync(dir, { recursive: true });
  const segments: LogSegment[] = recoverSegments(dir, options.onUnreadable);
  let sequence = segments.reduce((n, s) => Math.max(n, Number(s.name.split('-')[0]) || 0), 0);
  const newName = () => `${String(++sequence).padStart(12, '0')}-${process.pid}-${Date.now()}`;

  /** the segment an append is writing to: not read for an insert until that append is done */
  let appendingTo: LogSegment | undefined;
  const open = (): LogSegment | undefined => {
    const last = segments.at(-1);
    return last && !last.sealed ? last : undefined;
  };

  function dropMemoryBeyondLimit(): void {
    let held = 0;
    for (const segment of segments) {
      if (!segment.bodies) continue;
      held += segment.rows;
      if (held > options.maxMemoryRows && segment.sealed) segment.bodies = undefined;
    }
  }

  return {
    /** rows acknowledged and not yet confirmed inserted */
    pendingRows: () => segments.reduce((n, s) => n + s.rows, 0),
    /** Appends one batch, fsynced, into the segment it returns; throws InsertLogError when the disk could not take it whole. */
    async append(encoded: EncodedRows): Promise<LogSegment | undefined> {
      if (encoded.rows === 0) return undefined;
      let segment = open();
      const created = !segment;
      if (!segment) {
        segment = { name: newName(), rows: 0, columns: encoded.columns, bodies: [], bytes: 0, sealed: false };
      }
      const header: RecordHeader = {
        rows: encoded.rows,
        bytes: encoded.body.length,
        crc: crc32(encoded.body),
        columns: encoded.columns,
      };
      const headerBytes = Buffer.from(`${JSON.stringify(header)}\n`);
      const file = path.join(dir, segment.name);
      appendingTo = segment;
      try {
        await writeRecord(file, headerBytes, encoded.body, segment.bytes, created);
        if (created) segments.push(segment);
        segment.bytes += headerBytes.length + encoded.body.length;
        segment.rows += encoded.rows;
        segment.bodies?.push(encoded.body);
        if (segment.rows >= options.maxSegmentRows) segment.sealed = true;
      } catch (error) {
        // the file was cut back to its last whole record; the segment takes no more appends
        if (!created) segment.sealed = true;
        throw new InsertLogError(`insert log ${(error as Error).message}`);
      } finally {
        appendingTo = undefined;
      }
      dropMemoryBeyondLimit();
      return segment;
    },
    /**
     * The oldest segment to insert, sealing the open one when it is the only one left. While an
     * append is writing to it, it is sealed (later appends open a new one) but not handed out yet.
     */
    next(): LogSegment | undefined {
      const first = segments[0];
      if (!first) return undefined;
      first.sealed = true;
      return first === appendingTo ? undefined : first;
    },
    /** A sealed segment's rows as one insert body. */
    async read(segment: LogSegment): Promise<EncodedRows> {
      const bodies = segment.bodies ?? readRecords(await fs.promises.readFile(path.join(dir, segment.name))).bodies;
      const body = bodies.length === 1 ? bodies[0] : Buffer.concat(bodies);
      return { columns: segment.columns, body, rows: segment.rows };
    },
    /** The segment's insert returned: it leaves the log. */
    async done(segment: LogSegment): Promise<void> {
      segments.splice(segments.indexOf(segment), 1);
      // not fsynced: should the removal be lost in a crash, the rows go in again and are deduplicated
      await fs.promises.rm(path.join(dir, segment.name), { force: true });
    },
  };
}

export type InsertLog = ReturnType<typeof openInsertLog>;

/** Appends one record and fsyncs it; on failure cuts the file back to `validBytes` (removed if new). */
async function writeRecord(file: string, header: Buffer, body: Buffer, validBytes: number, created: boolean) {
  const handle = await fs.promises.open(file, 'a');
  try {
    let written = (await handle.writev([header, body])).bytesWritten;
    const total = header.length + body.length;
    while (written < total)
      written += (await handle.write(Buffer.concat([header, body]).subarray(written))).bytesWritten;
    await handle.sync();
    if (created) await syncDirectory(path.dirname(file));
  } catch (error) {
    await handle.truncate(validBytes).catch(() => undefined);
    if (created) await fs.promises.rm(file, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface ReadRecords {
  bodies: Buffer[];
  rows: number;
  columns: string[];
  /** bytes of whole records */
  bytes: number;
}

/** The whole records at the head of a segment file; the first that does not read ends it. */
function readRecords(content: Buffer): ReadRecords {
  const result: ReadRecords = { bodies: [], rows: 0, columns: [], bytes: 0 };
  let at = 0;
  while (at < content.length) {
    const newline = content.indexOf(10, at);
    if (newline < 0) break;
    let header: RecordHeader;
    try {
      header = JSON.parse(content.subarray(at, newline).toString('utf8')) as RecordHeader;
    } catch {
      break;
    }
    const body = content.subarray(newline + 1, newline + 1 + header.bytes);
    if (!Array.isArray(header.columns) || body.length !== header.bytes || crc32(body) !== header.crc) break;
    result.bodies.push(body);
    result.rows += header.rows;
    result.columns = header.columns;
    at = newline + 1 + header.bytes;
    result.bytes = at;
  }
  return result;
}

/** The segments a stopped process left, oldest first, sealed; unreadable tails moved aside. */
function recoverSegments(dir: string, onUnreadable?: (records: number) => void): LogSegment[] {
  const names = fs
    .readdirSync(dir)
    .filter((name) => /^\d{12}-/.test(name))
    .sort();
  const segments: LogSegment[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const content = fs.readFileSync(file);
    const records = readRecords(content);
    if (records.bytes < content.length) {
      // kept for an operator, never skipped in silence
      const aside = path.join(dir, '..', 'unreadable-inserts');
      fs.mkdirSync(aside, { recursive: true });
      fs.writeFileSync(path.join(aside, `${name}.tail`), content.subarray(records.bytes));
      fs.truncateSync(file, records.bytes);
      onUnreadable?.(1);
    }
    if (records.rows === 0) {
      fs.rmSync(file, { force: true });
      continue;
    }
    segments.push({
      name,
      rows: records.rows,
      columns: records.columns,
      bodies: undefined,
      bytes: records.bytes,
      sealed: true,
    });
  }
  return segments;
}
