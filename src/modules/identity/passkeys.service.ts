/**
 * Passkeys: WebAuthn credentials as a login (the device's fingerprint or face unlocks a key that
 * never leaves it). Registration happens while logged in; login needs no other factor, since the
 * authenticator has verified the user (userVerification "required"). The ceremonies use
 * @simplewebauthn/server; each challenge is single use (spent before the answer is checked) and
 * lives AUTH_CHALLENGE_TTL_SECONDS. The signature counter must grow with every login (a clone
 * or a replayed assertion fails), moved forward atomically in the session's transaction.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { AppError, ErrorCode, badField, conflict, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AuthPayloadView } from '../accounts/index.js';
import type { IdentityDeps } from './identity.deps.js';
import { counterIncreased, passkeyName, userHandle } from './identity.rules.js';
import * as repo from './identity.repository.js';
import type { PasskeyRow } from './identity.repository.js';

export interface PasskeyChallengeView {
  challengeId: string;
  /** PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON. */
  options: Record<string, unknown>;
  expiresAt: Date;
}

/** The outer shape of a credential answer; the library checks everything inside it. */
const credentialJson = z.object({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.record(z.string(), z.unknown()),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

const passkeyLoginFailed = (reason: string) => new AppError(ErrorCode.UNAUTHENTICATED, 'Не удалось войти по ключу доступа', { reason });

export class PasskeysService {
  constructor(private readonly deps: IdentityDeps) {}

  async beginRegistration(viewer: Viewer, meta: RequestMeta): Promise<PasskeyChallengeView> {
    const { config, db, accounts } = this.deps;
    const user = await accounts.userById(viewer.userId);
    if (!user) throw notFound('Пользователь');
    const existing = await repo.listPasskeys(db, viewer.userId);
    const options = await generateRegistrationOptions({
      rpName: config.WEBAUTHN_RP_NAME,
      rpID: config.WEBAUTHN_RP_ID,
      userID: userHandle(user.id),
      userName: user.phone ?? user.email ?? user.id,
      userDisplayName: [user.lastName, user.firstName, user.middleName].filter(Boolean).join(' '),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      timeout: config.AUTH_CHALLENGE_TTL_SECONDS * 1000,
    });
    const row = await this.newChallenge('PASSKEY_REGISTRATION', options.challenge, meta, viewer.userId);
    return { challengeId: row.id, options: { ...options }, expiresAt: row.expiresAt };
  }

  async finishRegistration(viewer: Viewer, input: { challengeId: string; response: unknown; name?: string | null }, meta: RequestMeta): Promise<PasskeyRow> {
    const { config, db, clock, log, accounts } = this.deps;
    const name = passkeyName(input.name);
    const parsed = credentialJson.safeParse(input.response);
    if (!parsed.success) throw badField('response', 'Ответ устройства не похож на ключ доступа');
    const challenge = isUuid(input.challengeId)
      ? await repo.consumeLoginChallenge(db, { id: input.challengeId, userId: viewer.userId }, { kind: 'PASSKEY_REGISTRATION', now: clock.now() })
      : undefined;
    if (!challenge) throw badField('challengeId', 'Запрос на добавление ключа устарел, начните заново');
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response: parsed.data as unknown as RegistrationResponseJSON,
        expectedChallenge: String(challenge.payload.challenge),
        expectedOrigin: [...config.WEBAUTHN_ORIGINS],
        expectedRPID: config.WEBAUTHN_RP_ID,
        requireUserVerification: true,
      });
    } catch (err) {
      log.info({ err: err instanceof Error ? err.message : String(err) }, 'passkey registration refused');
      throw badField('response', 'Ключ доступа не прошёл проверку');
    }
    if (!verification.verified) throw badField('response', 'Ключ доступа не прошёл проверку');
    const info = verification.registrationInfo;
    return db.transaction(async (tx) => {
      const row = await repo.insertPasskey(tx, {
        userId: viewer.userId,
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
        counter: info.credential.counter,
        transports: info.credential.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        aaguid: info.aaguid,
        name,
        createdAt: clock.now(),
      });
      if (row === 'DUPLICATE') throw conflict('Этот ключ доступа уже добавлен', 'response');
      await accounts.journalEntry(tx, viewer.userId, 'PASSKEY_ADDED', meta, { passkeyId: row.id, name });
      return row;
    });
  }

  async myPasskeys(viewer: Viewer): Promise<PasskeyRow[]> {
    return repo.listPasskeys(this.deps.db, viewer.userId);
  }

  async remove(viewer: Viewer, id: string, meta: RequestMeta): Promise<boolean> {
    if (!isUuid(id)) throw notFound('Ключ доступа');
    const removed = await this.deps.db.transaction(async (tx) => {
      const row = await repo.deletePasskey(tx, { id, userId: viewer.userId });
      if (row) await this.deps.accounts.journalEntry(tx, viewer.userId, 'PASSKEY_REMOVED', meta, { passkeyId: row.id, name: row.name });
      return row;
    });
    if (!removed) throw notFound('Ключ доступа');
    return true;
  }

  /** Options for a login with any passkey of this site (discoverable credentials: no login needed first). */
  async beginLogin(meta: RequestMeta): Promise<PasskeyChallengeView> {
    const { config, rateLimiter } = this.deps;
    if (meta.ip) {
      await rateLimiter.hit([{ key: `login:ip:${meta.ip}`, limit: config.RATE_LIMIT_LOGINS_PER_IP, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }]);
    }
    const options = await generateAuthenticationOptions({
      rpID: config.WEBAUTHN_RP_ID,
      userVerification: 'required',
      timeout: config.AUTH_CHALLENGE_TTL_SECONDS * 1000,
    });
    const row = await this.newChallenge('PASSKEY_LOGIN', options.challenge, meta, null);
    return { challengeId: row.id, options: { ...options }, expiresAt: row.expiresAt };
  }

  async finishLogin(input: { challengeId: string; response: unknown }, meta: RequestMeta): Promise<AuthPayloadView> {
    const { db, clock, log, accounts } = this.deps;
    const parsed = credentialJson.safeParse(input.response);
    if (!parsed.success) throw badField('response', 'Ответ устройства не похож на ключ доступа');
    const challenge = isUuid(input.challengeId)
      ? await repo.consumeLoginChallenge(db, { id: input.challengeId }, { kind: 'PASSKEY_LOGIN', now: clock.now() })
      : undefined;
    if (!challenge) throw passkeyLoginFailed('CHALLENGE_INVALID');
    const passkey = await repo.findPasskeyByCredentialId(db, parsed.data.id);
    const user = passkey ? await accounts.userById(passkey.userId) : undefined;
    if (!passkey || !user) throw passkeyLoginFailed('UNKNOWN_CREDENTIAL');
    const response = parsed.data as unknown as AuthenticationResponseJSON;
    const fail = async (reason: string) => {
      await accounts.journalFailedLogin(user.id, meta, 'PASSKEY', reason);
      return passkeyLoginFailed(reason);
    };
    // A discoverable credential names its account; it must be the one the passkey belongs to.
    if (response.response.userHandle && response.response.userHandle !== Buffer.from(userHandle(user.id)).toString('base64url')) {
      throw await fail('USER_HANDLE_MISMATCH');
    }
    const newCounter = await this.verifyAssertion(response, String(challenge.payload.challenge), passkey).catch(async (err: unknown) => {
      log.info({ err: err instanceof Error ? err.message : String(err), passkeyId: passkey.id }, 'passkey login refused');
      throw await fail('ASSERTION_INVALID');
    });
    if (!counterIncreased(passkey.counter, newCounter)) {
      log.warn({ passkeyId: passkey.id, stored: passkey.counter, received: newCounter }, 'passkey counter did not increase');
      await accounts.journalPasskeyCounterRefusal(user, meta, passkey);
      throw passkeyLoginFailed('COUNTER_NOT_INCREASED');
    }
    let counterRaced = false;
    try {
      return await accounts.signIn(user, meta, {
        method: 'PASSKEY',
        notify: true,
        details: { passkeyId: passkey.id },
        inTransaction: async (tx) => {
          if (!(await repo.advancePasskeyCounter(tx, { id: passkey.id, counter: newCounter, now: clock.now() }))) {
            counterRaced = true;
            throw passkeyLoginFailed('COUNTER_NOT_INCREASED');
          }
        },
      });
    } catch (err) {
      if (counterRaced) {
        await accounts.journalPasskeyCounterRefusal(user, meta, passkey);
        throw passkeyLoginFailed('COUNTER_NOT_INCREASED');
      }
      throw err;
    }
  }

  /** The assertion's new signature counter once its signature, origin, challenge and user verification check out. */
  private async verifyAssertion(response: AuthenticationResponseJSON, expectedChallenge: string, passkey: PasskeyRow): Promise<number> {
    const { config } = this.deps;
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: [...config.WEBAUTHN_ORIGINS],
      expectedRPID: config.WEBAUTHN_RP_ID,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        // The counter is checked by the caller (counterIncreased) so that a stale one has its own reason.
        counter: 0,
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
    if (!result.verified) throw new Error('assertion not verified');
    return result.authenticationInfo.newCounter;
  }

  private async newChallenge(kind: 'PASSKEY_REGISTRATION' | 'PASSKEY_LOGIN', challenge: string, meta: RequestMeta, userId: string | null) {
    const { config, clock, db } = this.deps;
    const now = clock.now();
    return repo.insertLoginChallenge(db, {
      kind,
      userId,
      payload: { challenge },
      ip: meta.ip,
      now,
      expiresAt: new Date(now.getTime() + config.AUTH_CHALLENGE_TTL_SECONDS * 1000),
    });
  }
}
