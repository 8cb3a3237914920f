// Structured logs (pino, JSON lines on stdout). Tests pass level 'silent'.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'command-wall' }, timestamp: pino.stdTimeFunctions.isoTime });
}
