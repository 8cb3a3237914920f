// The report as CSV, one figure a row: section,item,value,previous,change. `previous` is the period
// before (环比) except in the section totals-year-ago, where it is the same period a year earlier;
// it reads "no data" when that window starts before the stored history. Items are codes (kinds,
// lines, channels, categories, adcodes) or names (merchants, brands), so a spreadsheet can join them.
import { CHANNEL_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import { onTimeRate, type Briefing, type Compared } from './briefing';
import { changeText, pointsText } from './report-text';

const NO_DATA = 'no data';
const NOT_APPLICABLE = 'n/a';

type Cell = string | number;

function field(value: Cell): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function briefingCsv(b: Briefing): string {
  const rows: Cell[][] = [['section', 'item', 'value', 'previous', 'change']];
  const compared = (section: string, item: string, value: number, previous: number | null) =>
    rows.push([section, item, value, previous ?? NO_DATA, changeText(value, previous, NO_DATA, NOT_APPLICABLE)]);
  const breakdown = (section: string, codes: readonly string[], figures: Record<string, Compared>) => {
    for (const code of codes) compared(section, code, figures[code].value, figures[code].previous);
  };
  compared('totals', 'all', b.totals.value, b.totals.previous);
  compared('totals-year-ago', 'all', b.totals.value, b.totals.yearAgo);
  breakdown('kind', KIND_CODES, b.byKind);
  breakdown('line', LINE_CODES, b.byLine);
  breakdown('channel', CHANNEL_CODES, b.byChannel);
  for (const item of b.goods) compared('goods', item.code, item.value, item.previous);
  for (const item of b.services) compared('services', item.code, item.value, item.previous);
  for (const party of b.merchants) rows.push(['merchants', party.name, party.cases, '', '']);
  for (const party of b.brands) rows.push(['brands', party.name, party.cases, '', '']);
  for (const region of b.regions) rows.push(['regions', region.code, region.value, '', '']);
  const { period, previous } = b.closures;
  compared('closure', 'closed', period.closed, previous?.closed ?? null);
  compared('closure', 'closed-on-time', period.closedOnTime, previous?.closedOnTime ?? null);
  const rate = onTimeRate(period);
  const rateBefore = previous ? onTimeRate(previous) : null;
  rows.push([
    'closure',
    'on-time-rate',
    rate === null ? NOT_APPLICABLE : rate.toFixed(4),
    previous === null ? NO_DATA : rateBefore === null ? NOT_APPLICABLE : rateBefore.toFixed(4),
    pointsText(rate, rateBefore, previous !== null, NO_DATA, NOT_APPLICABLE),
  ]);
  const recovered = (c: typeof period) => Number(c.recoveredYuan.toFixed(2));
  compared('recovered', 'yuan', recovered(period), previous ? recovered(previous) : null);
  rows.push(['alerts', 'all', b.alerts.length, '', '']);
  for (const alert of b.alerts) rows.push(['alerts', `${alert.id} ${alert.title}`, alert.cases, '', '']);
  rows.push(['incidents', 'all', b.incidents.length, '', '']);
  for (const incident of b.incidents)
    rows.push(['incidents', `${incident.id} ${incident.title}`, incident.caseIds.length, '', '']);
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
