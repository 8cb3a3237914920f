import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRows } from '../clickhouse/encoded-rows';
import { openInsertJournal } from './insert-journal';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cw-journal-'));
const rows = [
  { id: 'A-1', summary: '消费者反映"漏水"\n要求退货', amount_yuan: 12.5, lon: null },
  { id: 'A-2', summary: '', amount_yuan: 0, lon: 116.4 },
];

describe('insert journal', () => {
  it('keeps the encoded insert across a restart, byte for byte', async () => {
    const dir = tempDir();
    const encoded = encodeRows(rows);
    await openInsertJournal(dir).record({ token: 't-1', encoded });
    const reopened = openInsertJournal(dir).pending();
    expect(reopened?.token).toBe('t-1');
    expect(reopened?.encoded.columns).toEqual(['id', 'summary', 'amount_yuan', 'lon']);
    expect(reopened?.encoded.rows).toBe(2);
    expect(reopened?.encoded.body.equals(encoded.body)).toBe(true);
    const lines = reopened!.encoded.body.toString('utf8').split('\n');
    expect(lines.map((line) => (line ? JSON.parse(line) : line))).toEqual([
      ['A-1', '消费者反映"漏水"\n要求退货', 12.5, null],
      ['A-2', '', 0, 116.4],
      '',
    ]);
  });

  it('treats a journal torn mid-write as an insert that never started', async () => {
    const dir = tempDir();
    await openInsertJournal(dir).record({ token: 't-2', encoded: encodeRows(rows) });
    const file = path.join(dir, 'inflight.json');
    fs.truncateSync(file, fs.statSync(file).size - 5);
    expect(openInsertJournal(dir).pending()).toBeUndefined();
    fs.writeFileSync(file, '{"token":"t-3","colu');
    expect(openInsertJournal(dir).pending()).toBeUndefined();
  });

  it('reads a journal written by the earlier version (one JSON object with the rows)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'inflight.json'), JSON.stringify({ token: 'old', rows }));
    const entry = openInsertJournal(dir).pending();
    expect(entry?.token).toBe('old');
    expect(entry?.encoded.body.equals(encodeRows(rows).body)).toBe(true);
  });

  it('is empty once cleared', async () => {
    const dir = tempDir();
    const journal = openInsertJournal(dir);
    await journal.record({ token: 't-4', encoded: encodeRows(rows) });
    await journal.clear();
    expect(journal.pending()).toBeUndefined();
    expect(openInsertJournal(dir).pending()).toBeUndefined();
  });
});
