/** Secrets never reach a log line: every value under a secret key, three levels deep, without changing the caller's objects. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from './logger.js';

describe('scrubSecrets', () => {
  it('replaces values under secret keys at the top and two levels down, arrays included, copying only what changes', () => {
    const input = { requestId: 'r-1', phone: '+79990000000', user: { id: 'u', email: 'a@b.c', doc: { number: '45 06 123456', kind: 'PASSPORT_RF' } }, fields: [{ field: 'snils', snils: '112-233-445 95' }], deep: { a: { b: { code: '123456' } } } };
    const out = scrubSecrets(input);
    expect(out).toEqual({ requestId: 'r-1', phone: '[redacted]', user: { id: 'u', email: '[redacted]', doc: { number: '[redacted]', kind: 'PASSPORT_RF' } }, fields: [{ field: 'snils', snils: '[redacted]' }], deep: { a: { b: { code: '123456' } } } });
    expect(input.phone).toBe('+79990000000'); // the caller's object is untouched
    const clean = { requestId: 'r-2', status: 200, nested: { durationMs: 3 } };
    expect(scrubSecrets(clean)).toBe(clean); // nothing to replace: the same object, no copy
  });

  it('leaves errors to pino’s serializer', () => {
    const err = Object.assign(new Error('boom'), { code: 'ECONNREFUSED' });
    expect(scrubSecrets({ err }).err).toBe(err);
  });
});

describe('the logger', () => {
  it('writes a line with its secrets replaced and its bindings scrubbed too', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, cb) { lines.push(chunk.toString()); cb(); } });
    const log = createLogger('info', {}, sink).child({ token: 'secret-token' });
    log.info({ user: { lastName: 'Иванов', id: 'u-1' }, password: 'Пароль-1' }, 'signed in');
    await new Promise((r) => setImmediate(r));
    const line = JSON.parse(lines.join('')) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'signed in', token: '[redacted]', password: '[redacted]', user: { lastName: '[redacted]', id: 'u-1' } });
  });
});
