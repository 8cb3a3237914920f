// The spool against every way its file can end up: torn appends, a full or read-only disk, a
// failed rewrite, lines glued by an older version. Disk faults are injected through the spool's
// file-operations seam (the real ones, wrapped), so these run without root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseVersion } from './case-row';
import { openSpool } from './spool';
import { diskSpoolIo, type SpoolIo } from './spool-io';

const version = (id: string) => ({ id }) as CaseVersion;
const ids = (batch: CaseVersion[]) => batch.map((v) => v.id);
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'spool-'));
const spoolFile = (dir: string) => path.join(dir, 'spool', 'ingest.ndjson');
const sideLines = (dir: string, name: string) =>
  fs
    .readFileSync(path.join(dir, 'spool', name), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

function diskError(code: 'ENOSPC' | 'EROFS'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** The real file operations, with faults switched on and off by the test. */
function faultyIo() {
  const faults = {
    appendWritesThenFails: false,
    failAll: undefined as 'ENOSPC' | 'EROFS' | undefined,
    failTruncate: false,
  };
  const io: SpoolIo = {
    ...diskSpoolIo,
    async append(file, text) {
      if (faults.failAll) throw diskError(faults.failAll);
      if (!faults.appendWritesThenFails) return diskSpoolIo.append(file, text);
      // a full disk mid-write: part of the line lands, then the write fails
      fs.appendFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      throw diskError('ENOSPC');
    },
    async truncate(file, bytes) {
      if (faults.failAll || faults.failTruncate) throw diskError(faults.failAll ?? 'EROFS');
      return diskSpoolIo.truncate(file, bytes);
    },
    async replace(file, text) {
      if (faults.failAll) throw diskError(faults.failAll);
      return diskSpoolIo.replace(file, text);
    },
  };
  return { io, faults };
}

async function replayAll(dir: string): Promise<string[]> {
  const seen: string[] = [];
  await openSpool(dir).replay(async (batch) => void seen.push(...ids(batch)));
  return seen;
}

describe('spool', () => {
  it('replays batches oldest first and keeps what failed, in order', async () => {
    const dir = tempDir();
    const spool = openSpool(dir);
    await spool.append([version('a'), version('b')]);
    await spool.append([version('c')]);
    await spool.append([version('d')]);
    expect(spool.pendingCases()).toBe(4);

    const seen: string[] = [];
    await expect(
      spool.replay(async (batch) => {
        if (batch[0].id === 'd') throw new Error('down again');
        seen.push(...ids(batch));
      }),
    ).rejects.toThrow('down again');
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(spool.pendingCases()).toBe(1);
    expect(await replayAll(dir)).toEqual(['d']);
  });

  it('moves a torn last line aside at open, counts it, and the next append is read whole', async () => {
    const dir = tempDir();
    await openSpool(dir).append([version('a')]);
    fs.appendFileSync(spoolFile(dir), '[{"id":"b"');
    const unreadable: number[] = [];
    const reopened = openSpool(dir, { onUnreadable: (n) => unreadable.push(n) });
    await reopened.append([version('c')]);
    expect(unreadable).toEqual([1]);
    expect(sideLines(dir, 'unreadable.ndjson').map((l) => l.text)).toEqual(['[{"id":"b"']);
    expect(await replayAll(dir)).toEqual(['a', 'c']);
  });

  it('recovers a batch glued onto a torn line by an older version, keeping the torn part aside', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'spool'));
    fs.writeFileSync(spoolFile(dir), '[{"id":"a"}]\n[{"id":"torn","summary":"半[{\\"id\\":"[{"id":"b"},{"id":"c"}]\n');
    expect(openSpool(dir).pendingCases()).toBe(3);
    expect(await replayAll(dir)).toEqual(['a', 'b', 'c']);
    expect(sideLines(dir, 'unreadable.ndjson')[0].text).toBe('[{"id":"torn","summary":"半[{\\"id\\":"');
  });

  it('cuts a failed append back, so that the next acknowledged batch is not glued onto its remains', async () => {
    const dir = tempDir();
    const { io, faults } = faultyIo();
    const spool = openSpool(dir, { io });
    await spool.append([version('a')]);
    faults.appendWritesThenFails = true;
    await expect(spool.append([version('lost-never-acknowledged')])).rejects.toThrow(/ENOSPC/);
    expect(spool.health()).toMatchObject({ writable: false, error: expect.stringMatching(/ENOSPC/) });
    faults.appendWritesThenFails = false;
    await spool.append([version('b')]);
    expect(spool.health()).toEqual({ writable: true });
    expect(fs.readFileSync(spoolFile(dir), 'utf8')).toBe('[{"id":"a"}]\n[{"id":"b"}]\n');
  });

  it('when even the cut fails, repairs the file before the next append', async () => {
    const dir = tempDir();
    const { io, faults } = faultyIo();
    const spool = openSpool(dir, { io });
    await spool.append([version('a')]);
    Object.assign(faults, { appendWritesThenFails: true, failTruncate: true });
    await expect(spool.append([version('x')])).rejects.toThrow(/ENOSPC/);
    Object.assign(faults, { appendWritesThenFails: false, failTruncate: false });
    await spool.append([version('b')]);
    expect(await replayAll(dir)).toEqual(['a', 'b']);
    expect(sideLines(dir, 'unreadable.ndjson')).toHaveLength(1);
  });

  it('on a read-only disk refuses appends, says so, and recovers by itself once writable', async () => {
    const dir = tempDir();
    const { io, faults } = faultyIo();
    const spool = openSpool(dir, { io });
    await spool.append([version('a')]);
    faults.failAll = 'EROFS';
    await expect(spool.append([version('b')])).rejects.toThrow(/EROFS/);
    await expect(spool.probe()).rejects.toThrow(/EROFS/);
    expect(spool.health().writable).toBe(false);
    faults.failAll = undefined;
    await spool.probe();
    expect(spool.health()).toEqual({ writable: true });
    expect(fs.readdirSync(path.join(dir, 'spool')).sort()).toEqual(['ingest.ndjson']);
    expect(spool.pendingCases()).toBe(1);
  });

  it('replays even when the stored batches cannot be cut off, and does not replay them again in this run', async () => {
    const dir = tempDir();
    const { io, faults } = faultyIo();
    const spool = openSpool(dir, { io });
    await spool.append([version('a')]);
    await spool.append([version('b')]);
    faults.failAll = 'EROFS';
    const seen: string[] = [];
    expect(await spool.replay(async (batch) => void seen.push(...ids(batch)))).toBe(2);
    expect(spool.pendingCases()).toBe(0);
    expect(spool.health().writable).toBe(false);
    faults.failAll = undefined;
    await spool.append([version('c')]);
    await spool.replay(async (batch) => void seen.push(...ids(batch)));
    expect(seen).toEqual(['a', 'b', 'c']);
    // the cut was made when the disk took writes again
    expect(fs.readFileSync(spoolFile(dir), 'utf8')).toBe('');
  });
});

describe('spool set-aside', () => {
  it('keeps refused versions, each with its reason, in rejected.ndjson', async () => {
    const dir = tempDir();
    const spool = openSpool(dir);
    await spool.setAside([{ version: version('poison'), reason: 'refused: bad escape' }]);
    await spool.setAside([{ version: version('other'), reason: 'receivedAt: differs' }]);
    const rejected = sideLines(dir, 'rejected.ndjson');
    expect(rejected.map((r) => [r.version.id, r.reason])).toEqual([
      ['poison', 'refused: bad escape'],
      ['other', 'receivedAt: differs'],
    ]);
  });
});
