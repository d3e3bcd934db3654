/** Database rows and service views to GraphQL objects: the single place that decides what is shown. */
import type { Page } from '../../shared/pagination.js';
import { formatSnils } from '../../shared/identifiers.js';
import type { UserRow } from './accounts.repository.js';
import type { ActivityRow } from './activity.repository.js';
import {
  ActivityConnection,
  ChallengePurpose,
  OtpChannel,
  Role,
  TrustLevel,
  TwoFactorMethod,
  type ActivityEntry,
  type AuthPayload,
  type Challenge,
  type Session,
  type User,
} from './accounts.types.js';
import type { LoginResultView } from './auth.service.js';
import type { ChallengeView } from './challenges.service.js';
import type { AuthPayloadView, SessionView } from './sessions.service.js';

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
    active: row.deactivatedAt === null,
    staffBranchId: row.staffBranchId,
  };
}

export function toActivity(row: ActivityRow): ActivityEntry {
  return { id: row.id, action: row.action, at: row.at, ip: row.ip, details: row.details ?? null };
}

/** A page of the journal; its total is counted only when the client asks for it. */
export function toActivityConnection(page: Page<ActivityRow>): ActivityConnection {
  return Object.assign(new ActivityConnection(), { nodes: page.nodes.map(toActivity), pageInfo: page.pageInfo, countTotal: page.totalCount });
}

/** A started session as the API answers it (every login method answers the same). */
export function toAuthPayload(p: AuthPayloadView): AuthPayload {
  return { ...p, user: toUser(p.user) };
}

export function toChallenge(v: ChallengeView): Challenge {
  return { ...v, purpose: ChallengePurpose[v.purpose], channel: OtpChannel[v.channel] };
}

/** A password login's answer: a session, or the second-factor challenge. */
export function toLoginResult(r: LoginResultView): AuthPayload | Challenge {
  if (r.kind === 'auth') {
    const { kind: _kind, ...payload } = r;
    return toAuthPayload(payload);
  }
  const { kind: _kind, ...challenge } = r;
  return toChallenge(challenge);
}

export function toSession(s: SessionView): Session {
  return { id: s.id, userAgent: s.userAgent, ip: s.ip, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.current };
}
