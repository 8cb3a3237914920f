// The pieces of the report's page that do not depend on a section: escaping, tables, section frames,
// the header with the period's facts and key figures, and what is set in bold (for the fonts).
import { onTimeRate, type Briefing } from './briefing';
import { cstDate, lastCstDate } from './report-period';
import {
  changeText,
  formatCount,
  formatRate,
  formatYuan,
  regionName,
  reportText,
  type ReportLang,
} from './report-text';

export const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const cstDateTime = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function table(head: string[], rows: string[][], numericFrom = 1): string {
  const cell = (tag: string, text: string, i: number) =>
    `<${tag}${i >= numericFrom ? ' class="num"' : ''}>${text}</${tag}>`;
  return `<table><thead><tr>${head.map((h, i) => cell('th', escape(h), i)).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((text, i) => cell('td', text, i)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** What is set in bold: headings, table heads, the key figures, and the figures on the bars. */
export function boldTextOf(html: string): string {
  const bold = [...html.matchAll(/<(h1|h2|th|strong)\b[^>]*>(.*?)<\/\1>/gs)].map((m) => m[2]).join('');
  return `${bold}0123456789,.%+-`;
}

/** `whole`: keep the section on one page (short ones); otherwise it may break between table and chart. */
export function section(id: string, title: string, content: string, whole = false): string {
  return `<section id="${id}"${whole ? ' class="whole"' : ''}><h2>${escape(title)}</h2>${content}</section>`;
}

export function scopeName(b: Briefing, lang: ReportLang): string {
  return b.scope === 'national' ? reportText(lang).national : regionName(b.scope, lang);
}

export function header(b: Briefing, lang: ReportLang): string {
  const t = reportText(lang);
  const range = (w: { fromMs: number; toMs: number }) => t.dateRange(cstDate(w.fromMs), lastCstDate(w));
  const facts: Array<[string, string]> = [
    [t.scope, scopeName(b, lang)],
    [t.period, range(b.windows.period)],
    [t.previous, range(b.windows.previous)],
    [t.yearAgo, range(b.windows.yearAgo)],
    [t.history, b.historyFromMs === null ? t.noData : cstDate(b.historyFromMs)],
    [t.generated, `${cstDateTime(b.generatedAtMs)} (UTC+8)`],
  ];
  const rate = onTimeRate(b.closures.period);
  const kpis: Array<[string, string, string]> = [
    [
      t.totalCases,
      formatCount(b.totals.value),
      `${t.columns.change} ${changeText(b.totals.value, b.totals.previous, t.noData, t.notApplicable)} · ${t.columns.yoy} ${changeText(b.totals.value, b.totals.yearAgo, t.noData, t.notApplicable)}`,
    ],
    [
      t.onTimeRate,
      rate === null ? t.notApplicable : formatRate(rate),
      `${t.closed} ${formatCount(b.closures.period.closed)}`,
    ],
    [t.recoveredYuan, formatYuan(b.closures.period.recoveredYuan), ''],
  ];
  return `<header><h1>${escape(t.title)} <small>${escape(t.periodKinds[b.windows.kind])}</small></h1>
<dl>${facts.map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`).join('')}</dl>
${b.windows.period.toMs > b.generatedAtMs ? `<p class="note">${escape(t.inProgress)}</p>` : ''}
<div class="kpis">${kpis.map(([k, v, s]) => `<div class="kpi"><span>${escape(k)}</span><strong>${escape(v)}</strong><em>${escape(s)}</em></div>`).join('')}</div></header>`;
}
