// Reads the administrator's calendar file (Node only: the server, never the browser). The file has
// the format of shared/refdata/calendar.json (calendar-schema.ts); its years are added to the
// shipped ones and replace a shipped year of the same number. A missing default file is normal;
// a file that is named but missing, or not valid, stops the start with every problem listed,
// because deadlines computed with a half-read calendar would be silently wrong.
import fs from 'node:fs';
import path from 'node:path';
import { parseCalendarFile, type CalendarYear } from './calendar-schema';
import { mergeCalendarYears, SHIPPED_CALENDAR_YEARS } from './index';
import { WorkingCalendar } from './working-calendar';

export const DEFAULT_CALENDAR_FILE_NAME = 'calendar-extra.json';

export interface CalendarFileSource {
  /** CALENDAR_FILE when set: the file must exist */
  calendarFile?: string;
  /** else DATA_DIR/calendar-extra.json, read when present */
  dataDir: string;
}

export interface LoadedCalendar {
  calendar: WorkingCalendar;
  /** the years it holds, shipped and added (an added year replaces a shipped one) */
  years: CalendarYear[];
  /** the administrator's file that was read, if any */
  file?: string;
  /** years the file added or replaced */
  addedYears: number[];
}

export function loadCalendar(source: CalendarFileSource): LoadedCalendar {
  const file = source.calendarFile ?? path.join(source.dataDir, DEFAULT_CALENDAR_FILE_NAME);
  if (!source.calendarFile && !fs.existsSync(file)) {
    return {
      calendar: new WorkingCalendar(SHIPPED_CALENDAR_YEARS),
      years: [...SHIPPED_CALENDAR_YEARS],
      addedYears: [],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`calendar file ${file} cannot be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  const added = parseCalendarFile(data, file).years;
  const years = mergeCalendarYears(SHIPPED_CALENDAR_YEARS, added);
  return {
    calendar: new WorkingCalendar(years),
    years,
    file,
    addedYears: added.map((y) => y.year).sort((a, b) => a - b),
  };
}
