// Stable, diff-friendly JSON: one region or feature per line, no timestamps.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function writeText(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** `head` as JSON with `key` holding `items`, one item per line. */
export function jsonWithListLines(head: Record<string, unknown>, key: string, items: unknown[]): string {
  const fields = Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},\n`);
  return `{${fields.join('')}${JSON.stringify(key)}:[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]}\n`;
}

export function fileSizes(file: string): { raw: number; gzip: number } {
  const data = fs.readFileSync(file);
  return { raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
