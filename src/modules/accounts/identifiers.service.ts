/**
 * Verified identifiers: the one place where a SNILS or an INN becomes (or stops being) a value an
 * external identity may link by.
 *
 * A SNILS or INN the citizen typed is unverified. It becomes verified only when somebody who can
 * vouch for it does: an operator verifying the document, or a trusted provider (an SSO login whose
 * claims mark it verified). SSO and signature logins match accounts only by verified values, so a
 * squatter who types someone else's SNILS never receives that person's identity. When a verified
 * value reaches an account and another account holds the same value unverified, the verified owner
 * wins: the squatter's value is dropped (and the squatter told); a value verified elsewhere is never
 * taken.
 */
import type { Executor } from '../../db/client.js';
import { piiHash } from '../../shared/pii.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AccountsDeps } from './accounts.deps.js';
import type { UserRow } from './accounts.repository.js';
import type { AccountJournal } from './journal.service.js';

export type IdentifierKind = 'SNILS' | 'INN';

/** Who vouched for a value: an SSO provider (its id) or an operator's document review. */
export type VerifiedBy = { by: 'SSO'; provider: string } | { by: 'DOCUMENT'; documentId: string; reviewerId: string };

/**
 * What became of a verified value: assigned to the account (or already there), or left out
 * because another account holds it verified, or because the account has another verified value.
 */
export type AssignResult = 'ASSIGNED' | 'ALREADY_VERIFIED' | 'HELD_BY_VERIFIED' | 'OTHER_VALUE_VERIFIED';

const NAMES: Record<IdentifierKind, string> = { SNILS: 'СНИЛС', INN: 'ИНН' };

const columns = (kind: IdentifierKind) =>
  kind === 'SNILS'
    ? ({ value: 'snils', hash: 'snilsHash', verified: 'snilsVerified', login: 'snilsHash' } as const)
    : ({ value: 'inn', hash: 'innHash', verified: 'innVerified', login: 'innHash' } as const);

export class VerifiedIdentifiers {
  constructor(
    private readonly deps: AccountsDeps,
    private readonly journal: AccountJournal,
  ) {}

  hash(kind: IdentifierKind, value: string): string {
    return piiHash(this.deps.hashKey, kind === 'SNILS' ? 'snils' : 'inn', value);
  }

  /** The account that holds this value verified, if any: the only one an external identity may link to. */
  async findVerifiedHolder(db: Executor, kind: IdentifierKind, value: string): Promise<UserRow | undefined> {
    const c = columns(kind);
    const user = await this.deps.users.findUserByLogin(db, { kind: c.login, value: this.hash(kind, value) });
    return user?.[c.verified] ? user : undefined;
  }

  /**
   * Whether a citizen may put this value on their account (a typed value or an unreviewed
   * document): 'FREE', 'MINE', held unverified by another account ('HELD_UNVERIFIED': it may be
   * claimed later by verification), or verified elsewhere ('HELD_VERIFIED').
   */
  async holderOf(db: Executor, userId: string, kind: IdentifierKind, value: string): Promise<'FREE' | 'MINE' | 'HELD_UNVERIFIED' | 'HELD_VERIFIED'> {
    const c = columns(kind);
    const holder = await this.deps.users.findUserByLogin(db, { kind: c.login, value: this.hash(kind, value) });
    if (!holder) return 'FREE';
    if (holder.id === userId) return 'MINE';
    return holder[c.verified] ? 'HELD_VERIFIED' : 'HELD_UNVERIFIED';
  }

  /**
   * Puts a vouched-for value on the account as verified, inside the caller's transaction. Another
   * account holding it unverified loses it (journalled, told by its security channels); one
   * holding it verified keeps it and nothing changes here. An account's own different verified
   * value is not replaced; a different unverified one is.
   */
  async assignVerified(tx: Executor, userId: string, kind: IdentifierKind, value: string, source: VerifiedBy, meta: RequestMeta): Promise<AssignResult> {
    const c = columns(kind);
    const user = await this.deps.users.findUserById(tx, userId);
    if (!user) throw new Error(`user ${userId} vanished`);
    if (user[c.value] === value && user[c.verified]) return 'ALREADY_VERIFIED';
    if (user[c.value] !== null && user[c.value] !== value && user[c.verified]) {
      this.deps.log.warn({ userId, kind, source: source.by }, 'a verified identifier differs from the one vouched for now; kept');
      return 'OTHER_VALUE_VERIFIED';
    }
    const hash = this.hash(kind, value);
    const holder = await this.deps.users.lockUserByLogin(tx, { kind: c.login, value: hash });
    if (holder && holder.id !== userId) {
      if (holder[c.verified]) return 'HELD_BY_VERIFIED';
      await this.release(tx, holder, kind, source);
    }
    await this.deps.users.updateUser(tx, userId, { [c.value]: value, [c.hash]: hash, [c.verified]: true });
    await this.journal.record(tx, userId, `${kind}_VERIFIED`, meta, { ...source });
    return 'ASSIGNED';
  }

  /** The squatter's side: the value goes, STANDARD (which needs a SNILS) falls back, the owner is told. */
  private async release(tx: Executor, holder: UserRow, kind: IdentifierKind, source: VerifiedBy): Promise<void> {
    const c = columns(kind);
    const lowered = kind === 'SNILS' && holder.trustLevel === 'STANDARD' ? { trustLevel: 'SIMPLIFIED' as const } : {};
    const updated = await this.deps.users.updateUser(tx, holder.id, { [c.value]: null, [c.hash]: null, [c.verified]: false, ...lowered });
    // The journal entry is the holder's: who took the value (and from where) is not theirs to know.
    await this.journal.record(tx, holder.id, `${kind}_REMOVED`, { ip: null, userAgent: null }, { reason: 'VERIFIED_ELSEWHERE', by: source.by });
    await this.journal.notifySecurity(tx, updated, 'security.identifier_removed', { identifier: NAMES[kind] });
    this.deps.log.info({ userId: holder.id, kind, by: source.by }, 'an unverified identifier gave way to its verified owner');
  }
}
