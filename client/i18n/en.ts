// English: must have exactly the shape of zh (checked by the compiler through Messages).
import { tileTitles } from '@shared/panels';
import type { Messages } from './zh';

export const en: Messages = {
  appTitle: '12315 Command Centre',
  scopeNational: 'China',
  noToken: {
    title: 'This display is not authorised yet',
    body: 'Open this page with the wall URL the server prints at start (it carries ?token=). The token is kept on this machine, so you only do this once.',
    hint: 'e.g. http://server:12315/?token=…',
  },
  refusedTitle: 'The server refused this display',
  authRefused: (reason: string) =>
    `The server refused this display: ${reason}. If the token has expired, open a fresh wall URL. Retrying every 30 s.`,
  connection: {
    live: 'Live',
    stale: 'Data delayed',
    connecting: 'Connecting…',
    lostSince: (time: string) => `Connection lost since ${time}`,
    degraded: 'Database degraded: showing the last good data',
    resyncing: 'Resyncing',
  },
  age: {
    seconds: (s: number) => `${s}s ago`,
    minutes: (m: number) => `${m} min ago`,
    hours: (h: number) => `${h} h ago`,
    none: 'No data yet',
    stale: 'Delayed',
  },
  // tile titles live in the panel registry: one entry per tile, both languages
  tiles: tileTitles('en'),
  kpis: {
    todayTotal: 'Received today',
    vsYesterday: 'vs yesterday',
    vsLastWeek: 'vs last week',
    lastHour: 'Last hour',
    open: 'Open',
    overdue: 'Overdue',
    onTimeRate: 'On time (30 d)',
    recovered: 'Recovered today',
    noBase: 'n/a',
  },
  measures: {
    today: 'Today',
    lastHour: 'Last hour',
    per100k: 'Per 100k',
    overdue: 'Overdue',
  },
  volume: { current: 'Today', baseline: 'Last week' },
  merchants: { merchants: 'Merchants', brands: 'Brands' },
  feed: { urgent: 'Urgent', empty: 'No cases yet' },
  empty: {
    alerts: 'No hot-issue alerts',
    incidents: 'No incidents',
    generic: 'No data',
  },
  alertSeverity: { low: 'Low', medium: 'Medium', high: 'High' },
  incidentState: { open: 'Open', responding: 'Responding', contained: 'Contained', closed: 'Closed' },
  casesCount: (n: string) => `${n} cases`,
  map: {
    back: 'Up one level',
    legend: 'Legend',
    urgent: 'Urgent case',
    incident: 'Incident',
    boundarySource: (source: string) => `Boundaries: ${source}`,
    loadFailed: 'Could not load the boundary pack',
    noValues: 'No values at this level',
    southSea: 'South China Sea Islands',
  },
  units: { yuan: 'yuan', wan: '10k', yi: '100m', percent: '%' },
};
