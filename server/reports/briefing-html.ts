// The report as one self-contained HTML page (fonts and charts inside it, no script, nothing fetched):
// what a browser shows, and what Chromium prints to PDF. Sections in the order of the 分析报告:
// totals, kinds, lines, channels, goods, services, merchants, brands, regions, on-time closure, money
// recovered, alerts, incidents.
import { CATEGORIES, CHANNELS, CHANNEL_CODES, KINDS, KIND_CODES, LINES, LINE_CODES, type Channel } from '@shared/codes';
import { INCIDENT_STATUSES, SEVERITIES } from '@shared/incidents';
import { onTimeRate, type Briefing, type Compared, type RankedCode } from './briefing';
import { FULL_WIDTH_PX, HALF_WIDTH_PX, channelSvg, rankingSvg } from './report-charts';
import { fontFacesFor } from './report-fonts';
import { cstDate, lastCstDate } from './report-period';
import {
  changeText,
  formatCount,
  formatRate,
  formatYuan,
  label,
  pointsText,
  regionName,
  reportText,
  type ReportLang,
} from './report-text';
import { REPORT_CSS } from './report-style';
import { boldTextOf, cstDateTime, escape, header, scopeName, section, table } from './report-html-parts';

export function briefingHtml(b: Briefing, lang: ReportLang): string {
  const t = reportText(lang);
  const change = (value: number, previous: number | null) =>
    escape(changeText(value, previous, t.noData, t.notApplicable));
  const count = (n: number | null) => (n === null ? escape(t.noData) : formatCount(n));
  const comparedRows = (
    codes: readonly string[],
    table_: Record<string, { zh: string; en: string }>,
    figures: Record<string, Compared>,
  ) =>
    codes.map((code) => [
      escape(label(table_, code, lang)),
      formatCount(figures[code].value),
      count(figures[code].previous),
      change(figures[code].value, figures[code].previous),
      count(figures[code].yearAgo),
      change(figures[code].value, figures[code].yearAgo),
    ]);
  const comparedHead = [
    t.columns.item,
    t.columns.value,
    t.columns.previous,
    t.columns.change,
    t.columns.yearAgo,
    t.columns.yoy,
  ];
  const bars = (items: Array<{ label: string; count: number }>, colour: number, widthPx = FULL_WIDTH_PX) =>
    items.some((i) => i.count > 0) ? `<figure>${rankingSvg(items, colour, widthPx)}</figure>` : '';
  /** a ranking: its table and its bars side by side, kept on one page */
  const pair = (tableHtml: string, items: Array<{ label: string; count: number }>, colour: number) =>
    `<div class="pair">${tableHtml}${bars(items, colour, HALF_WIDTH_PX)}</div>`;
  const categorySection = (id: string, title: string, items: RankedCode[], colour: number) =>
    section(
      id,
      title,
      pair(
        table(
          [t.columns.item, t.columns.value, t.columns.previous, t.columns.change],
          items.map((i) => [
            escape(label(CATEGORIES, i.code, lang)),
            formatCount(i.value),
            count(i.previous),
            change(i.value, i.previous),
          ]),
        ),
        items.map((i) => ({ label: label(CATEGORIES, i.code, lang), count: i.value })),
        colour,
      ),
      true,
    );
  const partySection = (id: string, title: string, items: Array<{ name: string; cases: number }>, colour: number) =>
    section(
      id,
      title,
      items.length === 0
        ? `<p class="none">${escape(t.noneInPeriod)}</p>`
        : pair(
            table(
              ['#', t.columns.item, t.columns.value],
              items.map((p, i) => [String(i + 1), escape(p.name), formatCount(p.cases)]),
              2,
            ),
            items.map((p) => ({ label: p.name, count: p.cases })),
            colour,
          ),
      true,
    );

  const { period, previous, yearAgo } = b.closures;
  const rate = onTimeRate(period);
  const closureRows = [
    [
      escape(t.closed),
      formatCount(period.closed),
      count(previous?.closed ?? null),
      change(period.closed, previous?.closed ?? null),
      count(yearAgo?.closed ?? null),
      change(period.closed, yearAgo?.closed ?? null),
    ],
    [
      escape(t.closedOnTime),
      formatCount(period.closedOnTime),
      count(previous?.closedOnTime ?? null),
      change(period.closedOnTime, previous?.closedOnTime ?? null),
      count(yearAgo?.closedOnTime ?? null),
      change(period.closedOnTime, yearAgo?.closedOnTime ?? null),
    ],
    [
      escape(t.onTimeRate),
      rate === null ? t.notApplicable : formatRate(rate),
      previous === null
        ? escape(t.noData)
        : onTimeRate(previous) === null
          ? t.notApplicable
          : formatRate(onTimeRate(previous)!),
      escape(pointsText(rate, onTimeRate(previous), previous !== null, t.noData, t.notApplicable)),
      yearAgo === null
        ? escape(t.noData)
        : onTimeRate(yearAgo) === null
          ? t.notApplicable
          : formatRate(onTimeRate(yearAgo)!),
      escape(pointsText(rate, onTimeRate(yearAgo), yearAgo !== null, t.noData, t.notApplicable)),
    ],
  ];
  const yuanOr = (c: typeof period | null) => (c === null ? escape(t.noData) : formatYuan(c.recoveredYuan));
  const yuanChange = (c: typeof period | null) => change(period.recoveredYuan, c === null ? null : c.recoveredYuan);
  const channelMix = Object.fromEntries(CHANNEL_CODES.map((c) => [c, b.byChannel[c].value])) as Record<Channel, number>;

  const body = [
    header(b, lang),
    section(
      'totals',
      t.sections.totals,
      table(comparedHead, [
        [
          escape(t.totalCases),
          formatCount(b.totals.value),
          count(b.totals.previous),
          change(b.totals.value, b.totals.previous),
          count(b.totals.yearAgo),
          change(b.totals.value, b.totals.yearAgo),
        ],
      ]),
    ),
    section(
      'by-kind',
      t.sections.byKind,
      table(comparedHead, comparedRows(KIND_CODES, KINDS, b.byKind)) +
        bars(
          KIND_CODES.map((c) => ({ label: label(KINDS, c, lang), count: b.byKind[c].value })),
          0,
        ),
    ),
    section(
      'by-line',
      t.sections.byLine,
      table(comparedHead, comparedRows(LINE_CODES, LINES, b.byLine)) +
        bars(
          LINE_CODES.map((c) => ({ label: label(LINES, c, lang), count: b.byLine[c].value })),
          1,
        ),
    ),
    section(
      'by-channel',
      t.sections.byChannel,
      table(comparedHead, comparedRows(CHANNEL_CODES, CHANNELS, b.byChannel)) +
        (b.totals.value > 0 ? `<figure>${channelSvg(channelMix, lang)}</figure>` : ''),
    ),
    categorySection('goods', t.sections.goods, b.goods, 2),
    categorySection('services', t.sections.services, b.services, 4),
    partySection('merchants', t.sections.merchants, b.merchants, 5),
    partySection('brands', t.sections.brands, b.brands, 6),
    section(
      'regions',
      t.sections.regions,
      b.regions.length === 0
        ? `<p class="none">${escape(t.noneInPeriod)}</p>`
        : pair(
            table(
              ['#', t.columns.item, t.columns.value],
              b.regions.map((r, i) => [String(i + 1), escape(regionName(r.code, lang)), formatCount(r.value)]),
              2,
            ),
            b.regions.map((r) => ({ label: regionName(r.code, lang), count: r.value })),
            0,
          ),
      true,
    ),
    section('closure', t.sections.closure, table(comparedHead, closureRows)),
    section(
      'recovered',
      t.sections.recovered,
      table(comparedHead, [
        [
          escape(t.recoveredYuan),
          formatYuan(period.recoveredYuan),
          yuanOr(previous),
          yuanChange(previous),
          yuanOr(yearAgo),
          yuanChange(yearAgo),
        ],
      ]),
    ),
    section(
      'alerts',
      t.sections.alerts,
      b.alerts.length === 0
        ? `<p class="none">${escape(t.noneInPeriod)}</p>`
        : table(
            t.alertColumns,
            b.alerts.map((a) => [
              cstDateTime(Date.parse(a.startedAt)),
              escape(a.title),
              escape(t.alertSeverity[a.severity]),
              escape(t.alertStatus[a.status]),
              formatCount(a.cases),
            ]),
            4,
          ),
    ),
    section(
      'incidents',
      t.sections.incidents,
      b.incidents.length === 0
        ? `<p class="none">${escape(t.noneInPeriod)}</p>`
        : table(
            t.incidentColumns,
            b.incidents.map((i) => [
              cstDateTime(Date.parse(i.openedAt)),
              escape(i.title),
              escape(label(SEVERITIES, i.severity, lang)),
              escape(label(INCIDENT_STATUSES, i.status, lang)),
            ]),
            9,
          ),
    ),
  ].join('\n');
  const title = `${t.title} · ${scopeName(b, lang)} · ${t.dateRange(cstDate(b.windows.period.fromMs), lastCstDate(b.windows.period))}`;
  const withoutFonts = `<title>${escape(title)}</title><style>${REPORT_CSS}</style></head><body>${body}</body></html>`;
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><style>${fontFacesFor(withoutFonts, boldTextOf(withoutFonts))}</style>${withoutFonts}`;
}
