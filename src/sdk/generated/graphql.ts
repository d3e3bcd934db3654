/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What entering the code unlocks. */
export type ChallengePurpose =
  | 'CONTACT_CHANGE'
  | 'LOGIN_SECOND_FACTOR'
  | 'PASSWORD_RESET'
  | 'REGISTRATION';

export type LoginInput = {
  /** Phone, e-mail, SNILS or INN. */
  login: string;
  password: string;
};

/** How a one-time code reaches the user. */
export type OtpChannel =
  | 'EMAIL'
  | 'SMS'
  | 'TOTP';

/** A new citizen account; a code goes to the phone. */
export type RegisterInput = {
  acceptTerms: boolean;
  email?: string | null | undefined;
  firstName: string;
  lastName: string;
  middleName?: string | null | undefined;
  password: string;
  phone: string;
};

/** What a user may do: citizen, branch operator, administrator. */
export type Role =
  | 'ADMIN'
  | 'CITIZEN'
  | 'OPERATOR';

/** A staff account made by an administrator. */
export type StaffUserInput = {
  /** The branch an operator works at. */
  branchId?: string | number | null | undefined;
  email?: string | null | undefined;
  firstName: string;
  lastName: string;
  middleName?: string | null | undefined;
  password: string;
  phone: string;
  role: Role;
};

/** Account levels as Gosuslugi has them: contacts only, personal data checked, identity confirmed. */
export type TrustLevel =
  | 'CONFIRMED'
  | 'SIMPLIFIED'
  | 'STANDARD';

/** The second factor asked for at login. */
export type TwoFactorMethod =
  | 'SMS'
  | 'TOTP';

/** Profile fields the citizen may edit; an absent field is left as it is, null clears it. */
export type UpdateProfileInput = {
  birthDate?: string | null | undefined;
  inn?: string | null | undefined;
  registrationAddress?: string | null | undefined;
  residentialAddress?: string | null | undefined;
  snils?: string | null | undefined;
};

export type RequestPasswordResetMutationVariables = Exact<{
  login: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number } };

export type ResetPasswordMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type BeginTotpSetupMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginTotpSetupMutation = { beginTotpSetup: { secret: string, otpauthUri: string } };

export type EnableTwoFactorMutationVariables = Exact<{
  method: TwoFactorMethod;
  code?: string | null | undefined;
}>;


export type EnableTwoFactorMutation = { enableTwoFactor: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } };

export type DisableTwoFactorMutationVariables = Exact<{
  password: string;
}>;


export type DisableTwoFactorMutation = { disableTwoFactor: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } };

export type UserFieldsFragment = { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string };

export type ChallengeFieldsFragment = { id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number };

export type AuthPayloadFieldsFragment = { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login:
    | { __typename: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } }
    | { __typename: 'Challenge', id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number }
   };

export type VerifySecondFactorMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
}>;


export type VerifySecondFactorMutation = { verifySecondFactor: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } | null };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'ActivityEntry', id: string }
    | { __typename: 'Session', id: string }
    | { __typename: 'User', lastName: string, firstName: string, id: string }
   | null };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } };

export type ChangeContactMutationVariables = Exact<{
  channel: OtpChannel;
  value: string;
}>;


export type ChangeContactMutation = { changeContact: { id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number } };

export type ConfirmContactChangeMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
}>;


export type ConfirmContactChangeMutation = { confirmContactChange: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } };

export type ConfirmIdentityMutationVariables = Exact<{
  userId: string | number;
}>;


export type ConfirmIdentityMutation = { confirmIdentity: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } };

export type CreateStaffUserMutationVariables = Exact<{
  input: StaffUserInput;
}>;


export type CreateStaffUserMutation = { createStaffUser: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number } };

export type ConfirmRegistrationMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
}>;


export type ConfirmRegistrationMutation = { confirmRegistration: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string } } };

export type ResendCodeMutationVariables = Exact<{
  challengeId: string | number;
}>;


export type ResendCodeMutation = { resendCode: { id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number } };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, userAgent: string | null, ip: string | null, createdAt: string, lastSeenAt: string, current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type MyActivityQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyActivityQuery = { myActivity: { totalCount: number, nodes: Array<{ id: string, action: string, at: string, ip: string | null, details: unknown }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ChallengeFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChallengeFields on Challenge {
  id
  purpose
  channel
  maskedDestination
  expiresAt
  resendAvailableAt
  attemptsLeft
}
    `, {"fragmentName":"ChallengeFields"}) as unknown as TypedDocumentString<ChallengeFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const AuthPayloadFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuthPayloadFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  user {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}`, {"fragmentName":"AuthPayloadFields"}) as unknown as TypedDocumentString<AuthPayloadFieldsFragment, unknown>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($login: String!) {
  requestPasswordReset(login: $login) {
    ...ChallengeFields
  }
}
    fragment ChallengeFields on Challenge {
  id
  purpose
  channel
  maskedDestination
  expiresAt
  resendAvailableAt
  attemptsLeft
}`) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($challengeId: ID!, $code: String!, $newPassword: String!) {
  resetPassword(challengeId: $challengeId, code: $code, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const BeginTotpSetupDocument = new TypedDocumentString(`
    mutation BeginTotpSetup {
  beginTotpSetup {
    secret
    otpauthUri
  }
}
    `) as unknown as TypedDocumentString<BeginTotpSetupMutation, BeginTotpSetupMutationVariables>;
export const EnableTwoFactorDocument = new TypedDocumentString(`
    mutation EnableTwoFactor($method: TwoFactorMethod!, $code: String) {
  enableTwoFactor(method: $method, code: $code) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}`) as unknown as TypedDocumentString<EnableTwoFactorMutation, EnableTwoFactorMutationVariables>;
export const DisableTwoFactorDocument = new TypedDocumentString(`
    mutation DisableTwoFactor($password: String!) {
  disableTwoFactor(password: $password) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}`) as unknown as TypedDocumentString<DisableTwoFactorMutation, DisableTwoFactorMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on AuthPayload {
      ...AuthPayloadFields
    }
    ... on Challenge {
      ...ChallengeFields
    }
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}
fragment ChallengeFields on Challenge {
  id
  purpose
  channel
  maskedDestination
  expiresAt
  resendAvailableAt
  attemptsLeft
}
fragment AuthPayloadFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  user {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const VerifySecondFactorDocument = new TypedDocumentString(`
    mutation VerifySecondFactor($challengeId: ID!, $code: String!) {
  verifySecondFactor(challengeId: $challengeId, code: $code) {
    ...AuthPayloadFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}
fragment AuthPayloadFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  user {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<VerifySecondFactorMutation, VerifySecondFactorMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    ...AuthPayloadFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}
fragment AuthPayloadFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  user {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const NodeByIdDocument = new TypedDocumentString(`
    query NodeById($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on User {
      lastName
      firstName
    }
  }
}
    `) as unknown as TypedDocumentString<NodeByIdQuery, NodeByIdQueryVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}`) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const ChangeContactDocument = new TypedDocumentString(`
    mutation ChangeContact($channel: OtpChannel!, $value: String!) {
  changeContact(channel: $channel, value: $value) {
    ...ChallengeFields
  }
}
    fragment ChallengeFields on Challenge {
  id
  purpose
  channel
  maskedDestination
  expiresAt
  resendAvailableAt
  attemptsLeft
}`) as unknown as TypedDocumentString<ChangeContactMutation, ChangeContactMutationVariables>;
export const ConfirmContactChangeDocument = new TypedDocumentString(`
    mutation ConfirmContactChange($challengeId: ID!, $code: String!) {
  confirmContactChange(challengeId: $challengeId, code: $code) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}`) as unknown as TypedDocumentString<ConfirmContactChangeMutation, ConfirmContactChangeMutationVariables>;
export const ConfirmIdentityDocument = new TypedDocumentString(`
    mutation ConfirmIdentity($userId: ID!) {
  confirmIdentity(userId: $userId) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}`) as unknown as TypedDocumentString<ConfirmIdentityMutation, ConfirmIdentityMutationVariables>;
export const CreateStaffUserDocument = new TypedDocumentString(`
    mutation CreateStaffUser($input: StaffUserInput!) {
  createStaffUser(input: $input) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}`) as unknown as TypedDocumentString<CreateStaffUserMutation, CreateStaffUserMutationVariables>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($input: RegisterInput!) {
  register(input: $input) {
    ...ChallengeFields
  }
}
    fragment ChallengeFields on Challenge {
  id
  purpose
  channel
  maskedDestination
  expiresAt
  resendAvailableAt
  attemptsLeft
}`) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const ConfirmRegistrationDocument = new TypedDocumentString(`
    mutation ConfirmRegistration($challengeId: ID!, $code: String!) {
  confirmRegistration(challengeId: $challengeId, code: $code) {
    ...AuthPayloadFields
  }
}
    fragment UserFields on User {
  id
  phone
  email
  phoneVerified
  emailVerified
  lastName
  firstName
  middleName
  birthDate
  snils
  inn
  registrationAddress
  residentialAddress
  trustLevel
  roles
  twoFactorMethod
  createdAt
}
fragment AuthPayloadFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  user {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<ConfirmRegistrationMutation, ConfirmRegistrationMutationVariables>;
export const ResendCodeDocument = new TypedDocumentString(`
    mutation ResendCode($challengeId: ID!) {
  resendCode(challengeId: $challengeId) {
    ...ChallengeFields
  }
}
    fragment ChallengeFields on Challenge {
  id
  purpose
  channel
  maskedDestination
  expiresAt
  resendAvailableAt
  attemptsLeft
}`) as unknown as TypedDocumentString<ResendCodeMutation, ResendCodeMutationVariables>;
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  mySessions {
    id
    userAgent
    ip
    createdAt
    lastSeenAt
    current
  }
}
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const MyActivityDocument = new TypedDocumentString(`
    query MyActivity($first: Int, $after: String) {
  myActivity(first: $first, after: $after) {
    nodes {
      id
      action
      at
      ip
      details
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<MyActivityQuery, MyActivityQueryVariables>;