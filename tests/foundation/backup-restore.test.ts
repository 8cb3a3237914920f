// npm run backup / npm run restore, round trip: cases ingested by a real server (a child process on
// DATA_DIR A, so this process binds the embedded engine only to B), one more accepted case waiting in
// the spool, a backup with the server stopped, a restore into a fresh DATA_DIR B: every case, rollup,
// spooled case and token is there, and the restored store keeps ingesting.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseInputSchema } from '@shared/case-schema';
import { toCaseVersion } from '../../server/ingest/case-row';
import { openSpool } from '../../server/ingest/spool';
import type { BackupManifest } from '../../scripts/store-backup';
import { makeCase, startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dataDirA = tempDataDir('cw-backup-a-');
const dataDirB = tempDataDir('cw-backup-b-');
const backupDir = path.join(tempDataDir('cw-backups-'), 'nightly');
let child: ChildProcess | undefined;
let restored: TestServer | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  await restored?.stop();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startServerA(): Promise<string> {
  const port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDirA, SIMULATOR: 'off', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return baseUrl;
  }
  throw new Error('server A did not become healthy');
}

function npmScript(script: 'backup' | 'restore', dataDir: string, arg: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, arg], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const tokensOf = (dataDir: string) =>
  JSON.parse(fs.readFileSync(path.join(dataDir, 'tokens.json'), 'utf8')) as {
    tokens: Array<{ role: string; token: string }>;
  };

describe('backup and restore of the embedded store', () => {
  const receivedAt = new Date(Date.now() - 30 * 60_000).toISOString();
  const cases = Array.from({ length: 500 }, (_, i) =>
    makeCase(`BACKUP-${i}`, { receivedAt, regionCode: i % 2 ? '420102' : '440305' }),
  );
  const resolved = cases
    .slice(0, 50)
    .map((c) => ({ ...c, status: 'resolved' as const, updatedAt: new Date().toISOString() }));

  it('backs up a stopped store, and refuses while the server runs', async () => {
    const baseUrl = await startServerA();
    const ingestToken = tokensOf(dataDirA).tokens.find((t) => t.role === 'ingest')!.token;
    for (const batch of [cases, resolved]) {
      const reply = await fetch(`${baseUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      expect(reply.status).toBe(200);
    }
    const refused = npmScript('backup', dataDirA, backupDir);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/open by a running server .*stop it first/);

    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    await exited;
    child = undefined;
    // accepted while ClickHouse was away and not yet replayed: the backup must carry it too
    await openSpool(dataDirA).append([
      toCaseVersion(caseInputSchema.parse(makeCase('BACKUP-SPOOLED', { receivedAt }))),
    ]);

    const backup = npmScript('backup', dataDirA, backupDir);
    expect(backup.output).toMatch(/backed up/);
    expect(backup.status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest.tables.case_heads.rows).toBe(500);
    expect(manifest.tables.case_versions.rows).toBe(550);
    expect(manifest.files).toEqual(expect.arrayContaining(['spool', 'tokens.json']));
  });

  it('restores into a fresh DATA_DIR with every case, rollup, spooled case and token', async () => {
    const restore = npmScript('restore', dataDirB, backupDir);
    expect(restore.output).toMatch(/all matching the backup/);
    expect(restore.status).toBe(0);
    expect(npmScript('restore', dataDirB, backupDir).output).toMatch(/exists: restore into a new DATA_DIR/);
    expect(tokensOf(dataDirB)).toEqual(tokensOf(dataDirA));

    restored = await startTestServer({ dataDir: dataDirB });
    const query = async (sql: string) =>
      Number((await restored!.server.clickhouse.query<{ n: string }>('test', sql))[0].n);
    expect(await query("SELECT count() AS n FROM case_heads FINAL WHERE startsWith(id, 'BACKUP-')")).toBe(501); // the spooled case replayed
    expect(await query('SELECT sum(cases) AS n FROM intake_minute WHERE region_code IN (420102, 440305)')).toBe(501);
    expect(await query('SELECT sum(cases) AS n FROM open_cases WHERE region_code IN (420102, 440305)')).toBe(451);
    // the restored views still feed the rollups
    expect((await restored.ingest([makeCase('BACKUP-AFTER', { receivedAt, regionCode: '420102' })])).status).toBe(200);
    expect(await query('SELECT sum(cases) AS n FROM intake_minute WHERE region_code IN (420102, 440305)')).toBe(502);
  });
});
