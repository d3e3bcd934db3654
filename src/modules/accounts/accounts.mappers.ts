/** Database rows to GraphQL objects: the single place that decides what of a row is shown. */
import { formatSnils } from '../../shared/identifiers.js';
import type { ActivityRow, UserRow } from './accounts.repository.js';
import { Role, TrustLevel, TwoFactorMethod, type ActivityEntry, type AuthPayload, type User } from './accounts.types.js';
import type { AuthPayloadView } from './auth.service.js';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    phone: row.phone,
    email: row.email,
    phoneVerified: row.phoneVerified,
    emailVerified: row.emailVerified,
    lastName: row.lastName,
    firstName: row.firstName,
    middleName: row.middleName,
    birthDate: row.birthDate,
    snils: row.snils ? formatSnils(row.snils) : null,
    inn: row.inn,
    registrationAddress: row.registrationAddress,
    residentialAddress: row.residentialAddress,
    trustLevel: TrustLevel[row.trustLevel],
    roles: row.roles.map((r) => Role[r]),
    twoFactorMethod: row.twoFactorMethod ? TwoFactorMethod[row.twoFactorMethod] : null,
    createdAt: row.createdAt,
    staffBranchId: row.staffBranchId,
  };
}

export function toActivity(row: ActivityRow): ActivityEntry {
  return { id: row.id, action: row.action, at: row.at, ip: row.ip, details: row.details ?? null };
}

/** A started session as the API answers it (every login method answers the same). */
export function toAuthPayload(p: AuthPayloadView): AuthPayload {
  return { ...p, user: toUser(p.user) };
}
