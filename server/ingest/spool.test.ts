import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseVersion } from './case-row';
import { openSpool } from './spool';

const version = (id: string) => ({ id }) as CaseVersion;

describe('spool', () => {
  it('replays batches oldest first and keeps what failed, in order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-'));
    const spool = openSpool(dir);
    await spool.append([version('a'), version('b')]);
    await spool.append([version('c')]);
    await spool.append([version('d')]);
    expect(spool.pendingCases()).toBe(4);

    const seen: string[] = [];
    await expect(
      spool.replay(async (batch) => {
        if (batch[0].id === 'd') throw new Error('down again');
        seen.push(...batch.map((v) => v.id));
      }),
    ).rejects.toThrow('down again');
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(spool.pendingCases()).toBe(1);

    // a new process finds what is left
    const reopened = openSpool(dir);
    expect(reopened.pendingCases()).toBe(1);
    const rest: string[] = [];
    expect(await reopened.replay(async (batch) => void rest.push(...batch.map((v) => v.id)))).toBe(1);
    expect(rest).toEqual(['d']);
    expect(reopened.pendingCases()).toBe(0);
  });

  it('ignores a torn last line left by a crash mid-append (that batch was never acknowledged)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-'));
    await openSpool(dir).append([version('a')]);
    fs.appendFileSync(path.join(dir, 'spool', 'ingest.ndjson'), '[{"id":"b"');
    expect(openSpool(dir).pendingCases()).toBe(1);
  });
});

describe('spool set-aside', () => {
  it('moves the oldest batch, with its reason, to rejected.ndjson and keeps the rest in order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-'));
    const spool = openSpool(dir);
    await spool.append([version('poison'), version('x')]);
    await spool.append([version('next')]);
    expect(await spool.setAsideHead('refused: constraint')).toBe(2);
    expect(spool.pendingCases()).toBe(1);
    const rejected = fs.readFileSync(path.join(dir, 'spool', 'rejected.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBe('refused: constraint');
    expect(rejected[0].versions.map((v: CaseVersion) => v.id)).toEqual(['poison', 'x']);
    const left: string[] = [];
    await openSpool(dir).replay(async (batch) => void left.push(...batch.map((v) => v.id)));
    expect(left).toEqual(['next']);
  });
});
