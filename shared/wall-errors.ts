// Why the /wall namespace said no: one code per reason, in acknowledgements, in connect_error and in the
// notice before the server closes a socket. Walls translate the code (client/i18n); no prose travels,
// so a Chinese wall never shows an English sentence.

export const WALL_ERROR_CODES = [
  /** a message that does not match its schema; detail.field names the first wrong field */
  'invalid-request',
  /** a scope that is neither "national" nor a shipped adcode */
  'unknown-scope',
  /** the socket already follows detail.limit scopes: unsubscribe first */
  'too-many-scopes',
  /** an event the namespace does not know */
  'unknown-event',
  /** more messages than the socket's budget: retry after detail.retryAfterMs; kept up, the socket is closed */
  'rate-limited',
  /** the handshake carried no token */
  'token-missing',
  /** the handshake carried a token the server does not know (never issued, removed, or malformed) */
  'token-invalid',
  /** the token of a connected socket was removed from the token file */
  'token-revoked',
  /** the token's role may not watch the wall */
  'forbidden',
  /** the token already has detail.limit sockets open */
  'too-many-sockets',
  /** the root namespace "/" serves nobody: connect to /wall */
  'namespace-closed',
  /** the socket did not read what it was sent: its send buffer passed the limit (server-side reason) */
  'slow-reader',
  /** the server failed to handle a message (a bug: logged) */
  'server-error',
  /** set by the wall itself when the server does not answer within its timeout */
  'no-answer',
] as const;

export type WallErrorCode = (typeof WALL_ERROR_CODES)[number];

/** Optional facts that go with a code; the wall may show them inside its own sentence. */
export interface WallErrorDetail {
  /** the request field that is wrong (`scope`, `lastSeq`, `request` for the whole message) */
  field?: string;
  /** the limit that was reached */
  limit?: number;
  /** when the socket may send again */
  retryAfterMs?: number;
}

export interface WallError {
  code: WallErrorCode;
  detail?: WallErrorDetail;
}

export function isWallErrorCode(value: unknown): value is WallErrorCode {
  return typeof value === 'string' && (WALL_ERROR_CODES as readonly string[]).includes(value);
}
