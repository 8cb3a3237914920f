// From the stored versions of a case to the case API's reply: the newest version as the current
// state, every version oldest first, and the deadlines recomputed with the calendar in force (so
// the answer is right even before a stored due_at has been recomputed after a calendar change).
import { isoCst } from '@shared/calendar/cst-day';
import type { CaseVersionView, CaseView } from '@shared/case-view';
import {
  isOpenStatus,
  type Category,
  type Channel,
  type IssueType,
  type Kind,
  type Line,
  type Status,
} from '@shared/codes';
import { caseDeadlines } from '@shared/deadlines';
import type { CaseVersion } from '../ingest/case-row';

function versionView(v: CaseVersion): CaseVersionView {
  return {
    id: v.id,
    receivedAt: isoCst(v.receivedAtMs),
    updatedAt: isoCst(v.versionAtMs),
    ...(v.acceptedAtMs != null ? { acceptedAt: isoCst(v.acceptedAtMs) } : {}),
    extendedDays: v.extendedDays ?? 0,
    line: v.line as Line,
    kind: v.kind as Kind,
    channel: v.channel as Channel,
    regionCode: String(v.regionCode),
    category: v.category as Category,
    issueType: v.issueType as IssueType,
    status: v.status as Status,
    urgent: v.urgent,
    ...(v.merchantName ? { merchant: { ...(v.merchantId ? { id: v.merchantId } : {}), name: v.merchantName } } : {}),
    ...(v.brand ? { brand: v.brand } : {}),
    amountYuan: v.amountYuan,
    recoveredYuan: v.recoveredYuan,
    location: v.lon !== null && v.lat !== null ? { lon: v.lon, lat: v.lat } : null,
    summary: v.summary,
  };
}

/**
 * When the case last entered a terminal state from an open one (as activity_hour counts closures);
 * undefined while it is open.
 */
function closedAt(versions: readonly CaseVersion[]): number | undefined {
  let at: number | undefined;
  let wasOpen = true;
  for (const v of versions) {
    const open = isOpenStatus(v.status as Status);
    if (!open && wasOpen) at = v.versionAtMs;
    if (open) at = undefined;
    wasOpen = open;
  }
  return at;
}

/** `versions` oldest first and not empty; `nowMs` decides whether an open case is overdue. */
export function caseView(versions: readonly CaseVersion[], nowMs: number): CaseView {
  const head = versions[versions.length - 1];
  const d = caseDeadlines({
    kind: head.kind as Kind,
    receivedAt: head.receivedAtMs,
    acceptedAt: head.acceptedAtMs ?? undefined,
    extendedDays: head.extendedDays ?? 0,
  });
  const closedAtMs = closedAt(versions);
  const overdue = closedAtMs === undefined ? nowMs > d.dueAtMs : closedAtMs > d.dueAtMs;
  return {
    ...versionView(head),
    versions: versions.map(versionView),
    deadlines: {
      ...(d.acceptBy ? { acceptBy: d.acceptBy } : {}),
      ...(d.mediateBy ? { mediateBy: d.mediateBy } : {}),
      ...(d.verifyBy ? { verifyBy: d.verifyBy } : {}),
      dueAt: d.dueAt,
      overdue,
      provisional: d.provisional,
    },
  };
}
