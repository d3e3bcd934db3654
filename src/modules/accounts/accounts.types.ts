/** GraphQL object types and enums of the accounts module. */
import 'reflect-metadata';
import { Field, ID, Int, ObjectType, registerEnumType, createUnionType } from 'type-graphql';
import { DateScalar, DateTimeScalar, JSONScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';

export enum Role {
  CITIZEN = 'CITIZEN',
  OPERATOR = 'OPERATOR',
  ADMIN = 'ADMIN',
}
export enum TrustLevel {
  SIMPLIFIED = 'SIMPLIFIED',
  STANDARD = 'STANDARD',
  CONFIRMED = 'CONFIRMED',
}
export enum OtpChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  TOTP = 'TOTP',
}
export enum ChallengePurpose {
  REGISTRATION = 'REGISTRATION',
  LOGIN_SECOND_FACTOR = 'LOGIN_SECOND_FACTOR',
  PASSWORD_RESET = 'PASSWORD_RESET',
  CONTACT_CHANGE = 'CONTACT_CHANGE',
  CERTIFICATE_BINDING = 'CERTIFICATE_BINDING',
}
export enum TwoFactorMethod {
  SMS = 'SMS',
  TOTP = 'TOTP',
}
registerEnumType(Role, { name: 'Role', description: 'What a user may do: citizen, branch operator, administrator.' });
registerEnumType(TrustLevel, { name: 'TrustLevel', description: 'Account levels as Gosuslugi has them: contacts only, personal data checked, identity confirmed.' });
registerEnumType(OtpChannel, { name: 'OtpChannel', description: 'How a one-time code reaches the user.' });
registerEnumType(ChallengePurpose, { name: 'ChallengePurpose', description: 'What entering the code unlocks.' });
registerEnumType(TwoFactorMethod, { name: 'TwoFactorMethod', description: 'The second factor asked for at login.' });

@ObjectType({ implements: Node, description: 'An account: a citizen or a staff member.' })
export class User extends Node {
  @Field(() => String, { nullable: true, description: 'Phone in E.164, e.g. +79991234567.' })
  phone!: string | null;
  @Field(() => String, { nullable: true })
  email!: string | null;
  @Field()
  phoneVerified!: boolean;
  @Field()
  emailVerified!: boolean;
  @Field()
  lastName!: string;
  @Field()
  firstName!: string;
  @Field(() => String, { nullable: true })
  middleName!: string | null;
  @Field(() => DateScalar, { nullable: true })
  birthDate!: string | null;
  @Field(() => String, { nullable: true, description: 'SNILS as printed: 112-233-445 95.' })
  snils!: string | null;
  @Field(() => String, { nullable: true })
  inn!: string | null;
  @Field(() => String, { nullable: true })
  registrationAddress!: string | null;
  @Field(() => String, { nullable: true })
  residentialAddress!: string | null;
  @Field(() => TrustLevel)
  trustLevel!: TrustLevel;
  @Field(() => [Role])
  roles!: Role[];
  @Field(() => TwoFactorMethod, { nullable: true })
  twoFactorMethod!: TwoFactorMethod | null;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field({ description: 'False once an admin deactivated a staff account: it cannot log in, its sessions end.' })
  active!: boolean;
  /** Resolved to User.staffBranch by the branches module. */
  staffBranchId!: string | null;
}

@ObjectType({ description: 'A one-time code that was sent (or, for TOTP, is expected) and must be entered to go on.' })
export class Challenge {
  @Field(() => ID)
  id!: string;
  @Field(() => ChallengePurpose)
  purpose!: ChallengePurpose;
  @Field(() => OtpChannel)
  channel!: OtpChannel;
  @Field(() => String, { nullable: true, description: 'Where the code went, masked: +7 *** ***-**-12 or i***@mail.ru.' })
  maskedDestination!: string | null;
  @Field(() => DateTimeScalar)
  expiresAt!: Date;
  @Field(() => DateTimeScalar)
  resendAvailableAt!: Date;
  @Field(() => Int)
  attemptsLeft!: number;
}

@ObjectType({ description: 'A started session: a short access token and a refresh token that rotates on every use.' })
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header and the WebSocket connectionParams.' })
  accessToken!: string;
  @Field(() => DateTimeScalar)
  accessTokenExpiresAt!: Date;
  @Field({ description: 'Single-use: exchange with refreshSession for a new pair. A reused one ends the session.' })
  refreshToken!: string;
  @Field(() => User)
  user!: User;
}

export const LoginResult = createUnionType({
  name: 'LoginResult',
  description: 'Either a session, or a challenge when a second factor is on.',
  types: () => [AuthPayload, Challenge] as const,
  resolveType: (value) => ('accessToken' in value ? AuthPayload : Challenge),
});

@ObjectType({ implements: Node, description: 'A signed-in device.' })
export class Session extends Node {
  @Field(() => String, { nullable: true })
  userAgent!: string | null;
  @Field(() => String, { nullable: true })
  ip!: string | null;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar)
  lastSeenAt!: Date;
  @Field({ description: 'This is the session making the request.' })
  current!: boolean;
}

@ObjectType({ description: 'A new authenticator secret: show the URI as a QR code, then confirm with enableTwoFactor(TOTP, code).' })
export class TotpSetup {
  @Field({ description: 'Base32 secret, for typing in by hand.' })
  secret!: string;
  @Field()
  otpauthUri!: string;
}

@ObjectType({ implements: Node, description: 'An entry of the security journal.' })
export class ActivityEntry extends Node {
  @Field({ description: 'LOGIN, LOGIN_FAILED, ACCOUNT_LOCKED, PASSWORD_CHANGED, TWO_FACTOR_ENABLED, SESSION_REVOKED, ...' })
  action!: string;
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => String, { nullable: true })
  ip!: string | null;
  @Field(() => JSONScalar, { nullable: true })
  details!: Record<string, unknown> | null;
}

@ObjectType({ description: 'A page of the security journal, newest first.' })
export class ActivityConnection {
  @Field(() => [ActivityEntry])
  nodes!: ActivityEntry[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All entries, counted only when asked for.' })
  totalCount!: number;

  /** Counts lazily: most clients never ask for totalCount. */
  countTotal!: () => Promise<number>;
}
