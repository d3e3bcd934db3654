/**
 * Demo data (scripts/seed-demo.ts), tests and benchmarks: finding an account by phone and writing
 * accounts directly, without the registration code. Never reached by the API.
 */
import { hashPassword } from '../../shared/passwords.js';
import { piiHash } from '../../shared/pii.js';
import type { AccountsDeps } from './accounts.deps.js';

export interface DemoCitizen {
  phone: string;
  email: string;
  password: string;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  /** Digits only; stored with its keyed hash, unverified as a typed value is. */
  snils: string;
  inn: string;
  registrationAddress: string;
}

/** An account written straight to the database (tests, benchmarks and the operations CLI's seeding). */
export interface SeedAccount {
  phone: string;
  passwordHash: string;
  lastName: string;
  firstName: string;
  roles?: Array<'CITIZEN' | 'OPERATOR' | 'ADMIN'>;
  staffBranchId?: string | null;
  trustLevel?: 'SIMPLIFIED' | 'STANDARD' | 'CONFIRMED';
}

export class AccountSeeding {
  constructor(private readonly deps: Pick<AccountsDeps, 'db' | 'hashKey' | 'users'>) {}

  /** An account with a verified phone and a password, no registration code. */
  async insertAccount(a: SeedAccount): Promise<{ id: string }> {
    const user = await this.deps.users.insertUser(this.deps.db, { ...a, phoneVerified: true });
    return { id: user.id };
  }

  /** The id of the account with this phone, if any. */
  async userIdByPhone(phone: string): Promise<string | undefined> {
    return (await this.deps.users.findUserByLogin(this.deps.db, { kind: 'phone', value: phone }))?.id;
  }

  /** A citizen with verified contacts, SNILS and INN, and an accepted terms date. */
  async createCitizen(c: DemoCitizen): Promise<string> {
    const { db, hashKey } = this.deps;
    const user = await this.deps.users.insertUser(db, {
      phone: c.phone,
      phoneVerified: true,
      email: c.email,
      emailVerified: true,
      passwordHash: await hashPassword(c.password),
      lastName: c.lastName,
      firstName: c.firstName,
      middleName: c.middleName,
      birthDate: c.birthDate,
      snils: c.snils,
      snilsHash: piiHash(hashKey, 'snils', c.snils),
      inn: c.inn,
      innHash: piiHash(hashKey, 'inn', c.inn),
      registrationAddress: c.registrationAddress,
      termsAcceptedAt: new Date(),
    });
    return user.id;
  }
}
