// Structured logs (pino, JSON lines on stdout). Tests pass level 'silent'.
// Tokens are never written: an Authorization header or a token field anywhere a logged object may
// carry one is censored, and a ?token= in a logged URL or error message is cut out.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACTED = '[redacted]';
const TOKEN_IN_TEXT = /([?&](?:token|access_token)=)[^&#\s"']*/gi;
const BEARER_IN_TEXT = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/** A text with any ?token= value and bearer token replaced. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_TEXT, `$1${REDACTED}`).replace(BEARER_IN_TEXT, `$1${REDACTED}`);
}

const REDACT_PATHS = [
  'token',
  '*.token',
  'auth.token',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'handshake.auth',
  '*.handshake.auth',
];

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'command-wall' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: {
      err: (err: unknown) => {
        if (typeof err === 'string') return redactTokens(err);
        if (!(err instanceof Error)) return err;
        const out = pino.stdSerializers.err(err);
        return { ...out, message: redactTokens(out.message ?? ''), stack: out.stack && redactTokens(out.stack) };
      },
      url: (url: unknown) => (typeof url === 'string' ? redactTokens(url) : url),
      req: (req: unknown) => {
        if (!req || typeof req !== 'object') return req;
        // an http.IncomingMessage is cut down to method, url and headers; a plain object is kept
        const out: Record<string, unknown> =
          'socket' in req ? { ...pino.stdSerializers.req(req as never) } : { ...req };
        if (typeof out.url === 'string') out.url = redactTokens(out.url);
        return out;
      },
    },
    hooks: {
      // the message itself (logger.info('... ?token=x')) goes through the same cut
      logMethod(args, method) {
        const redacted = args.map((arg: unknown) => (typeof arg === 'string' ? redactTokens(arg) : arg));
        method.apply(this, redacted as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
