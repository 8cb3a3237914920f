// Builds shared/refdata/calendar.json, the public holidays and make-up working days (调休) of
// mainland China, from the chinese-days package (a devDependency: nothing reads it at run time).
// Deterministic: same package version, same bytes. Run with `npm run refdata`.
import fs from 'node:fs';
import path from 'node:path';
import { parseCalendarFile, type CalendarFile, type CalendarYear } from '@shared/calendar/calendar-schema';
import { packageId, readJson, ROOT } from './refdata/paths';
import { writeText } from './refdata/write';

const CHINESE_DAYS_DIR = path.join(ROOT, 'node_modules/chinese-days');
export const CALENDAR_OUT = path.join(ROOT, 'shared/refdata/calendar.json');

/**
 * The oldest year shipped: cases are kept six years (RETENTION_YEARS), so as of 2026 a case
 * received in late 2020 may still be posted, and its deadline computed.
 */
const FIRST_YEAR = 2020;

/** One year of chinese-days' dist/years/<year>.json: date → "English name,中文名,days". */
interface PackageYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** "Spring Festival,春节,4" → "春节" (the Chinese name; the wall's default language). */
function chineseName(value: string): string {
  const name = value.split(',')[1];
  if (!name) throw new Error(`chinese-days: unexpected holiday value "${value}"`);
  return name;
}

function renamed(dates: Record<string, string>, year: number): Record<string, string> {
  const entries = Object.entries(dates).sort(([a], [b]) => a.localeCompare(b));
  for (const [date] of entries)
    if (!date.startsWith(`${year}-`)) throw new Error(`chinese-days ${year}: ${date} is in another year`);
  return Object.fromEntries(entries.map(([date, value]) => [date, chineseName(value)]));
}

export function buildCalendarFile(packageDir: string = CHINESE_DAYS_DIR): CalendarFile {
  const yearsDir = path.join(packageDir, 'dist/years');
  const years = fs
    .readdirSync(yearsDir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => Number(f.slice(0, 4)))
    .filter((y) => y >= FIRST_YEAR)
    .sort((a, b) => a - b);
  const entries: CalendarYear[] = years.map((year) => {
    const data = readJson<PackageYear>(path.join(yearsDir, `${year}.json`));
    return { year, holidays: renamed(data.holidays, year), workdays: renamed(data.workdays, year) };
  });
  const id = packageId(packageDir);
  return parseCalendarFile(
    {
      source: `${id} (dist/years/*.json, from the State Council's yearly notices on holiday arrangements, 国务院办公厅关于部分节假日安排的通知), years ${FIRST_YEAR} onwards`,
      licence: `${id}: MIT`,
      years: entries,
    },
    id,
  );
}

/** Two-space JSON: one date per line, so that a new year or a corrected notice reads as a diff. */
export function calendarJson(file: CalendarFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const file = buildCalendarFile();
  writeText(CALENDAR_OUT, calendarJson(file));
  const years = file.years.map((y) => y.year);
  console.log(`${path.relative(ROOT, CALENDAR_OUT)}: ${years[0]}-${years.at(-1)} from ${file.licence}`);
}
