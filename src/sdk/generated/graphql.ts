/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ApplicationChangeInput = {
  /** The whole list of attached scans; null keeps it. */
  attachmentIds?: Array<string | number> | null | undefined;
  branchId?: string | number | null | undefined;
  /** The whole form data (replaces the current data); null keeps it. */
  data?: unknown;
};

export type ApplicationDraftInput = {
  attachmentIds?: Array<string | number> | null | undefined;
  branchId?: string | number | null | undefined;
  /** Form data; fields not given are prefilled from the profile where the form has them. */
  data?: unknown;
  /** Start from an earlier application of the same service. */
  fromApplicationId?: string | number | null | undefined;
  serviceId: string | number;
};

export type ApplicationFilter = {
  /** Part of the number or of the service's title. */
  search?: string | null | undefined;
  serviceId?: string | number | null | undefined;
  status?: Array<ApplicationStatus> | null | undefined;
};

/** DRAFT → SUBMITTED → ACCEPTED → IN_PROGRESS → READY_FOR_PICKUP → COMPLETED; ACTION_REQUIRED goes back to IN_PROGRESS; REJECTED and CANCELLED are final. */
export type ApplicationStatus =
  | 'ACCEPTED'
  | 'ACTION_REQUIRED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DRAFT'
  | 'IN_PROGRESS'
  | 'READY_FOR_PICKUP'
  | 'REJECTED'
  | 'SUBMITTED';

export type BookAppointmentInput = {
  branchId: string | number;
  purpose?: string | null | undefined;
  serviceId: string | number;
  /** One of availableSlots' startsAt. */
  startsAt: string;
};

export type BookingFilter = {
  status?: Array<BookingStatus> | null | undefined;
  /** Only visits still ahead. */
  upcoming?: boolean | null | undefined;
};

export type BookingStatus =
  | 'CANCELLED'
  | 'CHECKED_IN'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'EXPIRED'
  | 'NO_SHOW'
  | 'PENDING_CONFIRMATION';

/** Filters of the branch list; all given ones apply. */
export type BranchFilter = {
  locality?: string | null | undefined;
  /** Measure distances from here (distanceKm). */
  near?: GeoPointInput | null | undefined;
  /** Only branches open right now, in their own time zone. */
  openNow?: boolean | null | undefined;
  /** With near: only branches this close. */
  radiusKm?: number | null | undefined;
  regionCode?: string | null | undefined;
  /** Words of the name or address. */
  search?: string | null | undefined;
  /** Only branches offering this service. */
  serviceId?: string | number | null | undefined;
};

export type BranchInput = {
  address: string;
  locality: string;
  location: GeoPointInput;
  name: string;
  phone?: string | null | undefined;
  regionCode: string;
  /** Creates or renames the region. */
  regionName?: string | null | undefined;
  timezone: string;
  windows: number;
  /** Default: Mon-Fri 09:00-18:00, Sat 10:00-15:00, Sun closed. */
  workingHours?: Array<WorkingHoursInput> | null | undefined;
};

/** How to order branches; DISTANCE needs filter.near; LOAD puts the emptiest first. */
export type BranchOrder =
  | 'DISTANCE'
  | 'LOAD'
  | 'NAME';

/** What entering the code unlocks. */
export type ChallengePurpose =
  | 'CONTACT_CHANGE'
  | 'LOGIN_SECOND_FACTOR'
  | 'PASSWORD_RESET'
  | 'REGISTRATION';

export type ChannelPreferenceInput = {
  category: NotificationCategory;
  channels: Array<NotificationChannel>;
};

/** Beyond the contract: which complaints staff want to see. */
export type ComplaintFilter = {
  /** Admins: one branch; operators see only their own. */
  branchId?: string | number | null | undefined;
  overdueOnly?: boolean | null | undefined;
  unansweredOnly?: boolean | null | undefined;
};

export type DeliveryStatus =
  /** Confirmed delivered (SMS receipt), or shown in the feed. */
  | 'DELIVERED'
  /** Given up on; lastError says why. */
  | 'FAILED'
  /** Waiting to be sent (or being retried; quiet hours may hold it until scheduledFor). */
  | 'QUEUED'
  /** Handed to the gateway or push service. */
  | 'SENT'
  /** Not sent. */
  | 'SKIPPED';

/** A document as entered; series and number are checked per kind (SNILS and INN with their check digits). */
export type DocumentInput = {
  /** Uploaded scans (POST /uploads); null keeps the current ones on update. */
  attachmentIds?: Array<string | number> | null | undefined;
  expiresAt?: string | null | undefined;
  issuedAt?: string | null | undefined;
  issuedBy?: string | null | undefined;
  kind: DocumentKind;
  number: string;
  series?: string | null | undefined;
};

/** Kinds of personal documents. */
export type DocumentKind =
  | 'BIRTH_CERTIFICATE'
  | 'DRIVER_LICENSE'
  | 'FOREIGN_PASSPORT'
  | 'INN'
  | 'MILITARY_ID'
  | 'OMS_POLICY'
  | 'PASSPORT_RF'
  | 'SNILS'
  | 'VEHICLE_REGISTRATION';

/** Exactly one of applicationId, bookingId, branchId; a rating, a text or both (a complaint needs a text). */
export type FeedbackInput = {
  applicationId?: string | number | null | undefined;
  bookingId?: string | number | null | undefined;
  branchId?: string | number | null | undefined;
  kind: FeedbackKind;
  rating?: number | null | undefined;
  text?: string | null | undefined;
};

export type FeedbackKind =
  /** Opens a case the branch must answer by answerDueAt. */
  | 'COMPLAINT'
  | 'PRAISE'
  | 'REMARK';

export type GeoPointInput = {
  lat: number;
  lon: number;
};

/** People waiting per open window, against the configured thresholds. */
export type LoadLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type LoginInput = {
  /** Phone, e-mail, SNILS or INN. */
  login: string;
  password: string;
};

export type NotificationCategory =
  | 'APPLICATION_STATUS'
  | 'BOOKING'
  | 'CHAT'
  | 'DOCUMENT_EXPIRY'
  | 'LOAD_ALERT'
  | 'SECURITY'
  | 'SYSTEM';

export type NotificationChannel =
  | 'EMAIL'
  | 'IN_APP'
  | 'PUSH'
  | 'SMS';

export type NotificationFilter = {
  category?: NotificationCategory | null | undefined;
  unreadOnly?: boolean | null | undefined;
};

/** Only what is given changes; null clears the quiet hours. SECURITY must keep SMS or EMAIL. */
export type NotificationPreferencesInput = {
  categories?: Array<ChannelPreferenceInput> | null | undefined;
  quietHoursEnd?: string | null | undefined;
  quietHoursStart?: string | null | undefined;
  timezone?: string | null | undefined;
};

/** How a one-time code reaches the user. */
export type OtpChannel =
  | 'EMAIL'
  | 'SMS'
  | 'TOTP';

/** Beyond the contract: PushSubscription.toJSON() of the browser: endpoint and keys. */
export type PushSubscriptionInput = {
  /** keys.auth (base64url). */
  auth: string;
  endpoint: string;
  /** keys.p256dh (base64url). */
  p256dh: string;
};

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

export type RequiredDocumentInput = {
  description?: string | null | undefined;
  kind?: DocumentKind | null | undefined;
  optional: boolean;
  title: string;
};

/** What a user may do: citizen, branch operator, administrator. */
export type Role =
  | 'ADMIN'
  | 'CITIZEN'
  | 'OPERATOR';

export type ScheduleExceptionInput = {
  closed: boolean;
  closes?: string | null | undefined;
  date: string;
  note?: string | null | undefined;
  opens?: string | null | undefined;
};

export type ServiceCategoryInput = {
  /** Latin letters, digits and dashes. */
  slug: string;
  title: string;
};

/** Filters of the catalog; all given ones apply. */
export type ServiceFilter = {
  availableOnline?: boolean | null | undefined;
  /** Only services offered at this branch. */
  branchId?: string | number | null | undefined;
  categoryId?: string | number | null | undefined;
  kind?: ServiceKind | null | undefined;
  /** Full-text search over title and description, Russian morphology. */
  search?: string | null | undefined;
};

export type ServiceInput = {
  applicationForm?: unknown;
  appointmentMinutes: number;
  availableOnline: boolean;
  categoryId: string | number;
  code: string;
  description: string;
  /** Decimal string; no fee when absent. */
  feeAmount?: string | null | undefined;
  kind: ServiceKind;
  minTrustLevel: TrustLevel;
  processingDays: number;
  requiredDocuments: Array<RequiredDocumentInput>;
  requiresAppointment: boolean;
  title: string;
};

/** What a service produces. */
export type ServiceKind =
  | 'APPLICATION'
  | 'CERTIFICATE'
  | 'CONSULTATION'
  | 'DOCUMENT_ISSUE'
  | 'PAYMENT'
  | 'REGISTRATION';

/** How the challenge was signed: RSASSA-PKCS1-v1_5 or RSA-PSS with SHA-256, ECDSA with SHA-256 or SHA-384 (DER or r||s), GOST R 34.10-2012 with Streebog (raw, or a CMS detached signature). */
export type SignatureAlgorithm =
  /** ECDSA with SHA-256, DER or r||s. */
  | 'ECDSA_SHA256'
  /** ECDSA with SHA-384, DER or r||s. */
  | 'ECDSA_SHA384'
  /** GOST R 34.10-2012 with a 256-bit key over Streebog-256: s||r big-endian (RFC 4491) or its byte reversal. */
  | 'GOST3410_2012_256'
  /** GOST R 34.10-2012 with a 512-bit key over Streebog-512: s||r big-endian (RFC 4491) or its byte reversal. */
  | 'GOST3410_2012_512'
  /** A CMS (PKCS#7) detached signature of the challenge by a GOST R 34.10-2012 key, DER in base64, as CryptoPro-style plug-ins make it. */
  | 'GOST_CMS_DETACHED'
  /** RSASSA-PKCS1-v1_5 with SHA-256. */
  | 'RSA_PKCS1_SHA256'
  /** RSA-PSS with SHA-256. */
  | 'RSA_PSS_SHA256';

/** A signed challenge with the certificate that signed it. */
export type SignatureLoginInput = {
  algorithm: SignatureAlgorithm;
  /** The signing certificate first, then any intermediate CA certificates; PEM or base64 DER each. */
  certificates: Array<string>;
  challengeId: string | number;
  /** The signature of dataToSign, base64. */
  signature: string;
};

export type SlotWatchInput = {
  branchId: string | number;
  from: string;
  serviceId: string | number;
  to: string;
};

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

export type TicketStatus =
  | 'CALLED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'NO_SHOW'
  | 'SERVING'
  | 'WAITING';

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

/** Where a document is in its check: not sent for review (no scans), waiting for an operator, confirmed, or refused. */
export type VerificationStatus =
  | 'PENDING'
  | 'REJECTED'
  | 'UNVERIFIED'
  | 'VERIFIED';

export type WorkingHoursInput = {
  breakEnd?: string | null | undefined;
  breakStart?: string | null | undefined;
  closes: string;
  opens: string;
  weekday: number;
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


export type EnableTwoFactorMutation = { enableTwoFactor: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } };

export type DisableTwoFactorMutationVariables = Exact<{
  password: string;
}>;


export type DisableTwoFactorMutation = { disableTwoFactor: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } };

export type UserFieldsFragment = { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null };

export type ChallengeFieldsFragment = { id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number };

export type AuthPayloadFieldsFragment = { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login:
    | { __typename: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } }
    | { __typename: 'Challenge', id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number }
   };

export type VerifySecondFactorMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
}>;


export type VerifySecondFactorMutation = { verifySecondFactor: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } | null };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'ActivityEntry', id: string }
    | { __typename: 'Application', id: string }
    | { __typename: 'Attachment', id: string }
    | { __typename: 'Booking', id: string }
    | { __typename: 'Branch', id: string }
    | { __typename: 'ChatMessage', id: string }
    | { __typename: 'ChatThread', id: string }
    | { __typename: 'DataAccessEntry', id: string }
    | { __typename: 'Feedback', id: string }
    | { __typename: 'LoadAlert', id: string }
    | { __typename: 'Notification', id: string }
    | { __typename: 'PersonalDocument', id: string }
    | { __typename: 'QueueTicket', id: string }
    | { __typename: 'Service', id: string }
    | { __typename: 'ServiceCategory', id: string }
    | { __typename: 'Session', id: string }
    | { __typename: 'SlotWatch', id: string }
    | { __typename: 'User', lastName: string, firstName: string, id: string }
   | null };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } };

export type ChangeContactMutationVariables = Exact<{
  channel: OtpChannel;
  value: string;
}>;


export type ChangeContactMutation = { changeContact: { id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number } };

export type ConfirmContactChangeMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
}>;


export type ConfirmContactChangeMutation = { confirmContactChange: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } };

export type ConfirmIdentityMutationVariables = Exact<{
  userId: string | number;
}>;


export type ConfirmIdentityMutation = { confirmIdentity: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } };

export type CreateStaffUserMutationVariables = Exact<{
  input: StaffUserInput;
}>;


export type CreateStaffUserMutation = { createStaffUser: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { id: string, purpose: ChallengePurpose, channel: OtpChannel, maskedDestination: string | null, expiresAt: string, resendAvailableAt: string, attemptsLeft: number } };

export type ConfirmRegistrationMutationVariables = Exact<{
  challengeId: string | number;
  code: string;
}>;


export type ConfirmRegistrationMutation = { confirmRegistration: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } } };

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

export type ApplicationEventFieldsFragment = { id: string, applicationId: string, status: ApplicationStatus, at: string, actor: string, comment: string | null };

export type ApplicationFieldsFragment = { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null };

export type MyApplicationsQueryVariables = Exact<{
  filter?: ApplicationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyApplicationsQuery = { myApplications: { totalCount: number, nodes: Array<{ id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ApplicationsQueueQueryVariables = Exact<{
  filter?: ApplicationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApplicationsQueueQuery = { applicationsQueue: { totalCount: number, nodes: Array<{ id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, applicant: { id: string, lastName: string, firstName: string }, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ApplicationDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type ApplicationDetailsQuery = { application: { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, applicant: { id: string, lastName: string }, versions: Array<{ version: number, data: unknown, createdAt: string, attachments: Array<{ id: string, fileName: string }> }>, timeline: Array<{ id: string, applicationId: string, status: ApplicationStatus, at: string, actor: string, comment: string | null }>, comments: Array<{ id: string, author: string, authorRole: string, text: string, createdAt: string }>, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null } | null };

export type ValidateApplicationQueryVariables = Exact<{
  id: string | number;
}>;


export type ValidateApplicationQuery = { validateApplication: { valid: boolean, issues: Array<{ field: string, message: string }>, missingDocuments: Array<{ kind: DocumentKind | null, title: string, optional: boolean }> } };

export type CreateApplicationDraftMutationVariables = Exact<{
  input: ApplicationDraftInput;
}>;


export type CreateApplicationDraftMutation = { createApplicationDraft: { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null } };

export type UpdateApplicationDraftMutationVariables = Exact<{
  id: string | number;
  input: ApplicationChangeInput;
}>;


export type UpdateApplicationDraftMutation = { updateApplicationDraft: { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null } };

export type DeleteApplicationDraftMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteApplicationDraftMutation = { deleteApplicationDraft: boolean };

export type SubmitApplicationMutationVariables = Exact<{
  id: string | number;
}>;


export type SubmitApplicationMutation = { submitApplication: { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, timeline: Array<{ id: string, applicationId: string, status: ApplicationStatus, at: string, actor: string, comment: string | null }>, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null } };

export type CancelApplicationMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type CancelApplicationMutation = { cancelApplication: { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null } };

export type AmendApplicationMutationVariables = Exact<{
  id: string | number;
  input: ApplicationChangeInput;
}>;


export type AmendApplicationMutation = { amendApplication: { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, versions: Array<{ version: number, data: unknown }>, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null } };

export type CommentOnApplicationMutationVariables = Exact<{
  id: string | number;
  text: string;
}>;


export type CommentOnApplicationMutation = { commentOnApplication: { id: string, author: string, authorRole: string, text: string, createdAt: string } };

export type ChangeApplicationStatusMutationVariables = Exact<{
  id: string | number;
  status: ApplicationStatus;
  comment?: string | null | undefined;
  expectedStatus?: ApplicationStatus | null | undefined;
}>;


export type ChangeApplicationStatusMutation = { changeApplicationStatus: { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null } };

export type AttachApplicationResultMutationVariables = Exact<{
  id: string | number;
  attachmentId: string | number;
}>;


export type AttachApplicationResultMutation = { attachApplicationResult: { id: string, number: string | null, status: ApplicationStatus, data: unknown, version: number, canCancel: boolean, canAmend: boolean, dueDate: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, service: { id: string, code: string, title: string }, branch: { id: string, name: string } | null, attachments: Array<{ id: string, fileName: string, url: string }>, result: { id: string, fileName: string, contentType: string, url: string } | null } };

export type ApplicationStatusChangedSubscriptionVariables = Exact<{
  applicationId?: string | number | null | undefined;
}>;


export type ApplicationStatusChangedSubscription = { applicationStatusChanged: { id: string, applicationId: string, status: ApplicationStatus, at: string, actor: string, comment: string | null } };

export type BookingFieldsFragment = { id: string, number: string, purpose: string | null, startsAt: string, endsAt: string, originalStartsAt: string, status: BookingStatus, confirmBy: string | null, rescheduleCount: number, reschedulesLeft: number, canReschedule: boolean, canCancel: boolean, ticketCode: string, calendarUrl: string, ticketUrl: string, createdAt: string, branch: { id: string, name: string, timezone: string }, service: { id: string, title: string }, history: Array<{ status: BookingStatus, at: string, note: string | null }> };

export type AvailableDatesQueryVariables = Exact<{
  branchId: string | number;
  serviceId: string | number;
  from: string;
  to: string;
}>;


export type AvailableDatesQuery = { availableDates: Array<string> };

export type AvailableSlotsQueryVariables = Exact<{
  branchId: string | number;
  serviceId: string | number;
  from: string;
  to: string;
}>;


export type AvailableSlotsQuery = { availableSlots: Array<{ startsAt: string, endsAt: string, capacity: number, available: number }> };

export type BookAppointmentMutationVariables = Exact<{
  input: BookAppointmentInput;
}>;


export type BookAppointmentMutation = { bookAppointment: { id: string, number: string, purpose: string | null, startsAt: string, endsAt: string, originalStartsAt: string, status: BookingStatus, confirmBy: string | null, rescheduleCount: number, reschedulesLeft: number, canReschedule: boolean, canCancel: boolean, ticketCode: string, calendarUrl: string, ticketUrl: string, createdAt: string, branch: { id: string, name: string, timezone: string }, service: { id: string, title: string }, history: Array<{ status: BookingStatus, at: string, note: string | null }> } };

export type ConfirmBookingMutationVariables = Exact<{
  id: string | number;
}>;


export type ConfirmBookingMutation = { confirmBooking: { id: string, number: string, purpose: string | null, startsAt: string, endsAt: string, originalStartsAt: string, status: BookingStatus, confirmBy: string | null, rescheduleCount: number, reschedulesLeft: number, canReschedule: boolean, canCancel: boolean, ticketCode: string, calendarUrl: string, ticketUrl: string, createdAt: string, branch: { id: string, name: string, timezone: string }, service: { id: string, title: string }, history: Array<{ status: BookingStatus, at: string, note: string | null }> } };

export type CancelBookingMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type CancelBookingMutation = { cancelBooking: { id: string, number: string, purpose: string | null, startsAt: string, endsAt: string, originalStartsAt: string, status: BookingStatus, confirmBy: string | null, rescheduleCount: number, reschedulesLeft: number, canReschedule: boolean, canCancel: boolean, ticketCode: string, calendarUrl: string, ticketUrl: string, createdAt: string, branch: { id: string, name: string, timezone: string }, service: { id: string, title: string }, history: Array<{ status: BookingStatus, at: string, note: string | null }> } };

export type MyBookingsQueryVariables = Exact<{
  filter?: BookingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyBookingsQuery = { myBookings: { totalCount: number, nodes: Array<{ id: string, number: string, purpose: string | null, startsAt: string, endsAt: string, originalStartsAt: string, status: BookingStatus, confirmBy: string | null, rescheduleCount: number, reschedulesLeft: number, canReschedule: boolean, canCancel: boolean, ticketCode: string, calendarUrl: string, ticketUrl: string, createdAt: string, branch: { id: string, name: string, timezone: string }, service: { id: string, title: string }, history: Array<{ status: BookingStatus, at: string, note: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BookingByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type BookingByIdQuery = { booking: { id: string, number: string, purpose: string | null, startsAt: string, endsAt: string, originalStartsAt: string, status: BookingStatus, confirmBy: string | null, rescheduleCount: number, reschedulesLeft: number, canReschedule: boolean, canCancel: boolean, ticketCode: string, calendarUrl: string, ticketUrl: string, createdAt: string, branch: { id: string, name: string, timezone: string }, service: { id: string, title: string }, history: Array<{ status: BookingStatus, at: string, note: string | null }> } | null };

export type SetBranchServiceCapacityMutationVariables = Exact<{
  branchId: string | number;
  serviceId: string | number;
  capacity: number;
}>;


export type SetBranchServiceCapacityMutation = { setBranchServiceCapacity: number };

export type BookingUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type BookingUpdatedSubscription = { bookingUpdated: { id: string, status: BookingStatus, number: string } };

export type RescheduleBookingMutationVariables = Exact<{
  id: string | number;
  startsAt: string;
}>;


export type RescheduleBookingMutation = { rescheduleBooking: { id: string, number: string, purpose: string | null, startsAt: string, endsAt: string, originalStartsAt: string, status: BookingStatus, confirmBy: string | null, rescheduleCount: number, reschedulesLeft: number, canReschedule: boolean, canCancel: boolean, ticketCode: string, calendarUrl: string, ticketUrl: string, createdAt: string, branch: { id: string, name: string, timezone: string }, service: { id: string, title: string }, history: Array<{ status: BookingStatus, at: string, note: string | null }> } };

export type CheckInMutationVariables = Exact<{
  ticketCode: string;
}>;


export type CheckInMutation = { checkIn: { id: string, number: string, status: TicketStatus, position: number | null, booking: { id: string, number: string, status: BookingStatus } | null } };

export type WatchSlotsMutationVariables = Exact<{
  input: SlotWatchInput;
}>;


export type WatchSlotsMutation = { watchSlots: { id: string, from: string, to: string, active: boolean, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type CancelSlotWatchMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelSlotWatchMutation = { cancelSlotWatch: boolean };

export type MySlotWatchesQueryVariables = Exact<{ [key: string]: never; }>;


export type MySlotWatchesQuery = { mySlotWatches: Array<{ id: string, from: string, to: string, active: boolean }> };

export type BranchFieldsFragment = { id: string, name: string, locality: string, address: string, timezone: string, phone: string | null, windows: number, distanceKm: number | null, openNow: boolean, location: { lat: number, lon: number }, region: { code: string, name: string, localities: Array<string> }, workingHours: Array<{ weekday: number, opens: string, closes: string, breakStart: string | null, breakEnd: string | null }> };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: Array<{ code: string, name: string, localities: Array<string> }> };

export type BranchesQueryVariables = Exact<{
  filter?: BranchFilter | null | undefined;
  orderBy?: BranchOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BranchesQuery = { branches: { totalCount: number, nodes: Array<{ id: string, name: string, locality: string, address: string, timezone: string, phone: string | null, windows: number, distanceKm: number | null, openNow: boolean, services: Array<{ id: string, title: string }>, location: { lat: number, lon: number }, region: { code: string, name: string, localities: Array<string> }, workingHours: Array<{ weekday: number, opens: string, closes: string, breakStart: string | null, breakEnd: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BranchQueryVariables = Exact<{
  id: string | number;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type BranchQuery = { branch: { id: string, name: string, locality: string, address: string, timezone: string, phone: string | null, windows: number, distanceKm: number | null, openNow: boolean, exceptions: Array<{ date: string, closed: boolean, opens: string | null, closes: string | null, note: string | null }>, services: Array<{ id: string, code: string, title: string }>, location: { lat: number, lon: number }, region: { code: string, name: string, localities: Array<string> }, workingHours: Array<{ weekday: number, opens: string, closes: string, breakStart: string | null, breakEnd: string | null }> } | null };

export type CreateBranchMutationVariables = Exact<{
  input: BranchInput;
}>;


export type CreateBranchMutation = { createBranch: { id: string, name: string, locality: string, address: string, timezone: string, phone: string | null, windows: number, distanceKm: number | null, openNow: boolean, location: { lat: number, lon: number }, region: { code: string, name: string, localities: Array<string> }, workingHours: Array<{ weekday: number, opens: string, closes: string, breakStart: string | null, breakEnd: string | null }> } };

export type UpdateBranchMutationVariables = Exact<{
  id: string | number;
  input: BranchInput;
}>;


export type UpdateBranchMutation = { updateBranch: { id: string, name: string, locality: string, address: string, timezone: string, phone: string | null, windows: number, distanceKm: number | null, openNow: boolean, location: { lat: number, lon: number }, region: { code: string, name: string, localities: Array<string> }, workingHours: Array<{ weekday: number, opens: string, closes: string, breakStart: string | null, breakEnd: string | null }> } };

export type SetWorkingHoursMutationVariables = Exact<{
  branchId: string | number;
  hours: Array<WorkingHoursInput> | WorkingHoursInput;
}>;


export type SetWorkingHoursMutation = { setWorkingHours: { id: string, name: string, locality: string, address: string, timezone: string, phone: string | null, windows: number, distanceKm: number | null, openNow: boolean, location: { lat: number, lon: number }, region: { code: string, name: string, localities: Array<string> }, workingHours: Array<{ weekday: number, opens: string, closes: string, breakStart: string | null, breakEnd: string | null }> } };

export type AddScheduleExceptionMutationVariables = Exact<{
  branchId: string | number;
  input: ScheduleExceptionInput;
}>;


export type AddScheduleExceptionMutation = { addScheduleException: { id: string } };

export type SetBranchServicesMutationVariables = Exact<{
  branchId: string | number;
  serviceIds: Array<string | number> | string | number;
}>;


export type SetBranchServicesMutation = { setBranchServices: { id: string, services: Array<{ id: string }> } };

export type ServiceFieldsFragment = { id: string, code: string, title: string, description: string, kind: ServiceKind, processingDays: number, availableOnline: boolean, requiresAppointment: boolean, minTrustLevel: TrustLevel, appointmentMinutes: number, applicationForm: unknown, archived: boolean, requiredDocuments: Array<{ kind: DocumentKind | null, title: string, description: string | null, optional: boolean }>, fee: { amount: { amount: string, currency: string }, onlineAmount: { amount: string, currency: string } } | null, category: { id: string, slug: string, title: string } };

export type ServiceCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceCategoriesQuery = { serviceCategories: Array<{ id: string, slug: string, title: string, services: { totalCount: number, nodes: Array<{ id: string, title: string }> } }> };

export type ServicesQueryVariables = Exact<{
  filter?: ServiceFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ServicesQuery = { services: { totalCount: number, nodes: Array<{ id: string, code: string, title: string, description: string, kind: ServiceKind, processingDays: number, availableOnline: boolean, requiresAppointment: boolean, minTrustLevel: TrustLevel, appointmentMinutes: number, applicationForm: unknown, archived: boolean, requiredDocuments: Array<{ kind: DocumentKind | null, title: string, description: string | null, optional: boolean }>, fee: { amount: { amount: string, currency: string }, onlineAmount: { amount: string, currency: string } } | null, category: { id: string, slug: string, title: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ServiceQueryVariables = Exact<{
  id?: string | number | null | undefined;
  code?: string | null | undefined;
}>;


export type ServiceQuery = { service: { id: string, code: string, title: string, description: string, kind: ServiceKind, processingDays: number, availableOnline: boolean, requiresAppointment: boolean, minTrustLevel: TrustLevel, appointmentMinutes: number, applicationForm: unknown, archived: boolean, branches: { totalCount: number, nodes: Array<{ id: string, name: string }> }, requiredDocuments: Array<{ kind: DocumentKind | null, title: string, description: string | null, optional: boolean }>, fee: { amount: { amount: string, currency: string }, onlineAmount: { amount: string, currency: string } } | null, category: { id: string, slug: string, title: string } } | null };

export type CreateServiceCategoryMutationVariables = Exact<{
  input: ServiceCategoryInput;
}>;


export type CreateServiceCategoryMutation = { createServiceCategory: { id: string, slug: string, title: string } };

export type CreateServiceMutationVariables = Exact<{
  input: ServiceInput;
}>;


export type CreateServiceMutation = { createService: { id: string, code: string, title: string, description: string, kind: ServiceKind, processingDays: number, availableOnline: boolean, requiresAppointment: boolean, minTrustLevel: TrustLevel, appointmentMinutes: number, applicationForm: unknown, archived: boolean, requiredDocuments: Array<{ kind: DocumentKind | null, title: string, description: string | null, optional: boolean }>, fee: { amount: { amount: string, currency: string }, onlineAmount: { amount: string, currency: string } } | null, category: { id: string, slug: string, title: string } } };

export type UpdateServiceMutationVariables = Exact<{
  id: string | number;
  input: ServiceInput;
}>;


export type UpdateServiceMutation = { updateService: { id: string, code: string, title: string, description: string, kind: ServiceKind, processingDays: number, availableOnline: boolean, requiresAppointment: boolean, minTrustLevel: TrustLevel, appointmentMinutes: number, applicationForm: unknown, archived: boolean, requiredDocuments: Array<{ kind: DocumentKind | null, title: string, description: string | null, optional: boolean }>, fee: { amount: { amount: string, currency: string }, onlineAmount: { amount: string, currency: string } } | null, category: { id: string, slug: string, title: string } } };

export type ArchiveServiceMutationVariables = Exact<{
  id: string | number;
}>;


export type ArchiveServiceMutation = { archiveService: { id: string, archived: boolean } };

export type ChatMessageFieldsFragment = { id: string, threadId: string, authorRole: string, authorName: string, text: string, createdAt: string };

export type ChatThreadFieldsFragment = { id: string, subject: string, applicationId: string | null, branchId: string | null, open: boolean, createdAt: string, lastMessageAt: string };

export type OpenChatMutationVariables = Exact<{
  subject: string;
  applicationId?: string | number | null | undefined;
  branchId?: string | number | null | undefined;
}>;


export type OpenChatMutation = { openChat: { id: string, subject: string, applicationId: string | null, branchId: string | null, open: boolean, createdAt: string, lastMessageAt: string } };

export type SendChatMessageMutationVariables = Exact<{
  threadId: string | number;
  text: string;
}>;


export type SendChatMessageMutation = { sendChatMessage: { id: string, threadId: string, authorRole: string, authorName: string, text: string, createdAt: string } };

export type CloseChatMutationVariables = Exact<{
  id: string | number;
}>;


export type CloseChatMutation = { closeChat: { id: string, subject: string, applicationId: string | null, branchId: string | null, open: boolean, createdAt: string, lastMessageAt: string } };

export type MyChatsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyChatsQuery = { myChats: Array<{ id: string, subject: string, applicationId: string | null, branchId: string | null, open: boolean, createdAt: string, lastMessageAt: string }> };

export type ChatQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChatQuery = { chat: { id: string, subject: string, applicationId: string | null, branchId: string | null, open: boolean, createdAt: string, lastMessageAt: string, messages: Array<{ id: string, threadId: string, authorRole: string, authorName: string, text: string, createdAt: string }> } | null };

export type SupportChatsQueryVariables = Exact<{
  includeClosed?: boolean | null | undefined;
}>;


export type SupportChatsQuery = { supportChats: Array<{ id: string, subject: string, applicationId: string | null, branchId: string | null, open: boolean, createdAt: string, lastMessageAt: string }> };

export type ChatMessageAddedSubscriptionVariables = Exact<{
  threadId: string | number;
}>;


export type ChatMessageAddedSubscription = { chatMessageAdded: { id: string, threadId: string, authorRole: string, authorName: string, text: string, createdAt: string } };

export type AttachmentFieldsFragment = { id: string, fileName: string, contentType: string, size: number, sha256: string, url: string, createdAt: string };

export type DocumentFieldsFragment = { id: string, kind: DocumentKind, series: string | null, number: string, issuedBy: string | null, issuedAt: string | null, expiresAt: string | null, expired: boolean, expiresSoon: boolean, verificationStatus: VerificationStatus, rejectionReason: string | null, createdAt: string, updatedAt: string, attachments: Array<{ id: string, fileName: string, contentType: string, size: number, sha256: string, url: string, createdAt: string }> };

export type MyDocumentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDocumentsQuery = { myDocuments: Array<{ id: string, kind: DocumentKind, series: string | null, number: string, issuedBy: string | null, issuedAt: string | null, expiresAt: string | null, expired: boolean, expiresSoon: boolean, verificationStatus: VerificationStatus, rejectionReason: string | null, createdAt: string, updatedAt: string, attachments: Array<{ id: string, fileName: string, contentType: string, size: number, sha256: string, url: string, createdAt: string }> }> };

export type MeWithDocumentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MeWithDocumentsQuery = { me: { id: string, trustLevel: TrustLevel, snils: string | null, inn: string | null, documents: Array<{ id: string, kind: DocumentKind }> } | null };

export type DocumentsToReviewQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type DocumentsToReviewQuery = { documentsToReview: Array<{ id: string, kind: DocumentKind, series: string | null, number: string, issuedBy: string | null, issuedAt: string | null, expiresAt: string | null, expired: boolean, expiresSoon: boolean, verificationStatus: VerificationStatus, rejectionReason: string | null, createdAt: string, updatedAt: string, owner: { id: string, lastName: string, firstName: string }, attachments: Array<{ id: string, fileName: string, contentType: string, size: number, sha256: string, url: string, createdAt: string }> }> };

export type DocumentNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentNodeQuery = { node:
    | { __typename: 'ActivityEntry', id: string }
    | { __typename: 'Application', id: string }
    | { __typename: 'Attachment', fileName: string, url: string, id: string }
    | { __typename: 'Booking', id: string }
    | { __typename: 'Branch', id: string }
    | { __typename: 'ChatMessage', id: string }
    | { __typename: 'ChatThread', id: string }
    | { __typename: 'DataAccessEntry', id: string }
    | { __typename: 'Feedback', id: string }
    | { __typename: 'LoadAlert', id: string }
    | { __typename: 'Notification', id: string }
    | { __typename: 'PersonalDocument', kind: DocumentKind, number: string, id: string }
    | { __typename: 'QueueTicket', id: string }
    | { __typename: 'Service', id: string }
    | { __typename: 'ServiceCategory', id: string }
    | { __typename: 'Session', id: string }
    | { __typename: 'SlotWatch', id: string }
    | { __typename: 'User', id: string }
   | null };

export type AddDocumentMutationVariables = Exact<{
  input: DocumentInput;
}>;


export type AddDocumentMutation = { addDocument: { id: string, kind: DocumentKind, series: string | null, number: string, issuedBy: string | null, issuedAt: string | null, expiresAt: string | null, expired: boolean, expiresSoon: boolean, verificationStatus: VerificationStatus, rejectionReason: string | null, createdAt: string, updatedAt: string, attachments: Array<{ id: string, fileName: string, contentType: string, size: number, sha256: string, url: string, createdAt: string }> } };

export type UpdateDocumentMutationVariables = Exact<{
  id: string | number;
  input: DocumentInput;
}>;


export type UpdateDocumentMutation = { updateDocument: { id: string, kind: DocumentKind, series: string | null, number: string, issuedBy: string | null, issuedAt: string | null, expiresAt: string | null, expired: boolean, expiresSoon: boolean, verificationStatus: VerificationStatus, rejectionReason: string | null, createdAt: string, updatedAt: string, attachments: Array<{ id: string, fileName: string, contentType: string, size: number, sha256: string, url: string, createdAt: string }> } };

export type DeleteDocumentMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteDocumentMutation = { deleteDocument: boolean };

export type ReviewDocumentMutationVariables = Exact<{
  id: string | number;
  status: VerificationStatus;
  reason?: string | null | undefined;
}>;


export type ReviewDocumentMutation = { reviewDocument: { id: string, kind: DocumentKind, series: string | null, number: string, issuedBy: string | null, issuedAt: string | null, expiresAt: string | null, expired: boolean, expiresSoon: boolean, verificationStatus: VerificationStatus, rejectionReason: string | null, createdAt: string, updatedAt: string, attachments: Array<{ id: string, fileName: string, contentType: string, size: number, sha256: string, url: string, createdAt: string }> } };

export type FeedbackFieldsFragment = { id: string, kind: FeedbackKind, rating: number | null, text: string | null, applicationId: string | null, bookingId: string | null, branchId: string | null, answer: string | null, answeredAt: string | null, answerDueAt: string | null, overdue: boolean, createdAt: string };

export type LeaveFeedbackMutationVariables = Exact<{
  input: FeedbackInput;
}>;


export type LeaveFeedbackMutation = { leaveFeedback: { id: string, kind: FeedbackKind, rating: number | null, text: string | null, applicationId: string | null, bookingId: string | null, branchId: string | null, answer: string | null, answeredAt: string | null, answerDueAt: string | null, overdue: boolean, createdAt: string } };

export type MyFeedbackQueryVariables = Exact<{ [key: string]: never; }>;


export type MyFeedbackQuery = { myFeedback: Array<{ id: string, kind: FeedbackKind, rating: number | null, text: string | null, applicationId: string | null, bookingId: string | null, branchId: string | null, answer: string | null, answeredAt: string | null, answerDueAt: string | null, overdue: boolean, createdAt: string }> };

export type ComplaintsQueryVariables = Exact<{
  filter?: ComplaintFilter | null | undefined;
}>;


export type ComplaintsQuery = { complaints: Array<{ id: string, kind: FeedbackKind, rating: number | null, text: string | null, applicationId: string | null, bookingId: string | null, branchId: string | null, answer: string | null, answeredAt: string | null, answerDueAt: string | null, overdue: boolean, createdAt: string }> };

export type AnswerFeedbackMutationVariables = Exact<{
  id: string | number;
  answer: string;
}>;


export type AnswerFeedbackMutation = { answerFeedback: { id: string, kind: FeedbackKind, rating: number | null, text: string | null, applicationId: string | null, bookingId: string | null, branchId: string | null, answer: string | null, answeredAt: string | null, answerDueAt: string | null, overdue: boolean, createdAt: string } };

export type NotificationFieldsFragment = { id: string, category: NotificationCategory, title: string, body: string, subjectType: string | null, subjectId: string | null, readAt: string | null, createdAt: string, deliveries: Array<{ channel: NotificationChannel, status: DeliveryStatus, attempts: number, lastError: string | null, sentAt: string | null, scheduledFor: string | null, deliveredAt: string | null, fallback: boolean }> };

export type NotificationPreferencesFieldsFragment = { quietHoursStart: string | null, quietHoursEnd: string | null, timezone: string, categories: Array<{ category: NotificationCategory, channels: Array<NotificationChannel> }> };

export type NotificationsQueryVariables = Exact<{
  filter?: NotificationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NotificationsQuery = { notifications: { totalCount: number, nodes: Array<{ id: string, category: NotificationCategory, title: string, body: string, subjectType: string | null, subjectId: string | null, readAt: string | null, createdAt: string, deliveries: Array<{ channel: NotificationChannel, status: DeliveryStatus, attempts: number, lastError: string | null, sentAt: string | null, scheduledFor: string | null, deliveredAt: string | null, fallback: boolean }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: number };

export type DeleteNotificationMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteNotificationMutation = { deleteNotification: boolean };

export type MyNotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyNotificationPreferencesQuery = { me: { id: string, notificationPreferences: { quietHoursStart: string | null, quietHoursEnd: string | null, timezone: string, categories: Array<{ category: NotificationCategory, channels: Array<NotificationChannel> }> } } | null };

export type UpdateNotificationPreferencesMutationVariables = Exact<{
  input: NotificationPreferencesInput;
}>;


export type UpdateNotificationPreferencesMutation = { updateNotificationPreferences: { quietHoursStart: string | null, quietHoursEnd: string | null, timezone: string, categories: Array<{ category: NotificationCategory, channels: Array<NotificationChannel> }> } };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, category: NotificationCategory, title: string, body: string, subjectType: string | null, subjectId: string | null, readAt: string | null, createdAt: string, deliveries: Array<{ channel: NotificationChannel, status: DeliveryStatus, attempts: number, lastError: string | null, sentAt: string | null, scheduledFor: string | null, deliveredAt: string | null, fallback: boolean }> } };

export type PushPublicKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type PushPublicKeyQuery = { pushPublicKey: string };

export type MyPushSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPushSubscriptionsQuery = { myPushSubscriptions: Array<{ id: string, endpoint: string, userAgent: string | null, createdAt: string }> };

export type RegisterPushSubscriptionMutationVariables = Exact<{
  input: PushSubscriptionInput;
}>;


export type RegisterPushSubscriptionMutation = { registerPushSubscription: { id: string, endpoint: string, createdAt: string } };

export type RemovePushSubscriptionMutationVariables = Exact<{
  id: string | number;
}>;


export type RemovePushSubscriptionMutation = { removePushSubscription: boolean };

export type PasskeyFieldsFragment = { id: string, name: string, deviceType: string, backedUp: boolean, transports: Array<string>, createdAt: string, lastUsedAt: string | null };

export type MyPasskeysQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPasskeysQuery = { myPasskeys: Array<{ id: string, name: string, deviceType: string, backedUp: boolean, transports: Array<string>, createdAt: string, lastUsedAt: string | null }> };

export type BeginPasskeyRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginPasskeyRegistrationMutation = { beginPasskeyRegistration: { challengeId: string, options: unknown, expiresAt: string } };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  challengeId: string | number;
  response: unknown;
  name?: string | null | undefined;
}>;


export type FinishPasskeyRegistrationMutation = { finishPasskeyRegistration: { id: string, name: string, deviceType: string, backedUp: boolean, transports: Array<string>, createdAt: string, lastUsedAt: string | null } };

export type RemovePasskeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RemovePasskeyMutation = { removePasskey: boolean };

export type BeginPasskeyLoginMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginPasskeyLoginMutation = { beginPasskeyLogin: { challengeId: string, options: unknown, expiresAt: string } };

export type FinishPasskeyLoginMutationVariables = Exact<{
  challengeId: string | number;
  response: unknown;
}>;


export type FinishPasskeyLoginMutation = { finishPasskeyLogin: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } } };

export type MyDataAccessLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyDataAccessLogQuery = { myDataAccessLog: { totalCount: number, nodes: Array<{ id: string, at: string, staffName: string, staffRole: Role, action: string, subject: string, branch: { id: string, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CitizenDocumentsQueryVariables = Exact<{
  id: string | number;
}>;


export type CitizenDocumentsQuery = { node:
    | { __typename: 'ActivityEntry', id: string }
    | { __typename: 'Application', id: string }
    | { __typename: 'Attachment', id: string }
    | { __typename: 'Booking', id: string }
    | { __typename: 'Branch', id: string }
    | { __typename: 'ChatMessage', id: string }
    | { __typename: 'ChatThread', id: string }
    | { __typename: 'DataAccessEntry', id: string }
    | { __typename: 'Feedback', id: string }
    | { __typename: 'LoadAlert', id: string }
    | { __typename: 'Notification', id: string }
    | { __typename: 'PersonalDocument', id: string }
    | { __typename: 'QueueTicket', id: string }
    | { __typename: 'Service', id: string }
    | { __typename: 'ServiceCategory', id: string }
    | { __typename: 'Session', id: string }
    | { __typename: 'SlotWatch', id: string }
    | { __typename: 'User', lastName: string, firstName: string, id: string, documents: Array<{ id: string, kind: DocumentKind, number: string }> }
   | null };

export type TicketFieldsFragment = { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } };

export type LoadFieldsFragment = { branchId: string, waiting: number, averageWaitMinutes: number, openWindows: number, freeWindows: number, level: LoadLevel, updatedAt: string };

export type TakeTicketMutationVariables = Exact<{
  branchId: string | number;
  serviceId: string | number;
}>;


export type TakeTicketMutation = { takeTicket: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type OpenWindowMutationVariables = Exact<{
  branchId: string | number;
  window: number;
}>;


export type OpenWindowMutation = { openWindow: { branchId: string, waiting: number, averageWaitMinutes: number, openWindows: number, freeWindows: number, level: LoadLevel, updatedAt: string } };

export type CloseWindowMutationVariables = Exact<{
  branchId: string | number;
  window: number;
}>;


export type CloseWindowMutation = { closeWindow: { branchId: string, waiting: number, averageWaitMinutes: number, openWindows: number, freeWindows: number, level: LoadLevel, updatedAt: string } };

export type CallNextTicketMutationVariables = Exact<{
  branchId: string | number;
  window: number;
}>;


export type CallNextTicketMutation = { callNextTicket: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } | null };

export type CompleteTicketMutationVariables = Exact<{
  id: string | number;
}>;


export type CompleteTicketMutation = { completeTicket: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type MarkNoShowMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNoShowMutation = { markNoShow: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type MyTicketsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTicketsQuery = { myTickets: Array<{ id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } }> };

export type BranchQueueQueryVariables = Exact<{
  branchId: string | number;
}>;


export type BranchQueueQuery = { queue: Array<{ id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } }> };

export type BranchLoadNowQueryVariables = Exact<{
  id: string | number;
  hours?: number | null | undefined;
}>;


export type BranchLoadNowQuery = { branch: { id: string, load: { branchId: string, waiting: number, averageWaitMinutes: number, openWindows: number, freeWindows: number, level: LoadLevel, updatedAt: string }, loadHistory: Array<{ at: string, waiting: number, averageWaitMinutes: number }> } | null };

export type BranchesByLoadQueryVariables = Exact<{
  filter?: BranchFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type BranchesByLoadQuery = { branches: { totalCount: number, nodes: Array<{ id: string, name: string, openNow: boolean, load: { waiting: number, averageWaitMinutes: number, level: LoadLevel }, services: Array<{ title: string }> }> } };

export type WatchBranchLoadMutationVariables = Exact<{
  branchId: string | number;
  maxWaiting: number;
}>;


export type WatchBranchLoadMutation = { watchBranchLoad: { id: string, maxWaiting: number, active: boolean, createdAt: string, branch: { id: string, name: string } } };

export type CancelLoadAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelLoadAlertMutation = { cancelLoadAlert: boolean };

export type MyLoadAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyLoadAlertsQuery = { myLoadAlerts: Array<{ id: string, maxWaiting: number, active: boolean }> };

export type BranchLoadChangedSubscriptionVariables = Exact<{
  branchIds?: Array<string | number> | string | number | null | undefined;
}>;


export type BranchLoadChangedSubscription = { branchLoadChanged: { branchId: string, waiting: number, averageWaitMinutes: number, openWindows: number, freeWindows: number, level: LoadLevel, updatedAt: string } };

export type TicketUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TicketUpdatedSubscription = { ticketUpdated: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type CancelTicketMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelTicketMutation = { cancelTicket: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type IssueWalkInTicketMutationVariables = Exact<{
  branchId: string | number;
  serviceId: string | number;
}>;


export type IssueWalkInTicketMutation = { issueWalkInTicket: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type StartServingMutationVariables = Exact<{
  id: string | number;
}>;


export type StartServingMutation = { startServing: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type TransferTicketMutationVariables = Exact<{
  id: string | number;
  serviceId: string | number;
}>;


export type TransferTicketMutation = { transferTicket: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type RecallTicketMutationVariables = Exact<{
  id: string | number;
}>;


export type RecallTicketMutation = { recallTicket: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type SetTicketAlertMutationVariables = Exact<{
  id: string | number;
  peopleAhead: number;
}>;


export type SetTicketAlertMutation = { setTicketAlert: { id: string, number: string, status: TicketStatus, window: number | null, position: number | null, estimatedWaitMinutes: number | null, issuedAt: string, calledAt: string | null, completedAt: string | null, alertWhenAhead: number | null, branch: { id: string, name: string }, service: { id: string, title: string } } };

export type CalledTicketFieldsFragment = { branchId: string, number: string, window: number, calledAt: string };

export type CalledTicketsQueryVariables = Exact<{
  branchId: string | number;
  last?: number | null | undefined;
}>;


export type CalledTicketsQuery = { calledTickets: Array<{ branchId: string, number: string, window: number, calledAt: string }> };

export type BranchBoardQueryVariables = Exact<{
  id: string | number;
  last?: number | null | undefined;
}>;


export type BranchBoardQuery = { branch: { id: string, calledTickets: Array<{ branchId: string, number: string, window: number, calledAt: string }> } | null };

export type TicketCalledSubscriptionVariables = Exact<{
  branchId: string | number;
}>;


export type TicketCalledSubscription = { ticketCalled: { branchId: string, number: string, window: number, calledAt: string } };

export type QueueChangedSubscriptionVariables = Exact<{
  branchId: string | number;
}>;


export type QueueChangedSubscription = { queueChanged: Array<{ id: string, number: string, status: TicketStatus, window: number | null, position: number | null, issuedAt: string, service: { id: string } }> };

export type BranchForecastQueryVariables = Exact<{
  id: string | number;
  date?: string | null | undefined;
  serviceId?: string | number | null | undefined;
}>;


export type BranchForecastQuery = { branch: { id: string, forecast: Array<{ from: string, to: string, expectedWaitMinutes: number, level: LoadLevel, freeSlots: number }> } | null };

export type RecommendBranchesQueryVariables = Exact<{
  serviceId: string | number;
  near: GeoPointInput;
  radiusKm?: number | null | undefined;
  first?: number | null | undefined;
}>;


export type RecommendBranchesQuery = { recommendBranches: Array<{ distanceKm: number | null, waitNowMinutes: number, branch: { id: string, name: string }, nextFreeSlot: { startsAt: string, endsAt: string, capacity: number, available: number } | null }> };

export type BeginSignatureLoginMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginSignatureLoginMutation = { beginSignatureLogin: { challengeId: string, dataToSign: string, expiresAt: string } };

export type CompleteSignatureLoginMutationVariables = Exact<{
  input: SignatureLoginInput;
}>;


export type CompleteSignatureLoginMutation = { completeSignatureLogin: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } } };

export type SsoProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoProvidersQuery = { ssoProviders: Array<{ id: string, name: string }> };

export type BeginSsoLoginMutationVariables = Exact<{
  providerId: string | number;
  redirectUri: string;
}>;


export type BeginSsoLoginMutation = { beginSsoLogin: { authorizationUrl: string, state: string } };

export type CompleteSsoLoginMutationVariables = Exact<{
  state: string;
  code: string;
}>;


export type CompleteSsoLoginMutation = { completeSsoLogin: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, phone: string | null, email: string | null, phoneVerified: boolean, emailVerified: boolean, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, snils: string | null, inn: string | null, registrationAddress: string | null, residentialAddress: string | null, trustLevel: TrustLevel, roles: Array<Role>, twoFactorMethod: TwoFactorMethod | null, createdAt: string, staffBranch: { id: string, name: string } | null } } };

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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
}`, {"fragmentName":"AuthPayloadFields"}) as unknown as TypedDocumentString<AuthPayloadFieldsFragment, unknown>;
export const ApplicationEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApplicationEventFields on ApplicationEvent {
  id
  applicationId
  status
  at
  actor
  comment
}
    `, {"fragmentName":"ApplicationEventFields"}) as unknown as TypedDocumentString<ApplicationEventFieldsFragment, unknown>;
export const ApplicationFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}
    `, {"fragmentName":"ApplicationFields"}) as unknown as TypedDocumentString<ApplicationFieldsFragment, unknown>;
export const BookingFieldsFragmentDoc = new TypedDocumentString(`
    fragment BookingFields on Booking {
  id
  number
  purpose
  startsAt
  endsAt
  originalStartsAt
  status
  confirmBy
  rescheduleCount
  reschedulesLeft
  canReschedule
  canCancel
  ticketCode
  calendarUrl
  ticketUrl
  createdAt
  branch {
    id
    name
    timezone
  }
  service {
    id
    title
  }
  history {
    status
    at
    note
  }
}
    `, {"fragmentName":"BookingFields"}) as unknown as TypedDocumentString<BookingFieldsFragment, unknown>;
export const BranchFieldsFragmentDoc = new TypedDocumentString(`
    fragment BranchFields on Branch {
  id
  name
  locality
  address
  timezone
  phone
  windows
  distanceKm
  openNow
  location {
    lat
    lon
  }
  region {
    code
    name
    localities
  }
  workingHours {
    weekday
    opens
    closes
    breakStart
    breakEnd
  }
}
    `, {"fragmentName":"BranchFields"}) as unknown as TypedDocumentString<BranchFieldsFragment, unknown>;
export const ServiceFieldsFragmentDoc = new TypedDocumentString(`
    fragment ServiceFields on Service {
  id
  code
  title
  description
  kind
  processingDays
  availableOnline
  requiresAppointment
  minTrustLevel
  appointmentMinutes
  applicationForm
  archived
  requiredDocuments {
    kind
    title
    description
    optional
  }
  fee {
    amount {
      amount
      currency
    }
    onlineAmount {
      amount
      currency
    }
  }
  category {
    id
    slug
    title
  }
}
    `, {"fragmentName":"ServiceFields"}) as unknown as TypedDocumentString<ServiceFieldsFragment, unknown>;
export const ChatMessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChatMessageFields on ChatMessage {
  id
  threadId
  authorRole
  authorName
  text
  createdAt
}
    `, {"fragmentName":"ChatMessageFields"}) as unknown as TypedDocumentString<ChatMessageFieldsFragment, unknown>;
export const ChatThreadFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChatThreadFields on ChatThread {
  id
  subject
  applicationId
  branchId
  open
  createdAt
  lastMessageAt
}
    `, {"fragmentName":"ChatThreadFields"}) as unknown as TypedDocumentString<ChatThreadFieldsFragment, unknown>;
export const AttachmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  size
  sha256
  url
  createdAt
}
    `, {"fragmentName":"AttachmentFields"}) as unknown as TypedDocumentString<AttachmentFieldsFragment, unknown>;
export const DocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment DocumentFields on PersonalDocument {
  id
  kind
  series
  number
  issuedBy
  issuedAt
  expiresAt
  expired
  expiresSoon
  verificationStatus
  rejectionReason
  createdAt
  updatedAt
  attachments {
    ...AttachmentFields
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  size
  sha256
  url
  createdAt
}`, {"fragmentName":"DocumentFields"}) as unknown as TypedDocumentString<DocumentFieldsFragment, unknown>;
export const FeedbackFieldsFragmentDoc = new TypedDocumentString(`
    fragment FeedbackFields on Feedback {
  id
  kind
  rating
  text
  applicationId
  bookingId
  branchId
  answer
  answeredAt
  answerDueAt
  overdue
  createdAt
}
    `, {"fragmentName":"FeedbackFields"}) as unknown as TypedDocumentString<FeedbackFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  category
  title
  body
  subjectType
  subjectId
  readAt
  createdAt
  deliveries {
    channel
    status
    attempts
    lastError
    sentAt
    scheduledFor
    deliveredAt
    fallback
  }
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const NotificationPreferencesFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationPreferencesFields on NotificationPreferences {
  categories {
    category
    channels
  }
  quietHoursStart
  quietHoursEnd
  timezone
}
    `, {"fragmentName":"NotificationPreferencesFields"}) as unknown as TypedDocumentString<NotificationPreferencesFieldsFragment, unknown>;
export const PasskeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment PasskeyFields on Passkey {
  id
  name
  deviceType
  backedUp
  transports
  createdAt
  lastUsedAt
}
    `, {"fragmentName":"PasskeyFields"}) as unknown as TypedDocumentString<PasskeyFieldsFragment, unknown>;
export const TicketFieldsFragmentDoc = new TypedDocumentString(`
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}
    `, {"fragmentName":"TicketFields"}) as unknown as TypedDocumentString<TicketFieldsFragment, unknown>;
export const LoadFieldsFragmentDoc = new TypedDocumentString(`
    fragment LoadFields on BranchLoad {
  branchId
  waiting
  averageWaitMinutes
  openWindows
  freeWindows
  level
  updatedAt
}
    `, {"fragmentName":"LoadFields"}) as unknown as TypedDocumentString<LoadFieldsFragment, unknown>;
export const CalledTicketFieldsFragmentDoc = new TypedDocumentString(`
    fragment CalledTicketFields on CalledTicket {
  branchId
  number
  window
  calledAt
}
    `, {"fragmentName":"CalledTicketFields"}) as unknown as TypedDocumentString<CalledTicketFieldsFragment, unknown>;
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
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
  staffBranch {
    id
    name
  }
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
export const MyApplicationsDocument = new TypedDocumentString(`
    query MyApplications($filter: ApplicationFilter, $first: Int, $after: String) {
  myApplications(filter: $filter, first: $first, after: $after) {
    nodes {
      ...ApplicationFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<MyApplicationsQuery, MyApplicationsQueryVariables>;
export const ApplicationsQueueDocument = new TypedDocumentString(`
    query ApplicationsQueue($filter: ApplicationFilter, $first: Int, $after: String) {
  applicationsQueue(filter: $filter, first: $first, after: $after) {
    nodes {
      ...ApplicationFields
      applicant {
        id
        lastName
        firstName
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<ApplicationsQueueQuery, ApplicationsQueueQueryVariables>;
export const ApplicationDetailsDocument = new TypedDocumentString(`
    query ApplicationDetails($id: ID!) {
  application(id: $id) {
    ...ApplicationFields
    applicant {
      id
      lastName
    }
    versions {
      version
      data
      createdAt
      attachments {
        id
        fileName
      }
    }
    timeline {
      ...ApplicationEventFields
    }
    comments {
      id
      author
      authorRole
      text
      createdAt
    }
  }
}
    fragment ApplicationEventFields on ApplicationEvent {
  id
  applicationId
  status
  at
  actor
  comment
}
fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<ApplicationDetailsQuery, ApplicationDetailsQueryVariables>;
export const ValidateApplicationDocument = new TypedDocumentString(`
    query ValidateApplication($id: ID!) {
  validateApplication(id: $id) {
    valid
    issues {
      field
      message
    }
    missingDocuments {
      kind
      title
      optional
    }
  }
}
    `) as unknown as TypedDocumentString<ValidateApplicationQuery, ValidateApplicationQueryVariables>;
export const CreateApplicationDraftDocument = new TypedDocumentString(`
    mutation CreateApplicationDraft($input: ApplicationDraftInput!) {
  createApplicationDraft(input: $input) {
    ...ApplicationFields
  }
}
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<CreateApplicationDraftMutation, CreateApplicationDraftMutationVariables>;
export const UpdateApplicationDraftDocument = new TypedDocumentString(`
    mutation UpdateApplicationDraft($id: ID!, $input: ApplicationChangeInput!) {
  updateApplicationDraft(id: $id, input: $input) {
    ...ApplicationFields
  }
}
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<UpdateApplicationDraftMutation, UpdateApplicationDraftMutationVariables>;
export const DeleteApplicationDraftDocument = new TypedDocumentString(`
    mutation DeleteApplicationDraft($id: ID!) {
  deleteApplicationDraft(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteApplicationDraftMutation, DeleteApplicationDraftMutationVariables>;
export const SubmitApplicationDocument = new TypedDocumentString(`
    mutation SubmitApplication($id: ID!) {
  submitApplication(id: $id) {
    ...ApplicationFields
    timeline {
      ...ApplicationEventFields
    }
  }
}
    fragment ApplicationEventFields on ApplicationEvent {
  id
  applicationId
  status
  at
  actor
  comment
}
fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<SubmitApplicationMutation, SubmitApplicationMutationVariables>;
export const CancelApplicationDocument = new TypedDocumentString(`
    mutation CancelApplication($id: ID!, $reason: String) {
  cancelApplication(id: $id, reason: $reason) {
    ...ApplicationFields
  }
}
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<CancelApplicationMutation, CancelApplicationMutationVariables>;
export const AmendApplicationDocument = new TypedDocumentString(`
    mutation AmendApplication($id: ID!, $input: ApplicationChangeInput!) {
  amendApplication(id: $id, input: $input) {
    ...ApplicationFields
    versions {
      version
      data
    }
  }
}
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<AmendApplicationMutation, AmendApplicationMutationVariables>;
export const CommentOnApplicationDocument = new TypedDocumentString(`
    mutation CommentOnApplication($id: ID!, $text: String!) {
  commentOnApplication(id: $id, text: $text) {
    id
    author
    authorRole
    text
    createdAt
  }
}
    `) as unknown as TypedDocumentString<CommentOnApplicationMutation, CommentOnApplicationMutationVariables>;
export const ChangeApplicationStatusDocument = new TypedDocumentString(`
    mutation ChangeApplicationStatus($id: ID!, $status: ApplicationStatus!, $comment: String, $expectedStatus: ApplicationStatus) {
  changeApplicationStatus(
    id: $id
    status: $status
    comment: $comment
    expectedStatus: $expectedStatus
  ) {
    ...ApplicationFields
  }
}
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<ChangeApplicationStatusMutation, ChangeApplicationStatusMutationVariables>;
export const AttachApplicationResultDocument = new TypedDocumentString(`
    mutation AttachApplicationResult($id: ID!, $attachmentId: ID!) {
  attachApplicationResult(id: $id, attachmentId: $attachmentId) {
    ...ApplicationFields
  }
}
    fragment ApplicationFields on Application {
  id
  number
  status
  data
  version
  canCancel
  canAmend
  dueDate
  submittedAt
  createdAt
  updatedAt
  service {
    id
    code
    title
  }
  branch {
    id
    name
  }
  attachments {
    id
    fileName
    url
  }
  result {
    id
    fileName
    contentType
    url
  }
}`) as unknown as TypedDocumentString<AttachApplicationResultMutation, AttachApplicationResultMutationVariables>;
export const ApplicationStatusChangedDocument = new TypedDocumentString(`
    subscription ApplicationStatusChanged($applicationId: ID) {
  applicationStatusChanged(applicationId: $applicationId) {
    ...ApplicationEventFields
  }
}
    fragment ApplicationEventFields on ApplicationEvent {
  id
  applicationId
  status
  at
  actor
  comment
}`) as unknown as TypedDocumentString<ApplicationStatusChangedSubscription, ApplicationStatusChangedSubscriptionVariables>;
export const AvailableDatesDocument = new TypedDocumentString(`
    query AvailableDates($branchId: ID!, $serviceId: ID!, $from: Date!, $to: Date!) {
  availableDates(branchId: $branchId, serviceId: $serviceId, from: $from, to: $to)
}
    `) as unknown as TypedDocumentString<AvailableDatesQuery, AvailableDatesQueryVariables>;
export const AvailableSlotsDocument = new TypedDocumentString(`
    query AvailableSlots($branchId: ID!, $serviceId: ID!, $from: Date!, $to: Date!) {
  availableSlots(branchId: $branchId, serviceId: $serviceId, from: $from, to: $to) {
    startsAt
    endsAt
    capacity
    available
  }
}
    `) as unknown as TypedDocumentString<AvailableSlotsQuery, AvailableSlotsQueryVariables>;
export const BookAppointmentDocument = new TypedDocumentString(`
    mutation BookAppointment($input: BookAppointmentInput!) {
  bookAppointment(input: $input) {
    ...BookingFields
  }
}
    fragment BookingFields on Booking {
  id
  number
  purpose
  startsAt
  endsAt
  originalStartsAt
  status
  confirmBy
  rescheduleCount
  reschedulesLeft
  canReschedule
  canCancel
  ticketCode
  calendarUrl
  ticketUrl
  createdAt
  branch {
    id
    name
    timezone
  }
  service {
    id
    title
  }
  history {
    status
    at
    note
  }
}`) as unknown as TypedDocumentString<BookAppointmentMutation, BookAppointmentMutationVariables>;
export const ConfirmBookingDocument = new TypedDocumentString(`
    mutation ConfirmBooking($id: ID!) {
  confirmBooking(id: $id) {
    ...BookingFields
  }
}
    fragment BookingFields on Booking {
  id
  number
  purpose
  startsAt
  endsAt
  originalStartsAt
  status
  confirmBy
  rescheduleCount
  reschedulesLeft
  canReschedule
  canCancel
  ticketCode
  calendarUrl
  ticketUrl
  createdAt
  branch {
    id
    name
    timezone
  }
  service {
    id
    title
  }
  history {
    status
    at
    note
  }
}`) as unknown as TypedDocumentString<ConfirmBookingMutation, ConfirmBookingMutationVariables>;
export const CancelBookingDocument = new TypedDocumentString(`
    mutation CancelBooking($id: ID!, $reason: String) {
  cancelBooking(id: $id, reason: $reason) {
    ...BookingFields
  }
}
    fragment BookingFields on Booking {
  id
  number
  purpose
  startsAt
  endsAt
  originalStartsAt
  status
  confirmBy
  rescheduleCount
  reschedulesLeft
  canReschedule
  canCancel
  ticketCode
  calendarUrl
  ticketUrl
  createdAt
  branch {
    id
    name
    timezone
  }
  service {
    id
    title
  }
  history {
    status
    at
    note
  }
}`) as unknown as TypedDocumentString<CancelBookingMutation, CancelBookingMutationVariables>;
export const MyBookingsDocument = new TypedDocumentString(`
    query MyBookings($filter: BookingFilter, $first: Int, $after: String) {
  myBookings(filter: $filter, first: $first, after: $after) {
    nodes {
      ...BookingFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment BookingFields on Booking {
  id
  number
  purpose
  startsAt
  endsAt
  originalStartsAt
  status
  confirmBy
  rescheduleCount
  reschedulesLeft
  canReschedule
  canCancel
  ticketCode
  calendarUrl
  ticketUrl
  createdAt
  branch {
    id
    name
    timezone
  }
  service {
    id
    title
  }
  history {
    status
    at
    note
  }
}`) as unknown as TypedDocumentString<MyBookingsQuery, MyBookingsQueryVariables>;
export const BookingByIdDocument = new TypedDocumentString(`
    query BookingById($id: ID!) {
  booking(id: $id) {
    ...BookingFields
  }
}
    fragment BookingFields on Booking {
  id
  number
  purpose
  startsAt
  endsAt
  originalStartsAt
  status
  confirmBy
  rescheduleCount
  reschedulesLeft
  canReschedule
  canCancel
  ticketCode
  calendarUrl
  ticketUrl
  createdAt
  branch {
    id
    name
    timezone
  }
  service {
    id
    title
  }
  history {
    status
    at
    note
  }
}`) as unknown as TypedDocumentString<BookingByIdQuery, BookingByIdQueryVariables>;
export const SetBranchServiceCapacityDocument = new TypedDocumentString(`
    mutation SetBranchServiceCapacity($branchId: ID!, $serviceId: ID!, $capacity: Int!) {
  setBranchServiceCapacity(
    branchId: $branchId
    serviceId: $serviceId
    capacity: $capacity
  )
}
    `) as unknown as TypedDocumentString<SetBranchServiceCapacityMutation, SetBranchServiceCapacityMutationVariables>;
export const BookingUpdatedDocument = new TypedDocumentString(`
    subscription BookingUpdated {
  bookingUpdated {
    id
    status
    number
  }
}
    `) as unknown as TypedDocumentString<BookingUpdatedSubscription, BookingUpdatedSubscriptionVariables>;
export const RescheduleBookingDocument = new TypedDocumentString(`
    mutation RescheduleBooking($id: ID!, $startsAt: DateTime!) {
  rescheduleBooking(id: $id, startsAt: $startsAt) {
    ...BookingFields
  }
}
    fragment BookingFields on Booking {
  id
  number
  purpose
  startsAt
  endsAt
  originalStartsAt
  status
  confirmBy
  rescheduleCount
  reschedulesLeft
  canReschedule
  canCancel
  ticketCode
  calendarUrl
  ticketUrl
  createdAt
  branch {
    id
    name
    timezone
  }
  service {
    id
    title
  }
  history {
    status
    at
    note
  }
}`) as unknown as TypedDocumentString<RescheduleBookingMutation, RescheduleBookingMutationVariables>;
export const CheckInDocument = new TypedDocumentString(`
    mutation CheckIn($ticketCode: String!) {
  checkIn(ticketCode: $ticketCode) {
    id
    number
    status
    position
    booking {
      id
      number
      status
    }
  }
}
    `) as unknown as TypedDocumentString<CheckInMutation, CheckInMutationVariables>;
export const WatchSlotsDocument = new TypedDocumentString(`
    mutation WatchSlots($input: SlotWatchInput!) {
  watchSlots(input: $input) {
    id
    from
    to
    active
    branch {
      id
      name
    }
    service {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<WatchSlotsMutation, WatchSlotsMutationVariables>;
export const CancelSlotWatchDocument = new TypedDocumentString(`
    mutation CancelSlotWatch($id: ID!) {
  cancelSlotWatch(id: $id)
}
    `) as unknown as TypedDocumentString<CancelSlotWatchMutation, CancelSlotWatchMutationVariables>;
export const MySlotWatchesDocument = new TypedDocumentString(`
    query MySlotWatches {
  mySlotWatches {
    id
    from
    to
    active
  }
}
    `) as unknown as TypedDocumentString<MySlotWatchesQuery, MySlotWatchesQueryVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions {
  regions {
    code
    name
    localities
  }
}
    `) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
export const BranchesDocument = new TypedDocumentString(`
    query Branches($filter: BranchFilter, $orderBy: BranchOrder, $first: Int, $after: String) {
  branches(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    nodes {
      ...BranchFields
      services {
        id
        title
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment BranchFields on Branch {
  id
  name
  locality
  address
  timezone
  phone
  windows
  distanceKm
  openNow
  location {
    lat
    lon
  }
  region {
    code
    name
    localities
  }
  workingHours {
    weekday
    opens
    closes
    breakStart
    breakEnd
  }
}`) as unknown as TypedDocumentString<BranchesQuery, BranchesQueryVariables>;
export const BranchDocument = new TypedDocumentString(`
    query Branch($id: ID!, $from: Date, $to: Date) {
  branch(id: $id) {
    ...BranchFields
    exceptions(from: $from, to: $to) {
      date
      closed
      opens
      closes
      note
    }
    services {
      id
      code
      title
    }
  }
}
    fragment BranchFields on Branch {
  id
  name
  locality
  address
  timezone
  phone
  windows
  distanceKm
  openNow
  location {
    lat
    lon
  }
  region {
    code
    name
    localities
  }
  workingHours {
    weekday
    opens
    closes
    breakStart
    breakEnd
  }
}`) as unknown as TypedDocumentString<BranchQuery, BranchQueryVariables>;
export const CreateBranchDocument = new TypedDocumentString(`
    mutation CreateBranch($input: BranchInput!) {
  createBranch(input: $input) {
    ...BranchFields
  }
}
    fragment BranchFields on Branch {
  id
  name
  locality
  address
  timezone
  phone
  windows
  distanceKm
  openNow
  location {
    lat
    lon
  }
  region {
    code
    name
    localities
  }
  workingHours {
    weekday
    opens
    closes
    breakStart
    breakEnd
  }
}`) as unknown as TypedDocumentString<CreateBranchMutation, CreateBranchMutationVariables>;
export const UpdateBranchDocument = new TypedDocumentString(`
    mutation UpdateBranch($id: ID!, $input: BranchInput!) {
  updateBranch(id: $id, input: $input) {
    ...BranchFields
  }
}
    fragment BranchFields on Branch {
  id
  name
  locality
  address
  timezone
  phone
  windows
  distanceKm
  openNow
  location {
    lat
    lon
  }
  region {
    code
    name
    localities
  }
  workingHours {
    weekday
    opens
    closes
    breakStart
    breakEnd
  }
}`) as unknown as TypedDocumentString<UpdateBranchMutation, UpdateBranchMutationVariables>;
export const SetWorkingHoursDocument = new TypedDocumentString(`
    mutation SetWorkingHours($branchId: ID!, $hours: [WorkingHoursInput!]!) {
  setWorkingHours(branchId: $branchId, hours: $hours) {
    ...BranchFields
  }
}
    fragment BranchFields on Branch {
  id
  name
  locality
  address
  timezone
  phone
  windows
  distanceKm
  openNow
  location {
    lat
    lon
  }
  region {
    code
    name
    localities
  }
  workingHours {
    weekday
    opens
    closes
    breakStart
    breakEnd
  }
}`) as unknown as TypedDocumentString<SetWorkingHoursMutation, SetWorkingHoursMutationVariables>;
export const AddScheduleExceptionDocument = new TypedDocumentString(`
    mutation AddScheduleException($branchId: ID!, $input: ScheduleExceptionInput!) {
  addScheduleException(branchId: $branchId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddScheduleExceptionMutation, AddScheduleExceptionMutationVariables>;
export const SetBranchServicesDocument = new TypedDocumentString(`
    mutation SetBranchServices($branchId: ID!, $serviceIds: [ID!]!) {
  setBranchServices(branchId: $branchId, serviceIds: $serviceIds) {
    id
    services {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SetBranchServicesMutation, SetBranchServicesMutationVariables>;
export const ServiceCategoriesDocument = new TypedDocumentString(`
    query ServiceCategories {
  serviceCategories {
    id
    slug
    title
    services(first: 5) {
      totalCount
      nodes {
        id
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceCategoriesQuery, ServiceCategoriesQueryVariables>;
export const ServicesDocument = new TypedDocumentString(`
    query Services($filter: ServiceFilter, $first: Int, $after: String) {
  services(filter: $filter, first: $first, after: $after) {
    nodes {
      ...ServiceFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment ServiceFields on Service {
  id
  code
  title
  description
  kind
  processingDays
  availableOnline
  requiresAppointment
  minTrustLevel
  appointmentMinutes
  applicationForm
  archived
  requiredDocuments {
    kind
    title
    description
    optional
  }
  fee {
    amount {
      amount
      currency
    }
    onlineAmount {
      amount
      currency
    }
  }
  category {
    id
    slug
    title
  }
}`) as unknown as TypedDocumentString<ServicesQuery, ServicesQueryVariables>;
export const ServiceDocument = new TypedDocumentString(`
    query Service($id: ID, $code: String) {
  service(id: $id, code: $code) {
    ...ServiceFields
    branches(first: 50) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
}
    fragment ServiceFields on Service {
  id
  code
  title
  description
  kind
  processingDays
  availableOnline
  requiresAppointment
  minTrustLevel
  appointmentMinutes
  applicationForm
  archived
  requiredDocuments {
    kind
    title
    description
    optional
  }
  fee {
    amount {
      amount
      currency
    }
    onlineAmount {
      amount
      currency
    }
  }
  category {
    id
    slug
    title
  }
}`) as unknown as TypedDocumentString<ServiceQuery, ServiceQueryVariables>;
export const CreateServiceCategoryDocument = new TypedDocumentString(`
    mutation CreateServiceCategory($input: ServiceCategoryInput!) {
  createServiceCategory(input: $input) {
    id
    slug
    title
  }
}
    `) as unknown as TypedDocumentString<CreateServiceCategoryMutation, CreateServiceCategoryMutationVariables>;
export const CreateServiceDocument = new TypedDocumentString(`
    mutation CreateService($input: ServiceInput!) {
  createService(input: $input) {
    ...ServiceFields
  }
}
    fragment ServiceFields on Service {
  id
  code
  title
  description
  kind
  processingDays
  availableOnline
  requiresAppointment
  minTrustLevel
  appointmentMinutes
  applicationForm
  archived
  requiredDocuments {
    kind
    title
    description
    optional
  }
  fee {
    amount {
      amount
      currency
    }
    onlineAmount {
      amount
      currency
    }
  }
  category {
    id
    slug
    title
  }
}`) as unknown as TypedDocumentString<CreateServiceMutation, CreateServiceMutationVariables>;
export const UpdateServiceDocument = new TypedDocumentString(`
    mutation UpdateService($id: ID!, $input: ServiceInput!) {
  updateService(id: $id, input: $input) {
    ...ServiceFields
  }
}
    fragment ServiceFields on Service {
  id
  code
  title
  description
  kind
  processingDays
  availableOnline
  requiresAppointment
  minTrustLevel
  appointmentMinutes
  applicationForm
  archived
  requiredDocuments {
    kind
    title
    description
    optional
  }
  fee {
    amount {
      amount
      currency
    }
    onlineAmount {
      amount
      currency
    }
  }
  category {
    id
    slug
    title
  }
}`) as unknown as TypedDocumentString<UpdateServiceMutation, UpdateServiceMutationVariables>;
export const ArchiveServiceDocument = new TypedDocumentString(`
    mutation ArchiveService($id: ID!) {
  archiveService(id: $id) {
    id
    archived
  }
}
    `) as unknown as TypedDocumentString<ArchiveServiceMutation, ArchiveServiceMutationVariables>;
export const OpenChatDocument = new TypedDocumentString(`
    mutation OpenChat($subject: String!, $applicationId: ID, $branchId: ID) {
  openChat(subject: $subject, applicationId: $applicationId, branchId: $branchId) {
    ...ChatThreadFields
  }
}
    fragment ChatThreadFields on ChatThread {
  id
  subject
  applicationId
  branchId
  open
  createdAt
  lastMessageAt
}`) as unknown as TypedDocumentString<OpenChatMutation, OpenChatMutationVariables>;
export const SendChatMessageDocument = new TypedDocumentString(`
    mutation SendChatMessage($threadId: ID!, $text: String!) {
  sendChatMessage(threadId: $threadId, text: $text) {
    ...ChatMessageFields
  }
}
    fragment ChatMessageFields on ChatMessage {
  id
  threadId
  authorRole
  authorName
  text
  createdAt
}`) as unknown as TypedDocumentString<SendChatMessageMutation, SendChatMessageMutationVariables>;
export const CloseChatDocument = new TypedDocumentString(`
    mutation CloseChat($id: ID!) {
  closeChat(id: $id) {
    ...ChatThreadFields
  }
}
    fragment ChatThreadFields on ChatThread {
  id
  subject
  applicationId
  branchId
  open
  createdAt
  lastMessageAt
}`) as unknown as TypedDocumentString<CloseChatMutation, CloseChatMutationVariables>;
export const MyChatsDocument = new TypedDocumentString(`
    query MyChats {
  myChats {
    ...ChatThreadFields
  }
}
    fragment ChatThreadFields on ChatThread {
  id
  subject
  applicationId
  branchId
  open
  createdAt
  lastMessageAt
}`) as unknown as TypedDocumentString<MyChatsQuery, MyChatsQueryVariables>;
export const ChatDocument = new TypedDocumentString(`
    query Chat($id: ID!, $first: Int, $after: String) {
  chat(id: $id) {
    ...ChatThreadFields
    messages(first: $first, after: $after) {
      ...ChatMessageFields
    }
  }
}
    fragment ChatMessageFields on ChatMessage {
  id
  threadId
  authorRole
  authorName
  text
  createdAt
}
fragment ChatThreadFields on ChatThread {
  id
  subject
  applicationId
  branchId
  open
  createdAt
  lastMessageAt
}`) as unknown as TypedDocumentString<ChatQuery, ChatQueryVariables>;
export const SupportChatsDocument = new TypedDocumentString(`
    query SupportChats($includeClosed: Boolean) {
  supportChats(includeClosed: $includeClosed) {
    ...ChatThreadFields
  }
}
    fragment ChatThreadFields on ChatThread {
  id
  subject
  applicationId
  branchId
  open
  createdAt
  lastMessageAt
}`) as unknown as TypedDocumentString<SupportChatsQuery, SupportChatsQueryVariables>;
export const ChatMessageAddedDocument = new TypedDocumentString(`
    subscription ChatMessageAdded($threadId: ID!) {
  chatMessageAdded(threadId: $threadId) {
    ...ChatMessageFields
  }
}
    fragment ChatMessageFields on ChatMessage {
  id
  threadId
  authorRole
  authorName
  text
  createdAt
}`) as unknown as TypedDocumentString<ChatMessageAddedSubscription, ChatMessageAddedSubscriptionVariables>;
export const MyDocumentsDocument = new TypedDocumentString(`
    query MyDocuments {
  myDocuments {
    ...DocumentFields
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  size
  sha256
  url
  createdAt
}
fragment DocumentFields on PersonalDocument {
  id
  kind
  series
  number
  issuedBy
  issuedAt
  expiresAt
  expired
  expiresSoon
  verificationStatus
  rejectionReason
  createdAt
  updatedAt
  attachments {
    ...AttachmentFields
  }
}`) as unknown as TypedDocumentString<MyDocumentsQuery, MyDocumentsQueryVariables>;
export const MeWithDocumentsDocument = new TypedDocumentString(`
    query MeWithDocuments {
  me {
    id
    trustLevel
    snils
    inn
    documents {
      id
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<MeWithDocumentsQuery, MeWithDocumentsQueryVariables>;
export const DocumentsToReviewDocument = new TypedDocumentString(`
    query DocumentsToReview($first: Int) {
  documentsToReview(first: $first) {
    ...DocumentFields
    owner {
      id
      lastName
      firstName
    }
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  size
  sha256
  url
  createdAt
}
fragment DocumentFields on PersonalDocument {
  id
  kind
  series
  number
  issuedBy
  issuedAt
  expiresAt
  expired
  expiresSoon
  verificationStatus
  rejectionReason
  createdAt
  updatedAt
  attachments {
    ...AttachmentFields
  }
}`) as unknown as TypedDocumentString<DocumentsToReviewQuery, DocumentsToReviewQueryVariables>;
export const DocumentNodeDocument = new TypedDocumentString(`
    query DocumentNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on PersonalDocument {
      kind
      number
    }
    ... on Attachment {
      fileName
      url
    }
  }
}
    `) as unknown as TypedDocumentString<DocumentNodeQuery, DocumentNodeQueryVariables>;
export const AddDocumentDocument = new TypedDocumentString(`
    mutation AddDocument($input: DocumentInput!) {
  addDocument(input: $input) {
    ...DocumentFields
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  size
  sha256
  url
  createdAt
}
fragment DocumentFields on PersonalDocument {
  id
  kind
  series
  number
  issuedBy
  issuedAt
  expiresAt
  expired
  expiresSoon
  verificationStatus
  rejectionReason
  createdAt
  updatedAt
  attachments {
    ...AttachmentFields
  }
}`) as unknown as TypedDocumentString<AddDocumentMutation, AddDocumentMutationVariables>;
export const UpdateDocumentDocument = new TypedDocumentString(`
    mutation UpdateDocument($id: ID!, $input: DocumentInput!) {
  updateDocument(id: $id, input: $input) {
    ...DocumentFields
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  size
  sha256
  url
  createdAt
}
fragment DocumentFields on PersonalDocument {
  id
  kind
  series
  number
  issuedBy
  issuedAt
  expiresAt
  expired
  expiresSoon
  verificationStatus
  rejectionReason
  createdAt
  updatedAt
  attachments {
    ...AttachmentFields
  }
}`) as unknown as TypedDocumentString<UpdateDocumentMutation, UpdateDocumentMutationVariables>;
export const DeleteDocumentDocument = new TypedDocumentString(`
    mutation DeleteDocument($id: ID!) {
  deleteDocument(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteDocumentMutation, DeleteDocumentMutationVariables>;
export const ReviewDocumentDocument = new TypedDocumentString(`
    mutation ReviewDocument($id: ID!, $status: VerificationStatus!, $reason: String) {
  reviewDocument(id: $id, status: $status, reason: $reason) {
    ...DocumentFields
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  size
  sha256
  url
  createdAt
}
fragment DocumentFields on PersonalDocument {
  id
  kind
  series
  number
  issuedBy
  issuedAt
  expiresAt
  expired
  expiresSoon
  verificationStatus
  rejectionReason
  createdAt
  updatedAt
  attachments {
    ...AttachmentFields
  }
}`) as unknown as TypedDocumentString<ReviewDocumentMutation, ReviewDocumentMutationVariables>;
export const LeaveFeedbackDocument = new TypedDocumentString(`
    mutation LeaveFeedback($input: FeedbackInput!) {
  leaveFeedback(input: $input) {
    ...FeedbackFields
  }
}
    fragment FeedbackFields on Feedback {
  id
  kind
  rating
  text
  applicationId
  bookingId
  branchId
  answer
  answeredAt
  answerDueAt
  overdue
  createdAt
}`) as unknown as TypedDocumentString<LeaveFeedbackMutation, LeaveFeedbackMutationVariables>;
export const MyFeedbackDocument = new TypedDocumentString(`
    query MyFeedback {
  myFeedback {
    ...FeedbackFields
  }
}
    fragment FeedbackFields on Feedback {
  id
  kind
  rating
  text
  applicationId
  bookingId
  branchId
  answer
  answeredAt
  answerDueAt
  overdue
  createdAt
}`) as unknown as TypedDocumentString<MyFeedbackQuery, MyFeedbackQueryVariables>;
export const ComplaintsDocument = new TypedDocumentString(`
    query Complaints($filter: ComplaintFilter) {
  complaints(filter: $filter) {
    ...FeedbackFields
  }
}
    fragment FeedbackFields on Feedback {
  id
  kind
  rating
  text
  applicationId
  bookingId
  branchId
  answer
  answeredAt
  answerDueAt
  overdue
  createdAt
}`) as unknown as TypedDocumentString<ComplaintsQuery, ComplaintsQueryVariables>;
export const AnswerFeedbackDocument = new TypedDocumentString(`
    mutation AnswerFeedback($id: ID!, $answer: String!) {
  answerFeedback(id: $id, answer: $answer) {
    ...FeedbackFields
  }
}
    fragment FeedbackFields on Feedback {
  id
  kind
  rating
  text
  applicationId
  bookingId
  branchId
  answer
  answeredAt
  answerDueAt
  overdue
  createdAt
}`) as unknown as TypedDocumentString<AnswerFeedbackMutation, AnswerFeedbackMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($filter: NotificationFilter, $first: Int, $after: String) {
  notifications(filter: $filter, first: $first, after: $after) {
    nodes {
      ...NotificationFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment NotificationFields on Notification {
  id
  category
  title
  body
  subjectType
  subjectId
  readAt
  createdAt
  deliveries {
    channel
    status
    attempts
    lastError
    sentAt
    scheduledFor
    deliveredAt
    fallback
  }
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]!) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const MarkAllNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkAllNotificationsRead {
  markAllNotificationsRead
}
    `) as unknown as TypedDocumentString<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const DeleteNotificationDocument = new TypedDocumentString(`
    mutation DeleteNotification($id: ID!) {
  deleteNotification(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteNotificationMutation, DeleteNotificationMutationVariables>;
export const MyNotificationPreferencesDocument = new TypedDocumentString(`
    query MyNotificationPreferences {
  me {
    id
    notificationPreferences {
      ...NotificationPreferencesFields
    }
  }
}
    fragment NotificationPreferencesFields on NotificationPreferences {
  categories {
    category
    channels
  }
  quietHoursStart
  quietHoursEnd
  timezone
}`) as unknown as TypedDocumentString<MyNotificationPreferencesQuery, MyNotificationPreferencesQueryVariables>;
export const UpdateNotificationPreferencesDocument = new TypedDocumentString(`
    mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) {
    ...NotificationPreferencesFields
  }
}
    fragment NotificationPreferencesFields on NotificationPreferences {
  categories {
    category
    channels
  }
  quietHoursStart
  quietHoursEnd
  timezone
}`) as unknown as TypedDocumentString<UpdateNotificationPreferencesMutation, UpdateNotificationPreferencesMutationVariables>;
export const NotificationAddedDocument = new TypedDocumentString(`
    subscription NotificationAdded {
  notificationAdded {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  category
  title
  body
  subjectType
  subjectId
  readAt
  createdAt
  deliveries {
    channel
    status
    attempts
    lastError
    sentAt
    scheduledFor
    deliveredAt
    fallback
  }
}`) as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const PushPublicKeyDocument = new TypedDocumentString(`
    query PushPublicKey {
  pushPublicKey
}
    `) as unknown as TypedDocumentString<PushPublicKeyQuery, PushPublicKeyQueryVariables>;
export const MyPushSubscriptionsDocument = new TypedDocumentString(`
    query MyPushSubscriptions {
  myPushSubscriptions {
    id
    endpoint
    userAgent
    createdAt
  }
}
    `) as unknown as TypedDocumentString<MyPushSubscriptionsQuery, MyPushSubscriptionsQueryVariables>;
export const RegisterPushSubscriptionDocument = new TypedDocumentString(`
    mutation RegisterPushSubscription($input: PushSubscriptionInput!) {
  registerPushSubscription(input: $input) {
    id
    endpoint
    createdAt
  }
}
    `) as unknown as TypedDocumentString<RegisterPushSubscriptionMutation, RegisterPushSubscriptionMutationVariables>;
export const RemovePushSubscriptionDocument = new TypedDocumentString(`
    mutation RemovePushSubscription($id: ID!) {
  removePushSubscription(id: $id)
}
    `) as unknown as TypedDocumentString<RemovePushSubscriptionMutation, RemovePushSubscriptionMutationVariables>;
export const MyPasskeysDocument = new TypedDocumentString(`
    query MyPasskeys {
  myPasskeys {
    ...PasskeyFields
  }
}
    fragment PasskeyFields on Passkey {
  id
  name
  deviceType
  backedUp
  transports
  createdAt
  lastUsedAt
}`) as unknown as TypedDocumentString<MyPasskeysQuery, MyPasskeysQueryVariables>;
export const BeginPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation BeginPasskeyRegistration {
  beginPasskeyRegistration {
    challengeId
    options
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<BeginPasskeyRegistrationMutation, BeginPasskeyRegistrationMutationVariables>;
export const FinishPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation FinishPasskeyRegistration($challengeId: ID!, $response: JSON!, $name: String) {
  finishPasskeyRegistration(
    challengeId: $challengeId
    response: $response
    name: $name
  ) {
    ...PasskeyFields
  }
}
    fragment PasskeyFields on Passkey {
  id
  name
  deviceType
  backedUp
  transports
  createdAt
  lastUsedAt
}`) as unknown as TypedDocumentString<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const RemovePasskeyDocument = new TypedDocumentString(`
    mutation RemovePasskey($id: ID!) {
  removePasskey(id: $id)
}
    `) as unknown as TypedDocumentString<RemovePasskeyMutation, RemovePasskeyMutationVariables>;
export const BeginPasskeyLoginDocument = new TypedDocumentString(`
    mutation BeginPasskeyLogin {
  beginPasskeyLogin {
    challengeId
    options
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<BeginPasskeyLoginMutation, BeginPasskeyLoginMutationVariables>;
export const FinishPasskeyLoginDocument = new TypedDocumentString(`
    mutation FinishPasskeyLogin($challengeId: ID!, $response: JSON!) {
  finishPasskeyLogin(challengeId: $challengeId, response: $response) {
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
  staffBranch {
    id
    name
  }
}
fragment AuthPayloadFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  user {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<FinishPasskeyLoginMutation, FinishPasskeyLoginMutationVariables>;
export const MyDataAccessLogDocument = new TypedDocumentString(`
    query MyDataAccessLog($first: Int, $after: String) {
  myDataAccessLog(first: $first, after: $after) {
    nodes {
      id
      at
      staffName
      staffRole
      branch {
        id
        name
      }
      action
      subject
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<MyDataAccessLogQuery, MyDataAccessLogQueryVariables>;
export const CitizenDocumentsDocument = new TypedDocumentString(`
    query CitizenDocuments($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on User {
      lastName
      firstName
      documents {
        id
        kind
        number
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CitizenDocumentsQuery, CitizenDocumentsQueryVariables>;
export const TakeTicketDocument = new TypedDocumentString(`
    mutation TakeTicket($branchId: ID!, $serviceId: ID!) {
  takeTicket(branchId: $branchId, serviceId: $serviceId) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<TakeTicketMutation, TakeTicketMutationVariables>;
export const OpenWindowDocument = new TypedDocumentString(`
    mutation OpenWindow($branchId: ID!, $window: Int!) {
  openWindow(branchId: $branchId, window: $window) {
    ...LoadFields
  }
}
    fragment LoadFields on BranchLoad {
  branchId
  waiting
  averageWaitMinutes
  openWindows
  freeWindows
  level
  updatedAt
}`) as unknown as TypedDocumentString<OpenWindowMutation, OpenWindowMutationVariables>;
export const CloseWindowDocument = new TypedDocumentString(`
    mutation CloseWindow($branchId: ID!, $window: Int!) {
  closeWindow(branchId: $branchId, window: $window) {
    ...LoadFields
  }
}
    fragment LoadFields on BranchLoad {
  branchId
  waiting
  averageWaitMinutes
  openWindows
  freeWindows
  level
  updatedAt
}`) as unknown as TypedDocumentString<CloseWindowMutation, CloseWindowMutationVariables>;
export const CallNextTicketDocument = new TypedDocumentString(`
    mutation CallNextTicket($branchId: ID!, $window: Int!) {
  callNextTicket(branchId: $branchId, window: $window) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<CallNextTicketMutation, CallNextTicketMutationVariables>;
export const CompleteTicketDocument = new TypedDocumentString(`
    mutation CompleteTicket($id: ID!) {
  completeTicket(id: $id) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<CompleteTicketMutation, CompleteTicketMutationVariables>;
export const MarkNoShowDocument = new TypedDocumentString(`
    mutation MarkNoShow($id: ID!) {
  markNoShow(id: $id) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<MarkNoShowMutation, MarkNoShowMutationVariables>;
export const MyTicketsDocument = new TypedDocumentString(`
    query MyTickets {
  myTickets {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<MyTicketsQuery, MyTicketsQueryVariables>;
export const BranchQueueDocument = new TypedDocumentString(`
    query BranchQueue($branchId: ID!) {
  queue(branchId: $branchId) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<BranchQueueQuery, BranchQueueQueryVariables>;
export const BranchLoadNowDocument = new TypedDocumentString(`
    query BranchLoadNow($id: ID!, $hours: Int) {
  branch(id: $id) {
    id
    load {
      ...LoadFields
    }
    loadHistory(hours: $hours) {
      at
      waiting
      averageWaitMinutes
    }
  }
}
    fragment LoadFields on BranchLoad {
  branchId
  waiting
  averageWaitMinutes
  openWindows
  freeWindows
  level
  updatedAt
}`) as unknown as TypedDocumentString<BranchLoadNowQuery, BranchLoadNowQueryVariables>;
export const BranchesByLoadDocument = new TypedDocumentString(`
    query BranchesByLoad($filter: BranchFilter, $first: Int) {
  branches(filter: $filter, orderBy: LOAD, first: $first) {
    nodes {
      id
      name
      openNow
      load {
        waiting
        averageWaitMinutes
        level
      }
      services {
        title
      }
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BranchesByLoadQuery, BranchesByLoadQueryVariables>;
export const WatchBranchLoadDocument = new TypedDocumentString(`
    mutation WatchBranchLoad($branchId: ID!, $maxWaiting: Int!) {
  watchBranchLoad(branchId: $branchId, maxWaiting: $maxWaiting) {
    id
    maxWaiting
    active
    createdAt
    branch {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<WatchBranchLoadMutation, WatchBranchLoadMutationVariables>;
export const CancelLoadAlertDocument = new TypedDocumentString(`
    mutation CancelLoadAlert($id: ID!) {
  cancelLoadAlert(id: $id)
}
    `) as unknown as TypedDocumentString<CancelLoadAlertMutation, CancelLoadAlertMutationVariables>;
export const MyLoadAlertsDocument = new TypedDocumentString(`
    query MyLoadAlerts {
  myLoadAlerts {
    id
    maxWaiting
    active
  }
}
    `) as unknown as TypedDocumentString<MyLoadAlertsQuery, MyLoadAlertsQueryVariables>;
export const BranchLoadChangedDocument = new TypedDocumentString(`
    subscription BranchLoadChanged($branchIds: [ID!]) {
  branchLoadChanged(branchIds: $branchIds) {
    ...LoadFields
  }
}
    fragment LoadFields on BranchLoad {
  branchId
  waiting
  averageWaitMinutes
  openWindows
  freeWindows
  level
  updatedAt
}`) as unknown as TypedDocumentString<BranchLoadChangedSubscription, BranchLoadChangedSubscriptionVariables>;
export const TicketUpdatedDocument = new TypedDocumentString(`
    subscription TicketUpdated {
  ticketUpdated {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<TicketUpdatedSubscription, TicketUpdatedSubscriptionVariables>;
export const CancelTicketDocument = new TypedDocumentString(`
    mutation CancelTicket($id: ID!) {
  cancelTicket(id: $id) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<CancelTicketMutation, CancelTicketMutationVariables>;
export const IssueWalkInTicketDocument = new TypedDocumentString(`
    mutation IssueWalkInTicket($branchId: ID!, $serviceId: ID!) {
  issueWalkInTicket(branchId: $branchId, serviceId: $serviceId) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<IssueWalkInTicketMutation, IssueWalkInTicketMutationVariables>;
export const StartServingDocument = new TypedDocumentString(`
    mutation StartServing($id: ID!) {
  startServing(id: $id) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<StartServingMutation, StartServingMutationVariables>;
export const TransferTicketDocument = new TypedDocumentString(`
    mutation TransferTicket($id: ID!, $serviceId: ID!) {
  transferTicket(id: $id, serviceId: $serviceId) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<TransferTicketMutation, TransferTicketMutationVariables>;
export const RecallTicketDocument = new TypedDocumentString(`
    mutation RecallTicket($id: ID!) {
  recallTicket(id: $id) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<RecallTicketMutation, RecallTicketMutationVariables>;
export const SetTicketAlertDocument = new TypedDocumentString(`
    mutation SetTicketAlert($id: ID!, $peopleAhead: Int!) {
  setTicketAlert(id: $id, peopleAhead: $peopleAhead) {
    ...TicketFields
  }
}
    fragment TicketFields on QueueTicket {
  id
  number
  status
  window
  position
  estimatedWaitMinutes
  issuedAt
  calledAt
  completedAt
  alertWhenAhead
  branch {
    id
    name
  }
  service {
    id
    title
  }
}`) as unknown as TypedDocumentString<SetTicketAlertMutation, SetTicketAlertMutationVariables>;
export const CalledTicketsDocument = new TypedDocumentString(`
    query CalledTickets($branchId: ID!, $last: Int) {
  calledTickets(branchId: $branchId, last: $last) {
    ...CalledTicketFields
  }
}
    fragment CalledTicketFields on CalledTicket {
  branchId
  number
  window
  calledAt
}`) as unknown as TypedDocumentString<CalledTicketsQuery, CalledTicketsQueryVariables>;
export const BranchBoardDocument = new TypedDocumentString(`
    query BranchBoard($id: ID!, $last: Int) {
  branch(id: $id) {
    id
    calledTickets(last: $last) {
      ...CalledTicketFields
    }
  }
}
    fragment CalledTicketFields on CalledTicket {
  branchId
  number
  window
  calledAt
}`) as unknown as TypedDocumentString<BranchBoardQuery, BranchBoardQueryVariables>;
export const TicketCalledDocument = new TypedDocumentString(`
    subscription TicketCalled($branchId: ID!) {
  ticketCalled(branchId: $branchId) {
    ...CalledTicketFields
  }
}
    fragment CalledTicketFields on CalledTicket {
  branchId
  number
  window
  calledAt
}`) as unknown as TypedDocumentString<TicketCalledSubscription, TicketCalledSubscriptionVariables>;
export const QueueChangedDocument = new TypedDocumentString(`
    subscription QueueChanged($branchId: ID!) {
  queueChanged(branchId: $branchId) {
    id
    number
    status
    window
    position
    issuedAt
    service {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<QueueChangedSubscription, QueueChangedSubscriptionVariables>;
export const BranchForecastDocument = new TypedDocumentString(`
    query BranchForecast($id: ID!, $date: Date, $serviceId: ID) {
  branch(id: $id) {
    id
    forecast(date: $date, serviceId: $serviceId) {
      from
      to
      expectedWaitMinutes
      level
      freeSlots
    }
  }
}
    `) as unknown as TypedDocumentString<BranchForecastQuery, BranchForecastQueryVariables>;
export const RecommendBranchesDocument = new TypedDocumentString(`
    query RecommendBranches($serviceId: ID!, $near: GeoPointInput!, $radiusKm: Float, $first: Int) {
  recommendBranches(
    serviceId: $serviceId
    near: $near
    radiusKm: $radiusKm
    first: $first
  ) {
    branch {
      id
      name
    }
    distanceKm
    waitNowMinutes
    nextFreeSlot {
      startsAt
      endsAt
      capacity
      available
    }
  }
}
    `) as unknown as TypedDocumentString<RecommendBranchesQuery, RecommendBranchesQueryVariables>;
export const BeginSignatureLoginDocument = new TypedDocumentString(`
    mutation BeginSignatureLogin {
  beginSignatureLogin {
    challengeId
    dataToSign
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<BeginSignatureLoginMutation, BeginSignatureLoginMutationVariables>;
export const CompleteSignatureLoginDocument = new TypedDocumentString(`
    mutation CompleteSignatureLogin($input: SignatureLoginInput!) {
  completeSignatureLogin(input: $input) {
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
  staffBranch {
    id
    name
  }
}
fragment AuthPayloadFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  user {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<CompleteSignatureLoginMutation, CompleteSignatureLoginMutationVariables>;
export const SsoProvidersDocument = new TypedDocumentString(`
    query SsoProviders {
  ssoProviders {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<SsoProvidersQuery, SsoProvidersQueryVariables>;
export const BeginSsoLoginDocument = new TypedDocumentString(`
    mutation BeginSsoLogin($providerId: ID!, $redirectUri: String!) {
  beginSsoLogin(providerId: $providerId, redirectUri: $redirectUri) {
    authorizationUrl
    state
  }
}
    `) as unknown as TypedDocumentString<BeginSsoLoginMutation, BeginSsoLoginMutationVariables>;
export const CompleteSsoLoginDocument = new TypedDocumentString(`
    mutation CompleteSsoLogin($state: String!, $code: String!) {
  completeSsoLogin(state: $state, code: $code) {
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
  staffBranch {
    id
    name
  }
}
fragment AuthPayloadFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  user {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<CompleteSsoLoginMutation, CompleteSsoLoginMutationVariables>;