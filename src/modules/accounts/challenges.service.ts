/**
 * One-time codes: 6 digits, 5 minutes, 3 wrong entries void the code, at most 3 resends with a
 * 60 s pause (all from config). Codes are stored as keyed hashes; attempts are counted with one
 * atomic UPDATE so parallel guesses cannot exceed the limit; the message goes out through the
 * notification outbox in the same transaction that creates the challenge.
 */
import type { Executor } from '../../db/client.js';
import { codeExpired, codeInvalid, notFound, rateLimited } from '../../shared/errors.js';
import { maskEmail, maskPhone, phoneCountryAllowed } from '../../shared/identifiers.js';
import { codesEqual, generateNumericCode, hashCode } from '../../shared/otp.js';
import { piiHash } from '../../shared/pii.js';
import type { TemplateName } from '../notifications/index.js';
import type { NotifyInput } from '../notifications/index.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AccountsDeps } from './accounts.deps.js';
import * as repo from './challenges.repository.js';
import type { ChallengeRow } from './challenges.repository.js';

export type ChallengePurpose = ChallengeRow['purpose'];
export type OtpChannel = ChallengeRow['channel'];

const CODE_TEMPLATES = {
  REGISTRATION: 'auth.code.registration',
  LOGIN_SECOND_FACTOR: 'auth.code.login',
  PASSWORD_RESET: 'auth.code.password_reset',
  CONTACT_CHANGE: 'auth.code.contact_change',
  CERTIFICATE_BINDING: 'auth.code.certificate_binding',
} as const satisfies Record<ChallengePurpose, TemplateName>;

export interface ChallengeView {
  id: string;
  purpose: ChallengePurpose;
  channel: OtpChannel;
  maskedDestination: string | null;
  expiresAt: Date;
  resendAvailableAt: Date;
  attemptsLeft: number;
}

export interface NewChallenge {
  purpose: ChallengePurpose;
  channel: OtpChannel;
  userId: string | null;
  /** Where the code goes; null sends nothing (TOTP, or a reset for an unknown login). */
  destination: string | null;
  /** Shown masked to the client; defaults to the destination's mask. */
  maskedDestination?: string | null;
  payload?: Record<string, unknown>;
}

export class ChallengeService {
  constructor(private readonly deps: AccountsDeps) {}

  /** Counts a code sent to `destination` from `meta.ip` against the SMS-pumping limits. */
  async limitSending(destination: string, meta: RequestMeta): Promise<void> {
    const { config, rateLimiter, hashKey } = this.deps;
    const window = config.RATE_LIMIT_WINDOW_SECONDS;
    await rateLimiter.hit([
      { key: `codes:dest:${piiHash(hashKey, 'ratelimit', destination)}`, limit: config.RATE_LIMIT_CODES_PER_DESTINATION, windowSeconds: window },
      ...(meta.ip ? [{ key: `codes:ip:${meta.ip}`, limit: config.RATE_LIMIT_CODES_PER_IP, windowSeconds: window }] : []),
    ]);
  }

  /** Creates the challenge and, in the same transaction, the message carrying its code. */
  async create(tx: Executor, input: NewChallenge, meta: RequestMeta): Promise<ChallengeRow> {
    const { config, clock } = this.deps;
    const now = clock.now();
    const sendsCode = input.channel !== 'TOTP' && input.destination !== null && this.mayReceive(input.channel, input.destination);
    const masked = input.maskedDestination !== undefined ? input.maskedDestination : mask(input.channel, input.destination);
    const row = await repo.insertChallenge(tx, {
      purpose: input.purpose,
      channel: input.channel,
      userId: input.userId,
      destination: input.destination,
      maxAttempts: config.CODE_MAX_ATTEMPTS,
      expiresAt: new Date(now.getTime() + config.CODE_TTL_SECONDS * 1000),
      resendAvailableAt: new Date(now.getTime() + config.CODE_RESEND_PAUSE_SECONDS * 1000),
      payload: { ...input.payload, maskedDestination: masked },
      ip: meta.ip,
      createdAt: now,
    });
    if (!sendsCode) return row;
    return this.issueCode(tx, row);
  }

  /**
   * A challenge that looks like one sent to `contact` but sends nothing and can never be confirmed
   * (it has no code): the answer to a registration or contact change naming someone else's
   * contact, so the requester cannot tell. Resends count against the contact's limits as usual.
   */
  async createUnconfirmable(
    tx: Executor,
    input: { purpose: ChallengePurpose; channel: 'SMS' | 'EMAIL'; userId: string | null; contact: string },
    meta: RequestMeta,
  ): Promise<ChallengeRow> {
    const { contact, ...rest } = input;
    return this.create(tx, { ...rest, destination: null, maskedDestination: mask(input.channel, contact), payload: { limitKey: contact } }, meta);
  }

  /** A new code for the same challenge, after the pause and within the resend limit. */
  async resend(challengeId: string, meta: RequestMeta): Promise<ChallengeRow> {
    const { config, clock, db } = this.deps;
    const now = clock.now();
    const row = await repo.findChallenge(db, challengeId);
    if (!row) throw notFound('Запрос кода');
    if (row.consumedAt) throw codeExpired('USED');
    if (row.channel === 'TOTP') return row; // nothing to send: the code is on the user's device
    if (row.resends >= config.CODE_MAX_RESENDS) {
      throw codeExpired('ATTEMPTS_EXHAUSTED');
    }
    if (row.resendAvailableAt > now) {
      throw rateLimited((row.resendAvailableAt.getTime() - now.getTime()) / 1000, 'Повторно отправить код можно чуть позже');
    }
    const limitKey = row.destination ?? (typeof row.payload.limitKey === 'string' ? row.payload.limitKey : null);
    if (limitKey) await this.limitSending(limitKey, meta);
    return db.transaction(async (tx) => {
      const renewed = await repo.renewChallenge(tx, {
        id: row.id,
        codeHash: null,
        now,
        expiresAt: new Date(now.getTime() + config.CODE_TTL_SECONDS * 1000),
        resendAvailableAt: new Date(now.getTime() + config.CODE_RESEND_PAUSE_SECONDS * 1000),
        maxResends: config.CODE_MAX_RESENDS,
      });
      if (!renewed) throw codeExpired('ATTEMPTS_EXHAUSTED');
      return row.destination && this.mayReceive(row.channel, row.destination) ? this.issueCode(tx, renewed) : renewed;
    });
  }

  /**
   * Checks a code: takes one attempt (committed on its own, whatever follows) and compares.
   * Returns the challenge when the code is right; the caller consumes it with `consume` inside
   * the transaction of the action it unlocks, so a failed action leaves the code usable.
   */
  async check(input: { challengeId: string; code: string; purpose: ChallengePurpose; userId?: string }): Promise<ChallengeRow> {
    const row = await this.takeAttempt(input);
    this.compare(row, input.code);
    return row;
  }

  /** resend, answered as the client sees a challenge. */
  async resendCode(challengeId: string, meta: RequestMeta): Promise<ChallengeView> {
    return this.view(await this.resend(challengeId, meta));
  }

  /** Deletes challenges that expired before `before` (the accounts.prune job); answers how many. */
  pruneStale(before: Date): Promise<number> {
    return repo.deleteStaleChallenges(this.deps.db, before);
  }

  /** Compares a code with an attempt already taken; throws CODE_INVALID with the attempts left. */
  compare(row: ChallengeRow, code: string): void {
    if (row.channel === 'TOTP') throw new Error('TOTP challenges are checked against the authenticator');
    const expected = row.codeHash;
    const given = hashCode(this.deps.hashKey, row.id, code.trim());
    if (!expected || !codesEqual(expected, given)) throw codeInvalid(row.maxAttempts - row.attempts);
  }

  /** Takes one attempt of a challenge of the given purpose (and owner), or explains why none is left. */
  async takeAttempt(input: { challengeId: string; purpose: ChallengePurpose; userId?: string }): Promise<ChallengeRow> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const existing = await repo.findChallenge(db, input.challengeId);
    if (!existing || existing.purpose !== input.purpose || (input.userId !== undefined && existing.userId !== input.userId)) {
      throw notFound('Запрос кода');
    }
    const row = await repo.takeChallengeAttempt(db, existing.id, now);
    if (row) return row;
    const fresh = (await repo.findChallenge(db, existing.id)) ?? existing;
    if (fresh.consumedAt) throw codeExpired('USED');
    if (fresh.expiresAt <= now) throw codeExpired('EXPIRED');
    throw codeExpired('ATTEMPTS_EXHAUSTED');
  }

  /** Marks the challenge used inside the caller's transaction; a second use fails. */
  async consume(tx: Executor, challengeId: string): Promise<void> {
    const ok = await repo.consumeChallenge(tx, challengeId, this.deps.clock.now());
    if (!ok) throw codeExpired('USED');
  }

  /**
   * Whether a code may go to this destination: SMS only to the countries of
   * SMS_ALLOWED_COUNTRY_CODES (toll fraud). Registration and contact change refuse such a number
   * up front (BAD_USER_INPUT); elsewhere (a password reset, a login's second factor) the challenge
   * is answered as usual and nothing is sent, so the answer tells nothing about the account.
   */
  mayReceive(channel: OtpChannel, destination: string): boolean {
    if (channel !== 'SMS' || phoneCountryAllowed(destination, this.deps.config.SMS_ALLOWED_COUNTRY_CODES)) return true;
    this.deps.log.warn({ channel: 'SMS' }, 'one-time code not sent: the phone\'s country is not in SMS_ALLOWED_COUNTRY_CODES');
    return false;
  }

  view(row: ChallengeRow): ChallengeView {
    const masked = row.payload.maskedDestination;
    return {
      id: row.id,
      purpose: row.purpose,
      channel: row.channel,
      maskedDestination: typeof masked === 'string' ? masked : null,
      expiresAt: row.expiresAt,
      resendAvailableAt: row.resendAvailableAt,
      attemptsLeft: Math.max(0, row.maxAttempts - row.attempts),
    };
  }

  private async issueCode(tx: Executor, row: ChallengeRow): Promise<ChallengeRow> {
    const { config, notifications, hashKey } = this.deps;
    const code = generateNumericCode(config.CODE_LENGTH);
    const codeHash = hashCode(hashKey, row.id, code);
    const updated = await repo.setChallengeCode(tx, row.id, codeHash);
    const destination = row.destination;
    if (destination) {
      const message: NotifyInput = {
        userId: row.userId,
        template: CODE_TEMPLATES[row.purpose] as 'auth.code.login',
        vars: { code },
        to: row.channel === 'SMS' ? { phone: destination } : { email: destination },
        channels: [row.channel === 'SMS' ? 'SMS' : 'EMAIL'],
        subjectType: 'Challenge',
        subjectId: row.id,
      };
      await notifications.notify(tx, message);
    }
    return updated ?? row;
  }
}

function mask(channel: OtpChannel, destination: string | null): string | null {
  if (!destination) return null;
  return channel === 'EMAIL' ? maskEmail(destination) : channel === 'SMS' ? maskPhone(destination) : null;
}
