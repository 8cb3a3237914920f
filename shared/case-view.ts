// GET /api/v1/cases/:id: one case as stored, its versions oldest first, and its legal clocks
// (docs/api.md). Times are ISO 8601 in China Standard Time (+08:00).
import type { Category, Channel, IssueType, Kind, Line, Status } from './codes';

/** One stored version of a case: the fields posted, as scrubbed and stored by the ingest. */
export interface CaseVersionView {
  id: string;
  receivedAt: string;
  /** the version's time (updatedAt as posted, else receivedAt) */
  updatedAt: string;
  acceptedAt?: string;
  extendedDays: number;
  line: Line;
  kind: Kind;
  channel: Channel;
  regionCode: string;
  category: Category;
  issueType: IssueType;
  status: Status;
  urgent: boolean;
  merchant?: { id?: string; name: string };
  brand?: string;
  amountYuan: number;
  recoveredYuan: number;
  location: { lon: number; lat: number } | null;
  summary: string;
}

export interface CaseDeadlinesView {
  acceptBy?: string;
  mediateBy?: string;
  verifyBy?: string;
  /** the clock running now (docs/deadlines.md) */
  dueAt: string;
  /** handled late: still open past dueAt, or closed after it */
  overdue: boolean;
  /** a counted day lies in a year the calendar has no data for (Monday to Friday assumed) */
  provisional: boolean;
}

/** The current state (the newest version) with its history and deadlines. */
export interface CaseView extends CaseVersionView {
  versions: CaseVersionView[];
  deadlines: CaseDeadlinesView;
}
