// Number and time formatting for the wall. Times are always Beijing time: the wall reports China's
// day (today starts at midnight Asia/Shanghai) whatever time zone the display PC was set to.
import type { Locale, Messages } from '@client/i18n';

const TIME_ZONE = 'Asia/Shanghai';
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const hhmm = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const hhmmss = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const dateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
});

/** 12345 → "12,345" (both languages group by thousands). */
export function formatCount(value: number): string {
  return integer.format(value);
}

export type ChangeDirection = 'up' | 'down' | 'flat';

/** Relative change against a base; null when there is no base to compare with (base 0). */
export function relativeChange(value: number, base: number): { ratio: number; direction: ChangeDirection } | null {
  if (base <= 0) return null;
  const ratio = (value - base) / base;
  return { ratio, direction: Math.abs(ratio) < 0.0005 ? 'flat' : ratio > 0 ? 'up' : 'down' };
}

/** 0.1234 → "+12.3%", -0.05 → "−5.0%" (a true minus sign, wider and easier to read from afar). */
export function formatSignedPercent(ratio: number): string {
  const text = `${Math.abs(ratio * 100).toFixed(1)}%`;
  if (Math.abs(ratio) < 0.0005) return `±${text}`;
  return `${ratio > 0 ? '+' : '−'}${text}`;
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
}

/** Amounts in yuan as a command centre reads them: 万 and 亿 in Chinese, k/M/bn in English. */
export function formatYuan(amountYuan: number, lang: Locale): { value: string; unit: string } {
  if (lang === 'zh') {
    if (amountYuan >= 1e8) return { value: (amountYuan / 1e8).toFixed(2), unit: '亿元' };
    if (amountYuan >= 1e4) return { value: (amountYuan / 1e4).toFixed(1), unit: '万元' };
    return { value: formatCount(amountYuan), unit: '元' };
  }
  if (amountYuan >= 1e9) return { value: `¥${(amountYuan / 1e9).toFixed(2)}`, unit: 'bn' };
  if (amountYuan >= 1e6) return { value: `¥${(amountYuan / 1e6).toFixed(2)}`, unit: 'M' };
  if (amountYuan >= 1e4) return { value: `¥${(amountYuan / 1e3).toFixed(1)}`, unit: 'k' };
  return { value: `¥${formatCount(amountYuan)}`, unit: '' };
}

export function beijingHourMinute(ms: number): string {
  return hhmm.format(ms);
}

export function beijingTime(ms: number): string {
  return hhmmss.format(ms);
}

/** "2026-03-15 周日" / "2026-03-15 Sun" */
export function beijingDate(ms: number, lang: Locale): string {
  const parts = Object.fromEntries(dateParts.formatToParts(ms).map((p) => [p.type, p.value]));
  const weekday = lang === 'zh' ? (ZH_WEEKDAYS[parts.weekday] ?? parts.weekday) : parts.weekday;
  return `${parts.year}-${parts.month}-${parts.day} ${weekday}`;
}

const ZH_WEEKDAYS: Record<string, string> = {
  Mon: '周一',
  Tue: '周二',
  Wed: '周三',
  Thu: '周四',
  Fri: '周五',
  Sat: '周六',
  Sun: '周日',
};

/** Age of data as a wall reads it: whole seconds, then minutes, then hours. */
export function formatAge(ageMs: number, m: Messages): string {
  const seconds = Math.floor(ageMs / 1000);
  if (seconds < 120) return m.age.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return m.age.minutes(minutes);
  return m.age.hours(Math.floor(minutes / 60));
}

/** 1234567 → ['1', '234', '567']: shown with a gap between groups while textContent stays "1234567". */
export function digitGroups(value: number): string[] {
  const digits = String(Math.round(Math.abs(value)));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  if (value < 0) groups[0] = `-${groups[0]}`;
  return groups;
}
