// A small typed i18n: messages are plain objects (functions where text takes arguments), so a
// missing or misspelt key is a compile error rather than a blank on the wall.
import { computed, ref } from 'vue';
import type { CodeLabel } from '@shared/codes';
import { en } from './en';
import { zh, type Messages } from './zh';

export type Locale = 'zh' | 'en';
export type { Messages };

const catalogues: Record<Locale, Messages> = { zh, en };

/** The language the wall speaks; set once from ?lang= at start. */
export const locale = ref<Locale>('zh');

/** Messages of the current language, reactive so a switch re-renders everything. */
export const messages = computed<Messages>(() => catalogues[locale.value]);

export function parseLocale(value: string | null | undefined): Locale {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function messagesFor(lang: Locale): Messages {
  return catalogues[lang];
}

/** The label of a code from shared/codes.ts, falling back to the raw code for one the wall does not know. */
export function codeLabel<T extends Record<string, CodeLabel>>(
  table: T,
  code: string,
  lang: Locale = locale.value,
): string {
  const entry = (table as Record<string, CodeLabel | undefined>)[code];
  return entry ? entry[lang] : code;
}

/** A wall error code in the current language; text that is not a known code (an older server) as it came. */
export function wallErrorText(code: string, lang: Locale = locale.value): string {
  const texts: Record<string, string | undefined> = catalogues[lang].wallErrors;
  return texts[code] ?? code;
}

/** Use in components: `const m = useMessages()` then `m.value.tiles.map` in script, `m.tiles.map` in templates. */
export function useMessages() {
  return messages;
}
