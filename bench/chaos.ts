// `npm run bench -- chaos`: CHAOS_MINUTES (default 30) of the real simulator's traffic at SIM_SPEED
// 10 into a real server (a child process, bench/chaos-server.ts) while, in turn and again until the
// time is up: ClickHouse is detached for 60 s; the server is SIGKILLed and restarted; the spool disk
// (a small tmpfs mounted on DATA_DIR/spool; root only) is full for 30 s, ClickHouse detached for its
// first half so the cases have nowhere to go; and a slow-read storm of wall sockets lasts 30 s.
// Prints accepted versus stored (each version exactly once), how stale a national wall got and how
// soon it was live after each fault, and the longest ingest pause.
import { spawnSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import type { ChaosAudit, ChaosMessage } from './chaos-server';
import { chaosReport, seconds, type Fault, type FaultKind } from './chaos-report';
import { ChaosSink } from './chaos-sink';
import { startSlowReadStorm } from './chaos-storm';
import { watchWall, type WallWatch } from './chaos-wall';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Mounts a small tmpfs on the spool directory so that it can be filled; false when not allowed. */
function mountSpool(spoolDir: string): string | undefined {
  fs.mkdirSync(spoolDir, { recursive: true });
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', spoolDir], { encoding: 'utf8' });
  return result.status === 0 ? undefined : (result.stderr || result.error?.message || 'mount failed').trim();
}

function fillDisk(file: string): number {
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(1 << 20, 1);
  let written = 0;
  try {
    for (;;) written += fs.writeSync(fd, block);
  } catch {
    // ENOSPC: full
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

export async function chaosBench(scratch: string): Promise<Array<[string, ReadonlyArray<object>]>> {
  const totalMs = Number(process.env.CHAOS_MINUTES ?? 30) * 60_000;
  const gapMs = Math.min(60_000, Math.max(10_000, totalMs / 16));
  const dataDir = path.join(scratch, 'data');
  const spoolDir = path.join(dataDir, 'spool');
  const mountRefused = mountSpool(spoolDir);
  const port = await freePort();
  const serverLogFile = path.join(scratch, 'server.log');
  const serverLog = fs.openSync(serverLogFile, 'a');
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let wall: WallWatch | undefined;

  async function startServer(): Promise<ChildProcess> {
    const started = fork(path.join(import.meta.dirname, 'chaos-server.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL || 'warn' },
      // the server's JSON log, kept for a look at what happened when (its path is printed at the start)
      stdio: ['ignore', serverLog, serverLog, 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      started.once('message', () => resolve());
      started.once('exit', (code) => reject(new Error(`chaos server exited (${code}) before it was ready`)));
    });
    return started;
  }
  const send = (message: ChaosMessage) => child?.send(message);
  const detach = (detached: boolean) => send({ type: 'detach', detached });

  const cleanUp = () => {
    child?.kill('SIGKILL');
    if (!mountRefused) spawnSync('umount', ['-l', spoolDir]);
  };
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    return await runChaos();
  } finally {
    wall?.close();
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(30_000)]);
    }
    cleanUp();
  }

  async function runChaos(): Promise<Array<[string, ReadonlyArray<object>]>> {
    child = await startServer();
    const tokens = (
      JSON.parse(fs.readFileSync(path.join(dataDir, 'tokens.json'), 'utf8')) as {
        tokens: Array<{ role: string; token: string }>;
      }
    ).tokens;
    const tokenOf = (role: string) => tokens.find((t) => t.role === role)!.token;
    const watch = watchWall(baseUrl, tokenOf('wall'));
    wall = watch;
    const sink = new ChaosSink(() => `${baseUrl}/api/v1/cases`, tokenOf('ingest'));
    // the simulator is imported late: `npm start` never loads it, and neither does any other benchmark
    const { CaseModel } = await import('../simulator/model');
    const { LiveSimulation } = await import('../simulator/live');
    const simulation = new LiveSimulation({
      model: new CaseModel({ seed: 12315, speed: 10 }),
      sink,
      logger: pino({ level: 'silent' }),
    });
    simulation.start();

    const faults: Fault[] = [];
    const startedMs = Date.now();
    const runFault = async (kind: FaultKind, body: () => Promise<string | void>) => {
      const fault: Fault = { kind, startMs: Date.now(), endMs: 0 };
      fault.note = (await body()) || undefined;
      fault.endMs = Date.now();
      faults.push(fault);
      console.log(
        `  ${new Date().toISOString()} ${kind}: ${seconds(fault.endMs - fault.startMs)} s${fault.note ? ` (${fault.note})` : ''}`,
      );
      await sleep(gapMs);
    };
    const plan: Array<[FaultKind, () => Promise<string | void>]> = [
      [
        'clickhouse detached',
        async () => {
          detach(true);
          await sleep(60_000);
          detach(false);
        },
      ],
      [
        'SIGKILL + restart',
        async () => {
          const killed = new Promise((resolve) => child!.once('exit', resolve));
          child!.kill('SIGKILL');
          await killed;
          child = await startServer();
          return 'until healthy again';
        },
      ],
      [
        'spool disk full',
        async () => {
          if (mountRefused) return `skipped: cannot mount a tmpfs on the spool (${mountRefused})`;
          const filler = path.join(spoolDir, '.chaos-filler');
          const bytes = fillDisk(filler);
          detach(true);
          await sleep(15_000);
          detach(false);
          await sleep(15_000);
          fs.rmSync(filler);
          return `${Math.round(bytes / 2 ** 20)} MiB filler; ClickHouse detached for the first 15 s`;
        },
      ],
      [
        'slow-read storm',
        async () => {
          const storm = startSlowReadStorm(port, tokenOf('wall'));
          await sleep(30_000);
          storm.stop();
          return `${storm.joined()} sockets joined, ${storm.closedByServer()} closed by the server`;
        },
      ],
    ];
    console.log(
      `chaos: ${totalMs / 60_000} min, quiet ${gapMs / 1000} s between faults, DATA_DIR ${dataDir}, server log ${serverLogFile}`,
    );
    await sleep(gapMs);
    for (let i = 0; i < plan.length || Date.now() - startedMs + 60_000 + gapMs < totalMs; i += 1) {
      const [kind, body] = plan[i % plan.length];
      await runFault(kind, body);
    }

    await simulation.stop(); // waits for every batch to be acknowledged (3 min at most)
    sink.notePauseUntilNow();
    let spooled = -1;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline && spooled !== 0; await sleep(1000)) {
      spooled = await fetch(`${baseUrl}/healthz`).then(
        async (r) => ((await r.json()) as { spooledCases: number }).spooledCases,
        () => -1,
      );
    }
    const audit = await new Promise<ChaosAudit>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the chaos server did not answer the audit')), 300_000);
      child!.once('message', (m) => {
        clearTimeout(timer);
        const answer = m as ChaosAudit;
        if (answer.error) reject(new Error(`audit failed: ${answer.error}`));
        else resolve(answer);
      });
      send({ type: 'audit' });
    });

    return chaosReport({
      audit,
      sink,
      wall: watch,
      faults,
      spooledAtEnd: spooled,
      minutes: (Date.now() - startedMs) / 60_000,
    });
  }
}
