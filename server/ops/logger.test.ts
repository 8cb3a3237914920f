import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactTokens } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

const TOKEN = 'wall_3f9c2a7d81e64b05a9d1c3e5f7a9b1c3';

describe('logger', () => {
  it('never writes a token: headers, token fields, URLs, messages and errors', () => {
    const { logger, lines } = capture();
    logger.info(
      { req: { url: `/?layout=wide&token=${TOKEN}`, headers: { authorization: `Bearer ${TOKEN}` } } },
      'request',
    );
    logger.info({ token: TOKEN, auth: { token: TOKEN }, handshake: { auth: { token: TOKEN } } }, 'socket');
    logger.warn({ url: `http://wall:12315/?token=${TOKEN}#x` }, `opened http://wall/?token=${TOKEN}&scope=420100`);
    logger.error(
      { err: new Error(`fetch /api/v1/stats?token=${TOKEN} failed with Bearer ${TOKEN}`) },
      'request failed',
    );
    logger.error({ err: `GET /?token=${TOKEN}` }, 'as a string');
    const written = lines.join('');
    expect(lines).toHaveLength(5);
    expect(written).not.toContain(TOKEN);
    expect(written).toContain('token=[redacted]');
    expect(written).toContain('scope=420100');
    expect(JSON.parse(lines[1])).toMatchObject({ token: '[redacted]', auth: { token: '[redacted]' } });
  });

  it('cuts only the token out of a text', () => {
    expect(redactTokens('/?a=1&token=x-y_z&b=2')).toBe('/?a=1&token=[redacted]&b=2');
    expect(redactTokens('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactTokens('no tokens here, tokenizer=1')).toBe('no tokens here, tokenizer=1');
  });
});
