/** Account flows the tests need again and again, driven through the API like a client would. */
import { randomInt } from 'node:crypto';
import { AddDocumentDocument, ConfirmRegistrationDocument, LoginDocument, RegisterDocument, ReviewDocumentDocument } from '../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../src/sdk/client.js';
import type { TestApp } from './app.js';
import { hashPassword } from '../../src/shared/passwords.js';

export const PASSWORD = 'Верный-Пароль-42';

let seq = 0;
/** A phone no other test file uses: +7 9xx with a random middle and a per-process counter. */
export function uniquePhone(): string {
  seq += 1;
  return `+79${String(randomInt(10, 99))}${String(randomInt(0, 999)).padStart(3, '0')}${String(seq % 10000).padStart(4, '0')}`;
}

export interface Citizen {
  id: string;
  phone: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  client: MfcClient;
}

/** Registers a citizen through register + the SMS code + confirmRegistration. */
export async function registerCitizen(t: TestApp, overrides: { phone?: string; email?: string; password?: string } = {}): Promise<Citizen> {
  const phone = overrides.phone ?? uniquePhone();
  const password = overrides.password ?? PASSWORD;
  const since = t.sms.messages.length;
  const { register } = await t.client.request(RegisterDocument, {
    input: { phone, email: overrides.email ?? null, password, lastName: 'Петрова', firstName: 'Мария', middleName: 'Сергеевна', acceptTerms: true },
  });
  const code = await smsCode(t, phone, since);
  const { confirmRegistration } = await t.client.request(ConfirmRegistrationDocument, { challengeId: register.id, code });
  return {
    id: confirmRegistration.user.id,
    phone,
    password,
    accessToken: confirmRegistration.accessToken,
    refreshToken: confirmRegistration.refreshToken,
    client: t.client.withToken(confirmRegistration.accessToken),
  };
}

/** Logs in with a password (no second factor expected) and returns a signed-in client. */
export async function loginAs(t: TestApp, login: string, password = PASSWORD) {
  const { login: result } = await t.client.request(LoginDocument, { input: { login, password } });
  if (result.__typename !== 'AuthPayload') throw new Error(`expected a session, got ${result.__typename}`);
  return { ...result, client: t.client.withToken(result.accessToken) };
}

/**
 * An account written straight to the database (as the operations CLI would), then logged in:
 * no SMS round trip, so it works without workers too.
 */
export async function createAccount(t: TestApp, role: 'ADMIN' | 'OPERATOR' | 'CITIZEN', opts: { staffBranchId?: string; firstName?: string } = {}) {
  const phone = uniquePhone();
  const user = await t.running.app.services.accounts.seeding.insertAccount({
    phone,
    passwordHash: await hashPassword(PASSWORD),
    lastName: { ADMIN: 'Админова', OPERATOR: 'Операторов', CITIZEN: 'Гражданинов' }[role],
    firstName: opts.firstName ?? 'Тест',
    roles: [role],
    trustLevel: role === 'CITIZEN' ? 'SIMPLIFIED' : 'CONFIRMED',
    staffBranchId: opts.staffBranchId ?? null,
  });
  const session = await loginAs(t, phone);
  return { id: user.id, phone, ...session };
}

/**
 * The code in the first SMS to `phone` among the messages received from index `since` on (take
 * `t.sms.messages.length` before the action that sends it). Reads it like the user would.
 */
export async function smsCode(t: TestApp, phone: string, since: number, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = t.sms.messages.slice(since).find((x) => x.to === phone && /\b\d{6}\b/.test(x.text));
    const code = m?.text.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no code SMS to ${phone} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Like smsCode, for e-mail. */
export async function mailCode(t: TestApp, email: string, since: number, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = t.mail.messages.slice(since).find((x) => x.to.includes(email) && /\b\d{6}\b/.test(x.text));
    const code = m?.text.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no code e-mail to ${email} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Kept for readability at call sites that make staff. */
export const createStaff = createAccount;

const reviewers = new WeakMap<TestApp, Promise<{ client: MfcClient }>>();

/**
 * Puts a SNILS or a personal INN on the citizen's account as a verified value, the way it happens
 * for real: the citizen adds the document and an administrator verifies it.
 */
export async function addVerifiedIdentifier(t: TestApp, client: MfcClient, kind: 'SNILS' | 'INN', number: string): Promise<void> {
  let reviewer = reviewers.get(t);
  if (!reviewer) {
    reviewer = createAccount(t, 'ADMIN');
    reviewers.set(t, reviewer);
  }
  const { addDocument } = await client.request(AddDocumentDocument, { input: { kind, number } });
  await (await reviewer).client.request(ReviewDocumentDocument, { id: addDocument.id, status: 'VERIFIED' });
}
