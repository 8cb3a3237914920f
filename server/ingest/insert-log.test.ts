import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeValues } from '../clickhouse/encoded-rows';
import { InsertLogError, openInsertLog } from './insert-log';

const columns = ['id', 'summary'];
const rows = (prefix: string, n: number) =>
  encodeValues(
    columns,
    Array.from({ length: n }, (_, i) => [`${prefix}-${i}`, `第${i}条`]),
  );
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'insert-log-'));
const options = { maxSegmentRows: 10, maxMemoryRows: 100 };
const lines = (body: Buffer) => body.toString('utf8').trimEnd().split('\n');

describe('the insert log', () => {
  it('hands out segments oldest first, whole, sealed at the row limit, and forgets them when done', async () => {
    const log = openInsertLog(tempDir(), options);
    const first = await log.append(rows('A', 6));
    const again = await log.append(rows('B', 6));
    expect(again).toBe(first);
    expect(first!.sealed).toBe(true);
    const second = await log.append(rows('C', 3));
    expect(second).not.toBe(first);
    expect(log.pendingRows()).toBe(15);

    expect(log.next()).toBe(first);
    const read = await log.read(first!);
    expect(read.rows).toBe(12);
    expect(lines(read.body)).toHaveLength(12);
    expect(lines(read.body)[6]).toBe('["B-0","第0条"]');
    await log.done(first!);
    // the open one is sealed when it is the only one left
    expect(log.next()).toBe(second);
    expect(second!.sealed).toBe(true);
    await log.done(second!);
    expect(log.pendingRows()).toBe(0);
    expect(log.next()).toBeUndefined();
  });

  it('reopened after a stop, holds what was appended, read back from disk', async () => {
    const dir = tempDir();
    const log = openInsertLog(dir, options);
    await log.append(rows('A', 4));
    await log.append(rows('B', 4));
    const reopened = openInsertLog(dir, options);
    expect(reopened.pendingRows()).toBe(8);
    const segment = reopened.next()!;
    expect(segment.bodies).toBeUndefined();
    expect(lines((await reopened.read(segment)).body)).toEqual([
      ...lines(rows('A', 4).body),
      ...lines(rows('B', 4).body),
    ]);
    // a new segment after a restart sorts after the old ones
    const next = await reopened.append(rows('C', 1));
    expect(next!.name > segment.name).toBe(true);
  });

  it('moves a torn last record aside at open, counted, and keeps the whole records before it', async () => {
    const dir = tempDir();
    const log = openInsertLog(dir, options);
    const segment = (await log.append(rows('A', 3)))!;
    const file = path.join(dir, segment.name);
    const whole = fs.statSync(file).size;
    // a crash mid-append: a header and half a body
    const torn = rows('B', 3);
    fs.appendFileSync(file, `${JSON.stringify({ rows: 3, bytes: torn.body.length, crc: 1, columns })}\n`);
    fs.appendFileSync(file, torn.body.subarray(0, 10));
    let unreadable = 0;
    const reopened = openInsertLog(dir, { ...options, onUnreadable: (n) => (unreadable += n) });
    expect(unreadable).toBe(1);
    expect(reopened.pendingRows()).toBe(3);
    expect(fs.statSync(file).size).toBe(whole);
    const aside = fs.readdirSync(path.join(dir, '..', 'unreadable-inserts'));
    expect(aside).toContain(`${segment.name}.tail`);
  });

  it('moves aside a record whose checksum does not match, and what follows it', async () => {
    const dir = tempDir();
    const log = openInsertLog(dir, options);
    const segment = (await log.append(rows('A', 2)))!;
    await log.append(rows('B', 2));
    const file = path.join(dir, segment.name);
    const content = fs.readFileSync(file);
    // flip a byte in the second record's body
    content[content.length - 5] ^= 1;
    fs.writeFileSync(file, content);
    let unreadable = 0;
    const reopened = openInsertLog(dir, { ...options, onUnreadable: (n) => (unreadable += n) });
    expect(unreadable).toBe(1);
    expect(reopened.pendingRows()).toBe(2);
  });

  it('an append the disk cannot take throws, leaves the file at its last whole record and seals the segment', async () => {
    const dir = tempDir();
    const log = openInsertLog(dir, options);
    const segment = (await log.append(rows('A', 2)))!;
    const file = path.join(dir, segment.name);
    const whole = fs.statSync(file).size;
    fs.chmodSync(file, 0o444);
    const asRoot = process.getuid?.() === 0;
    // root writes read-only files: a directory in the file's place fails for everyone
    if (asRoot) {
      fs.renameSync(file, `${file}.kept`);
      fs.mkdirSync(file);
    }
    await expect(log.append(rows('B', 2))).rejects.toBeInstanceOf(InsertLogError);
    if (asRoot) {
      fs.rmdirSync(file);
      fs.renameSync(`${file}.kept`, file);
    }
    fs.chmodSync(file, 0o644);
    expect(fs.statSync(file).size).toBe(whole);
    expect(segment.sealed).toBe(true);
    expect(log.pendingRows()).toBe(2);
    // the next append opens a new segment
    const next = await log.append(rows('C', 1));
    expect(next).not.toBe(segment);
    expect(log.pendingRows()).toBe(3);
  });

  it('drops bodies beyond its memory limit and reads them back from disk', async () => {
    const log = openInsertLog(tempDir(), { maxSegmentRows: 5, maxMemoryRows: 10 });
    const segments = [];
    for (const prefix of ['A', 'B', 'C', 'D']) segments.push((await log.append(rows(prefix, 5)))!);
    // the oldest, inserted next, stay in memory; the newest are read back when their turn comes
    expect(segments.map((segment) => segment.bodies !== undefined)).toEqual([true, true, false, false]);
    for (const [i, prefix] of ['A', 'B', 'C', 'D'].entries()) {
      expect(log.next()).toBe(segments[i]);
      expect(lines((await log.read(segments[i])).body)).toEqual(lines(rows(prefix, 5).body));
      await log.done(segments[i]);
    }
  });
});
