/**
 * The two writes the documents module makes to a user, owned here because users belong to
 * accounts: a SNILS or INN document fills the empty profile field, and the documents held move the
 * trust level between SIMPLIFIED and STANDARD. Both run inside the documents module's transaction
 * (`tx`). Added for the documents module's front-door migration; the logic moved unchanged from
 * documents.service.ts.
 */
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../shared/clock.js';
import { badField, conflict, notFound } from '../../shared/errors.js';
import { piiHash } from '../../shared/pii.js';
import type { UsersRepository } from './accounts.repository.js';
import type { IdentifierKind, VerifiedIdentifiers } from './identifiers.service.js';
import * as activity from './activity.repository.js';

/** The profile values an approved change request sets (absent: unchanged). */
export interface ApprovedProfileChange {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  birthDate?: string | null;
}

export interface AccountDocumentsDeps {
  clock: Clock;
  /** Key of the keyed hashes of SNILS and INN (their look-up columns). */
  hashKey: string;
  users: UsersRepository;
  identifiers: VerifiedIdentifiers;
}

export class AccountDocuments {
  constructor(private readonly deps: AccountDocumentsDeps) {}

  /**
   * SNILS and INN documents and the profile agree: an empty profile field takes the document's
   * number; a different one is refused (the profile's SNILS is a login and must stay unique). A
   * number another account holds verified is refused; one another account only typed stays off
   * this profile until an operator verifies the document (then the verified owner wins).
   */
  async fillIdentifierFromDocument(tx: Executor, userId: string, kind: IdentifierKind, number: string): Promise<void> {
    const user = await this.deps.users.findUserById(tx, userId);
    if (!user) throw notFound('Пользователь');
    const field = kind === 'SNILS' ? 'snils' : 'inn';
    const current = user[field];
    if (current === number) return;
    if (current) throw badField('input.number', kind === 'SNILS' ? 'СНИЛС отличается от указанного в профиле' : 'ИНН отличается от указанного в профиле');
    const holder = await this.deps.identifiers.holderOf(tx, userId, kind, number);
    if (holder === 'HELD_UNVERIFIED') return;
    const { hashKey } = this.deps;
    try {
      await this.deps.users.updateUser(tx, userId, kind === 'SNILS' ? { snils: number, snilsHash: piiHash(hashKey, 'snils', number) } : { inn: number, innHash: piiHash(hashKey, 'inn', number) });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(kind === 'SNILS' ? 'Этот СНИЛС указан в другой учётной записи' : 'Этот ИНН указан в другой учётной записи', 'input.number');
      throw err;
    }
  }

  /**
   * SIMPLIFIED ↔ STANDARD as the documents say (`standard`: a valid passport RF and a SNILS).
   * CONFIRMED (in person or by a trusted SSO) is never lowered here.
   */
  async setDocumentTrust(tx: Executor, userId: string, standard: boolean): Promise<void> {
    const user = await this.deps.users.findUserById(tx, userId);
    if (!user || user.trustLevel === 'CONFIRMED') return;
    const level = standard ? 'STANDARD' : 'SIMPLIFIED';
    if (level !== user.trustLevel) await this.deps.users.updateUser(tx, userId, { trustLevel: level, updatedAt: this.deps.clock.now() });
  }

  /**
   * An operator approved the citizen's change request (the family module asks, in its
   * transaction): the names and birth date are written and the journal says who approved which
   * fields (never the values).
   */
  async applyApprovedChange(tx: Executor, userId: string, change: ApprovedProfileChange, by: { requestId: string; reviewerId: string }): Promise<void> {
    const values: Partial<Record<keyof ApprovedProfileChange, string>> = {};
    for (const field of ['lastName', 'firstName', 'middleName', 'birthDate'] as const) {
      const v = change[field];
      if (v) values[field] = v;
    }
    const now = this.deps.clock.now();
    if (Object.keys(values).length > 0) await this.deps.users.updateUser(tx, userId, { ...values, updatedAt: now });
    await activity.insertActivity(tx, { userId, action: 'PROFILE_CHANGE_APPROVED', at: now, ip: null, userAgent: null, details: { fields: Object.keys(values), requestId: by.requestId, reviewerId: by.reviewerId } });
  }

  /** The account whose verified SNILS this is (a dependant who came of age may have one), or null. */
  async holderOfVerifiedSnils(tx: Executor, snils: string): Promise<string | null> {
    const user = await this.deps.users.findUserByLogin(tx, { kind: 'snilsHash', value: piiHash(this.deps.hashKey, 'snils', snils) });
    return user?.snilsVerified ? user.id : null;
  }
}
