/**
 * The users table of the accounts module (sessions, challenges and the journal have their own
 * repositories beside this one; together they are the module's only drizzle importers). One
 * function per query, explicit columns, every query scoped by id or login. Functions take an
 * Executor so services compose them in one transaction. Writes that may hit a unique or foreign
 * key constraint answer a WriteConflict instead of a driver error, so no service reads SQLSTATEs.
 *
 * SNILS, INN and the TOTP secrets are sealed at rest (src/shared/crypto/field-cipher.ts): the
 * functions of createUsersRepository seal what they write and open what they read, so services
 * see plain values; look-ups go through the keyed hashes (snils_hash, inn_hash), never these.
 */
import { prepared } from '../../db/prepared.js';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isForeignKeyViolation, isUniqueViolation, uniqueViolationField } from '../../db/errors.js';
import { resealColumns, type ResealCount } from '../../db/reseal.js';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

/** Every column of a user, named once: what a UserRow holds. */
const userColumns = {
  id: users.id,
  phone: users.phone,
  email: users.email,
  phoneVerified: users.phoneVerified,
  emailVerified: users.emailVerified,
  passwordHash: users.passwordHash,
  lastName: users.lastName,
  firstName: users.firstName,
  middleName: users.middleName,
  birthDate: users.birthDate,
  snils: users.snils,
  snilsHash: users.snilsHash,
  snilsVerified: users.snilsVerified,
  inn: users.inn,
  innHash: users.innHash,
  innVerified: users.innVerified,
  registrationAddress: users.registrationAddress,
  residentialAddress: users.residentialAddress,
  trustLevel: users.trustLevel,
  roles: users.roles,
  staffBranchId: users.staffBranchId,
  twoFactorMethod: users.twoFactorMethod,
  totpSecret: users.totpSecret,
  totpPendingSecret: users.totpPendingSecret,
  totpLastStep: users.totpLastStep,
  failedLoginCount: users.failedLoginCount,
  lockedUntil: users.lockedUntil,
  termsAcceptedAt: users.termsAcceptedAt,
  identityConfirmedAt: users.identityConfirmedAt,
  identityConfirmedBy: users.identityConfirmedBy,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** A login column a user is found by: contacts as they are, SNILS and INN by keyed hash. */
export type LoginKind = 'phone' | 'email' | 'snilsHash' | 'innHash';

/**
 * Why a write was refused: a unique value another account holds (`field` is the contract field
 * behind the index: phone, email, snils, inn), or a reference to a row that does not exist.
 */
export type WriteConflict = { conflict: 'TAKEN'; field: string | null } | { conflict: 'UNKNOWN_REFERENCE' };

export function isWriteConflict<T extends object>(r: T | WriteConflict): r is WriteConflict {
  return 'conflict' in r;
}

/** The hottest read (every `me`, every viewer check): built once per database handle (src/db/prepared.ts). */
const userByIdStatement = (db: Executor) => db.select(userColumns).from(users).where(eq(users.id, sql.placeholder('id'))).prepare('user_by_id');

async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await prepared(db, 'user_by_id', userByIdStatement).execute({ id });
  return row;
}

async function findUsersByIds(db: Executor, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.select(userColumns).from(users).where(sql`${users.id} = ANY(${sql.param([...ids])}::uuid[])`);
}

/** Ids of the admins (to tell them about the system: a webhook endpoint switched off). */
async function findAdminIds(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`'ADMIN'::role = ANY(${users.roles})`);
  return rows.map((r) => r.id);
}

const loginColumn = (kind: LoginKind) => ({ phone: users.phone, email: users.email, snilsHash: users.snilsHash, innHash: users.innHash })[kind];

async function findUserByLogin(db: Executor, login: { kind: LoginKind; value: string }): Promise<UserRow | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(loginColumn(login.kind), login.value));
  return row;
}

/** As findUserByLogin, with the row locked until the transaction ends (a value changing hands). */
async function lockUserByLogin(tx: Executor, login: { kind: 'snilsHash' | 'innHash'; value: string }): Promise<UserRow | undefined> {
  const [row] = await tx.select(userColumns).from(users).where(eq(loginColumn(login.kind), login.value)).for('update');
  return row;
}

async function insertUser(db: Executor, values: NewUserRow): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning(userColumns);
  if (!row) throw new Error('insert users returned nothing');
  return row;
}

async function updateUser(db: Executor, id: string, values: Partial<NewUserRow>): Promise<UserRow> {
  const [row] = await db.update(users).set({ ...values, updatedAt: sql`now()` }).where(eq(users.id, id)).returning(userColumns);
  if (!row) throw new Error(`user ${id} vanished`);
  return row;
}

/** insertUser, or the conflict that refused it (in a savepoint: the caller's transaction goes on). */
function createUser(db: Executor, values: NewUserRow): Promise<UserRow | WriteConflict> {
  return unlessConflict(db, (sp) => insertUser(sp, values));
}

/** updateUser, or the conflict that refused it (in a savepoint: the caller's transaction goes on). */
function changeUser(db: Executor, id: string, values: Partial<NewUserRow>): Promise<UserRow | WriteConflict> {
  return unlessConflict(db, (sp) => updateUser(sp, id, values));
}

async function unlessConflict<T extends object>(db: Executor, write: (sp: Executor) => Promise<T>): Promise<T | WriteConflict> {
  try {
    return await db.transaction((sp) => write(sp));
  } catch (err) {
    if (isUniqueViolation(err)) return { conflict: 'TAKEN', field: uniqueViolationField(err) };
    if (isForeignKeyViolation(err)) return { conflict: 'UNKNOWN_REFERENCE' };
    throw err;
  }
}

/**
 * Counts a wrong password atomically (parallel attempts cannot slip past the threshold) and locks
 * the account when the count reaches it. A lock that has run out starts the count afresh.
 */
export async function recordFailedLogin(
  db: Executor,
  id: string,
  p: { now: Date; threshold: number; lockUntil: Date },
): Promise<{ failedLoginCount: number; lockedUntil: Date | null; lockedNow: boolean }> {
  const expired = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= ${p.now.toISOString()}::timestamptz)`;
  const next = sql`(CASE WHEN ${expired} THEN 1 ELSE ${users.failedLoginCount} + 1 END)`;
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: next,
      lockedUntil: sql`CASE WHEN ${next} >= ${p.threshold} THEN ${p.lockUntil.toISOString()}::timestamptz WHEN ${expired} THEN NULL ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, id))
    .returning({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil });
  if (!row) throw new Error(`user ${id} vanished`);
  const lockedNow = row.failedLoginCount === p.threshold && row.lockedUntil !== null;
  return { ...row, lockedNow };
}

export async function resetFailedLogins(db: Executor, id: string): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, id));
}

/** Marks a TOTP step used; false when that step (or a later one) was used already. */
export async function claimTotpStep(db: Executor, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** The sealed columns of users, by property name. */
const SEALED = ['snils', 'inn', 'totpSecret', 'totpPendingSecret'] as const;

type Sealable = Pick<NewUserRow, (typeof SEALED)[number]>;

function sealRow<T extends Partial<Sealable>>(cipher: FieldCipher, values: T): T {
  const out = { ...values };
  for (const k of SEALED) {
    const v = out[k];
    if (typeof v === 'string') out[k] = cipher.seal(v);
  }
  return out;
}

function openRow(cipher: FieldCipher, row: UserRow): UserRow {
  return { ...row, snils: cipher.open(row.snils), inn: cipher.open(row.inn), totpSecret: cipher.open(row.totpSecret), totpPendingSecret: cipher.open(row.totpPendingSecret) };
}

function openResult(cipher: FieldCipher, r: UserRow | WriteConflict): UserRow | WriteConflict {
  return isWriteConflict(r) ? r : openRow(cipher, r);
}

/** The users table with SNILS, INN and TOTP secrets sealed on write and opened on read. */
export function createUsersRepository(cipher: FieldCipher) {
  const open = (row: UserRow | undefined) => row && openRow(cipher, row);
  return {
    findUserById: async (db: Executor, id: string) => open(await findUserById(db, id)),
    findAdminIds,
    findUsersByIds: async (db: Executor, ids: readonly string[]) => (await findUsersByIds(db, ids)).map((r) => openRow(cipher, r)),
    findUserByLogin: async (db: Executor, login: { kind: LoginKind; value: string }) => open(await findUserByLogin(db, login)),
    lockUserByLogin: async (tx: Executor, login: { kind: 'snilsHash' | 'innHash'; value: string }) => open(await lockUserByLogin(tx, login)),
    insertUser: async (db: Executor, values: NewUserRow) => openRow(cipher, await insertUser(db, sealRow(cipher, values))),
    updateUser: async (db: Executor, id: string, values: Partial<NewUserRow>) => openRow(cipher, await updateUser(db, id, sealRow(cipher, values))),
    createUser: async (db: Executor, values: NewUserRow) => openResult(cipher, await createUser(db, sealRow(cipher, values))),
    changeUser: async (db: Executor, id: string, values: Partial<NewUserRow>) => openResult(cipher, await changeUser(db, id, sealRow(cipher, values))),
    isWriteConflict,
    recordFailedLogin,
    resetFailedLogins,
    claimTotpStep,
    /** Re-seals every value not sealed with the current key (rotate-data-key). */
    reseal: (db: Database, batchSize: number): Promise<ResealCount> =>
      resealColumns(db, { name: 'users', table: users, id: users.id, columns: { snils: users.snils, inn: users.inn, totpSecret: users.totpSecret, totpPendingSecret: users.totpPendingSecret }, cipher, batchSize }),
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
