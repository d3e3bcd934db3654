/** Personal data, passwords, codes and tokens never reach the log, even at trace level. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginDocument, UpdateProfileDocument } from '../../../src/sdk/generated/graphql.js';
import { registerCitizen, smsCode } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { createLogger } from '../../../src/shared/logger.js';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  // The production logger (same redaction), at trace level, written to memory.
  const log = createLogger('trace', {}, sink);
  t = await startTestApp({}, { log });
});
afterAll(async () => {
  await t.stop();
});

describe('logs', () => {
  it('never contain SNILS, INN, passwords, codes or tokens', async () => {
    const since = t.sms.messages.length;
    const c = await registerCitizen(t);
    const code = await smsCode(t, c.phone, since);
    await c.client.request(UpdateProfileDocument, { input: { snils: '112-233-445 95', inn: '500100732259' } });
    await t.client.raw(LoginDocument, { input: { login: '112-233-445 95', password: 'Неверный-Пароль-1' } });
    await t.client.raw(UpdateProfileDocument, { input: { snils: '000-000-000 00' } });
    await new Promise((r) => setTimeout(r, 300));
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of ['11223344595', '112-233-445 95', '500100732259', c.password, 'Неверный-Пароль-1', code, c.accessToken, c.refreshToken]) {
      expect(all, `log contains ${secret.slice(0, 6)}…`).not.toContain(secret);
    }
  });
});
