// The chaos benchmark's verdict: every version a 200 reply accepted is stored, exactly once, nothing
// stored that was never acknowledged, and the rollups agree with the heads (a version written twice
// would move its case twice); then how each fault went for the wall.
import type { ChaosAudit } from './chaos-server';
import { versionKey, type ChaosSink } from './chaos-sink';
import type { WallWatch } from './chaos-wall';

export type FaultKind = 'clickhouse detached' | 'SIGKILL + restart' | 'spool disk full' | 'slow-read storm';
export interface Fault {
  kind: FaultKind;
  startMs: number;
  endMs: number;
  note?: string;
}

export const seconds = (ms: number | undefined) => (ms === undefined ? 'never' : Math.round(ms / 100) / 10);

export interface ChaosRun {
  audit: ChaosAudit;
  sink: ChaosSink;
  wall: WallWatch;
  faults: Fault[];
  spooledAtEnd: number;
  minutes: number;
}

export function chaosReport({
  audit,
  sink,
  wall,
  faults,
  spooledAtEnd,
  minutes,
}: ChaosRun): Array<[string, ReadonlyArray<object>]> {
  const stored = new Map(audit.versions.map((v) => [versionKey(v.id, Number(v.version_ms)), Number(v.rows)]));
  const missing = [...sink.accepted.keys()].filter((key) => !stored.has(key));
  const unacknowledged = [...stored.keys()].filter((key) => !sink.accepted.has(key));
  const storedTwice = [...stored.values()].filter((rows) => rows > 1).length;
  /** which fault (or the quiet time after which) a moment fell in, to tell what lost a case or paused the ingest */
  const during = (ms: number) => {
    const last = [...faults].reverse().find((f) => f.startMs <= ms);
    if (!last) return 'before the first fault';
    return ms <= last.endMs ? `during ${last.kind}` : `${seconds(ms - last.endMs)} s after ${last.kind} ended`;
  };
  const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);
  const caseIds = (keys: Iterable<string>) => new Set([...keys].map((key) => key.slice(0, key.lastIndexOf('@')))).size;
  const withoutHead = Number(audit.withoutHead[0]?.cases ?? 0);
  const rollupOff = audit.statuses.reduce((n, s) => n + Math.abs(Number(s.rollup_cases) - Number(s.head_cases)), 0);

  const summary = {
    minutes: Math.round(minutes * 10) / 10,
    acceptedCases: caseIds(sink.accepted.keys()),
    storedCases: caseIds(stored.keys()),
    acceptedVersions: sink.accepted.size,
    storedVersions: stored.size,
    acceptedNotStored: missing.length,
    storedNotAcknowledged: unacknowledged.length,
    versionsStoredTwice: storedTwice,
    casesWithoutHead: withoutHead,
    rollupVersusHeads: rollupOff,
    spooledAtEnd,
    setAsideVersions: audit.setAsideVersions,
    unreadableSpoolLines: audit.unreadableSpoolLines,
    gaveUpOn: sink.stats.failed,
    longestWallStaleS: seconds(wall.longestStaleMs()),
    longestIngestPauseS: seconds(sink.longestPauseMs),
    verdict:
      missing.length === 0 &&
      unacknowledged.length === 0 &&
      storedTwice === 0 &&
      rollupOff === 0 &&
      withoutHead === 0 &&
      sink.stats.failed === 0
        ? 'PASS'
        : 'FAIL',
  };
  const byKind = (kind: FaultKind) => faults.filter((f) => f.kind === kind);
  const faultRows = (
    ['clickhouse detached', 'SIGKILL + restart', 'spool disk full', 'slow-read storm'] as FaultKind[]
  ).map((kind) => {
    const runs = byKind(kind);
    const recoveries = runs.map((f) => wall.backToLiveMs(f.endMs));
    return {
      fault: kind,
      times: runs.length,
      longestS: seconds(Math.max(0, ...runs.map((f) => f.endMs - f.startMs))),
      wallBackToLiveMaxS: recoveries.some((r) => r === undefined)
        ? 'never'
        : seconds(Math.max(0, ...(recoveries as number[]))),
      note: runs.find((f) => f.note)?.note ?? '',
    };
  });
  const losses = new Map<string, { versions: number; example: string }>();
  for (const key of missing) {
    const when = `${time(sink.accepted.get(key)!)}, ${during(sink.accepted.get(key)!)}`;
    const entry = losses.get(when) ?? { versions: 0, example: key };
    entry.versions += 1;
    losses.set(when, entry);
  }
  const lossRows = [...losses].map(([acceptedAt, entry]) => ({ acceptedAt, ...entry }));
  const pauseRows = [...sink.pauses]
    .sort((a, b) => b.toMs - b.fromMs - (a.toMs - a.fromMs))
    .slice(0, 8)
    .map((p) => ({
      from: time(p.fromMs),
      to: time(p.toMs),
      seconds: seconds(p.toMs - p.fromMs),
      began: during(p.fromMs),
    }));
  const replies = [...sink.replies].map(([reply, count]) => ({ reply, count }));
  const payloads = wall.payloads();
  return [
    ['Chaos: accepted versus stored', [summary]],
    ['Chaos: faults', faultRows],
    [
      'Chaos: ingest replies seen by the intake',
      [...replies, { reply: 'wall payloads (degraded)', count: `${payloads.total} (${payloads.degraded})` }],
    ],
    ['Chaos: accepted versions not stored, by when they were accepted', lossRows],
    ['Chaos: ingest pauses over 5 s (no 200 reply)', pauseRows],
  ];
}
