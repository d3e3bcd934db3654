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
registerEnumType(Role, { name: 'Role', description: 'What a user may do: citizen, branch operator, administrator.', valuesConfig: { ADMIN: { description: 'Administrator: manages the catalog, branches, schedules and staff.' }, CITIZEN: { description: 'The account holder: sees and changes only what is theirs.' }, OPERATOR: { description: 'Branch staff: works the queue, applications, document checks and chats of their branch.' } } });
registerEnumType(TrustLevel, { name: 'TrustLevel', description: 'Account levels as Gosuslugi has them: contacts only, personal data checked, identity confirmed.', valuesConfig: { CONFIRMED: { description: 'Identity confirmed in person by an operator, or by an SSO provider that vouches for it.' }, SIMPLIFIED: { description: 'Contacts confirmed only (every new account starts here).' }, STANDARD: { description: 'Passport and SNILS entered and passing the format and checksum checks.' } } });
registerEnumType(OtpChannel, { name: 'OtpChannel', description: 'How a one-time code reaches the user.', valuesConfig: { EMAIL: { description: 'A 6-digit code by e-mail.' }, SMS: { description: 'A 6-digit code by SMS.' }, TOTP: { description: 'A code from the user\'s authenticator app (RFC 6238, 30 s step).' } } });
registerEnumType(ChallengePurpose, { name: 'ChallengePurpose', description: 'What entering the code unlocks.', valuesConfig: { CONTACT_CHANGE: { description: 'Confirms a new phone number or e-mail (sent to the new contact).' }, LOGIN_SECOND_FACTOR: { description: 'The second factor of a login.' }, PASSWORD_RESET: { description: 'Allows setting a new password without the old one.' }, REGISTRATION: { description: 'Confirms the phone number of a new account.' }, CERTIFICATE_BINDING: { description: 'Binds an electronic-signature certificate to the account (sent to the verified phone).' } } });
registerEnumType(TwoFactorMethod, { name: 'TwoFactorMethod', description: 'The second factor asked for at login.', valuesConfig: { SMS: { description: 'A one-time code by SMS after the password.' }, TOTP: { description: 'A code from an authenticator app after the password.' } } });

@ObjectType({ implements: Node, description: 'An account: a citizen or a staff member.' })
export class User extends Node {
  @Field(() => String, { nullable: true, description: 'Phone in E.164, e.g. +79991234567.' })
  phone!: string | null;
  @Field(() => String, { description: 'E-mail address, if given (also usable as the login).', nullable: true })
  email!: string | null;
  @Field({ description: 'Whether the phone number was confirmed with an SMS code.' })
  phoneVerified!: boolean;
  @Field({ description: 'Whether the e-mail was confirmed with a code.' })
  emailVerified!: boolean;
  @Field({ description: 'Last name (surname); changed only through `requestProfileChange`.' })
  lastName!: string;
  @Field({ description: 'First (given) name; changed only through `requestProfileChange`.' })
  firstName!: string;
  @Field(() => String, { description: 'Patronymic, if any.', nullable: true })
  middleName!: string | null;
  @Field(() => DateScalar, { description: 'Date of birth, when entered or taken from a document or SSO provider.', nullable: true })
  birthDate!: string | null;
  @Field(() => String, { nullable: true, description: 'SNILS as printed: 112-233-445 95.' })
  snils!: string | null;
  @Field(() => String, { description: 'Taxpayer number (INN, 12 digits for a person), if entered.', nullable: true })
  inn!: string | null;
  @Field(() => String, { description: 'Address of permanent registration (propiska), free text.', nullable: true })
  registrationAddress!: string | null;
  @Field(() => String, { description: 'Where the user actually lives, when different; free text.', nullable: true })
  residentialAddress!: string | null;
  @Field(() => TrustLevel, { description: 'The account level; a service names the lowest level it accepts.' })
  trustLevel!: TrustLevel;
  @Field(() => [Role], { description: 'What the user may do; citizens have CITIZEN, staff OPERATOR or ADMIN.' })
  roles!: Role[];
  @Field(() => TwoFactorMethod, { description: 'The second factor asked at login, or null when switched off.', nullable: true })
  twoFactorMethod!: TwoFactorMethod | null;
  @Field(() => DateTimeScalar, { description: 'When the account was registered.' })
  createdAt!: Date;
  @Field({ description: 'False once an admin deactivated a staff account: it cannot log in, its sessions end.' })
  active!: boolean;
  /** Resolved to User.staffBranch by the branches module. */
  staffBranchId!: string | null;
}

@ObjectType({ description: 'A one-time code that was sent (or, for TOTP, is expected) and must be entered to go on.' })
export class Challenge {
  @Field(() => ID, { description: 'Pass this id back with the code.' })
  id!: string;
  @Field(() => ChallengePurpose, { description: 'What entering the code unlocks.' })
  purpose!: ChallengePurpose;
  @Field(() => OtpChannel, { description: 'Where the code was sent (or TOTP: the authenticator app).' })
  channel!: OtpChannel;
  @Field(() => String, { nullable: true, description: 'Where the code went, masked: +7 *** ***-**-12 or i***@mail.ru.' })
  maskedDestination!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the code stops being accepted (5 minutes after sending).' })
  expiresAt!: Date;
  @Field(() => DateTimeScalar, { description: 'The earliest moment `resendCode` may send a new code (60 s pause, at most 3 resends).' })
  resendAvailableAt!: Date;
  @Field(() => Int, { description: 'Wrong entries left before the code is void (3 per code).' })
  attemptsLeft!: number;
}

@ObjectType({ description: 'A started session: a short access token and a refresh token that rotates on every use.' })
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header and the WebSocket connectionParams.' })
  accessToken!: string;
  @Field(() => DateTimeScalar, { description: 'When the access token stops working (15 minutes after issue by default); refresh before that.' })
  accessTokenExpiresAt!: Date;
  @Field({ description: 'Single-use: exchange with refreshSession for a new pair. A reused one ends the session.' })
  refreshToken!: string;
  @Field(() => User, { description: 'The logged-in user.' })
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
  @Field(() => String, { description: 'The device/browser the session was started from (User-Agent header).', nullable: true })
  userAgent!: string | null;
  @Field(() => String, { description: 'The IP address the session was last used from.', nullable: true })
  ip!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the session started (the login).' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the session was last used; a session idle for 30 minutes ends.' })
  lastSeenAt!: Date;
  @Field({ description: 'This is the session making the request.' })
  current!: boolean;
}

@ObjectType({ description: 'A new authenticator secret: show the URI as a QR code, then confirm with enableTwoFactor(TOTP, code).' })
export class TotpSetup {
  @Field({ description: 'Base32 secret, for typing in by hand.' })
  secret!: string;
  @Field({ description: 'The `otpauth://totp/...` URI to show as a QR code for the authenticator app; confirm with `enableTwoFactor(method: TOTP, code:)`.' })
  otpauthUri!: string;
}

@ObjectType({ implements: Node, description: 'An entry of the security journal.' })
export class ActivityEntry extends Node {
  @Field({ description: 'LOGIN, LOGIN_FAILED, ACCOUNT_LOCKED, PASSWORD_CHANGED, TWO_FACTOR_ENABLED, SESSION_REVOKED, ...' })
  action!: string;
  @Field(() => DateTimeScalar, { description: 'When the event happened.' })
  at!: Date;
  @Field(() => String, { description: 'The client IP address the event came from, when known.', nullable: true })
  ip!: string | null;
  @Field(() => JSONScalar, { description: 'Event-specific details (e.g. the channel of a code or the session id); never secrets.', nullable: true })
  details!: Record<string, unknown> | null;
}

@ObjectType({ description: 'A page of the security journal, newest first.' })
export class ActivityConnection {
  @Field(() => [ActivityEntry], { description: 'The journal entries of this page, newest first.' })
  nodes!: ActivityEntry[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All entries, counted only when asked for.' })
  totalCount!: number;

  /** Counts lazily: most clients never ask for totalCount. */
  countTotal!: () => Promise<number>;
}
