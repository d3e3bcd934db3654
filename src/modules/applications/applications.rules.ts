/**
 * The lifecycle of an application as data: which status may follow which, and who may make each
 * move. Everything that changes a status asks `canMove`; the test walks every pair. Also the
 * application number, the words a citizen reads for each status, the account level a service
 * asks for, which required documents are missing, how a draft is prefilled from the profile, and
 * the limits of lists and comments.
 */
import type { FieldProblem } from '../../shared/errors.js';
import type { JsonObject } from '../../shared/forms/form-schema.js';
import { canonicalJson } from '../../shared/canonical-json.js';

export type ApplicationStatusName =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'ACCEPTED'
  | 'IN_PROGRESS'
  | 'ACTION_REQUIRED'
  | 'READY_FOR_PICKUP'
  | 'COMPLETED'
  | 'REJECTED'
  | 'CANCELLED';

export type Actor = 'CITIZEN' | 'OPERATOR' | 'ADMIN' | 'SYSTEM';

export const STATUSES: readonly ApplicationStatusName[] = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'ACTION_REQUIRED', 'READY_FOR_PICKUP', 'COMPLETED', 'REJECTED', 'CANCELLED'];

const STAFF = ['OPERATOR', 'ADMIN'] as const;

/**
 * DRAFT → SUBMITTED → ACCEPTED → IN_PROGRESS → READY_FOR_PICKUP → COMPLETED, with
 * ACTION_REQUIRED (back to IN_PROGRESS when the citizen gives what was asked), REJECTED, and
 * CANCELLED by the citizen until work starts. COMPLETED, REJECTED and CANCELLED are final.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatusName, Partial<Record<ApplicationStatusName, readonly Actor[]>>>> = {
  DRAFT: { SUBMITTED: ['CITIZEN'] },
  SUBMITTED: { ACCEPTED: [...STAFF, 'SYSTEM'], REJECTED: STAFF, CANCELLED: ['CITIZEN'] },
  ACCEPTED: { IN_PROGRESS: STAFF, REJECTED: STAFF, CANCELLED: ['CITIZEN'] },
  IN_PROGRESS: { ACTION_REQUIRED: STAFF, READY_FOR_PICKUP: STAFF, REJECTED: STAFF },
  ACTION_REQUIRED: { IN_PROGRESS: ['CITIZEN', ...STAFF], REJECTED: STAFF },
  READY_FOR_PICKUP: { COMPLETED: STAFF },
  COMPLETED: {},
  REJECTED: {},
  CANCELLED: {},
};

export function canMove(from: ApplicationStatusName, to: ApplicationStatusName, actor: Actor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** Moves past ACCEPTED: refused while a state fee of the application is unpaid (rule FEE_UNPAID). */
export const FEE_GATED: ReadonlySet<ApplicationStatusName> = new Set(['IN_PROGRESS', 'READY_FOR_PICKUP', 'COMPLETED']);

/** Whether a move ends the application before work started (its state fee is then returned). */
export const endsBeforeWork = (from: ApplicationStatusName, to: ApplicationStatusName): boolean =>
  (to === 'REJECTED' || to === 'CANCELLED') && (from === 'SUBMITTED' || from === 'ACCEPTED');

/** Moves that must say why (the citizen reads it). */
export const COMMENT_REQUIRED: ReadonlySet<ApplicationStatusName> = new Set(['REJECTED', 'ACTION_REQUIRED']);

/** While the citizen may still send a new version. */
export const AMENDABLE: ReadonlySet<ApplicationStatusName> = new Set(['SUBMITTED', 'ACCEPTED', 'ACTION_REQUIRED']);

export const isFinal = (s: ApplicationStatusName): boolean => Object.keys(TRANSITIONS[s]).length === 0;

export const canCancel = (s: ApplicationStatusName): boolean => canMove(s, 'CANCELLED', 'CITIZEN');

export const canAmend = (s: ApplicationStatusName): boolean => AMENDABLE.has(s);

/** What the citizen reads in messages. */
export const STATUS_WORDS: Record<ApplicationStatusName, string> = {
  DRAFT: 'черновик',
  SUBMITTED: 'подано',
  ACCEPTED: 'принято',
  IN_PROGRESS: 'рассматривается',
  ACTION_REQUIRED: 'нужны исправления или документы',
  READY_FOR_PICKUP: 'готово к выдаче',
  COMPLETED: 'услуга оказана',
  REJECTED: 'отказ',
  CANCELLED: 'отменено',
};

/**
 * MFC-2026-0000123: the year of submission and a per-year sequence. Seven digits on purpose:
 * six-digit numbers in messages are one-time codes, and phones offer to autofill them.
 */
export const applicationNumber = (year: number, seq: number): string => `MFC-${year}-${String(seq).padStart(7, '0')}`;

/** Statuses in which staff may attach the result document. */
export const RESULT_STATUSES: ReadonlySet<ApplicationStatusName> = new Set(['IN_PROGRESS', 'READY_FOR_PICKUP', 'COMPLETED']);

/** Who acts, by the viewer's roles: ADMIN over OPERATOR over CITIZEN (SYSTEM is never a viewer). */
export const actorOf = (roles: readonly string[]): Exclude<Actor, 'SYSTEM'> => (roles.includes('ADMIN') ? 'ADMIN' : roles.includes('OPERATOR') ? 'OPERATOR' : 'CITIZEN');

/** Lists of applications: 20 by default, 1 to 100. */
export const pageLimit = (first: number): number => Math.min(Math.max(first, 1), 100);

/** Longest search text of a list filter. */
export const SEARCH_MAX = 200;

/** A staff comment is quoted in the applicant's message up to this many characters. */
export const COMMENT_QUOTE_MAX = 300;

export const quoteComment = (text: string): string => (text.length > COMMENT_QUOTE_MAX ? `${text.slice(0, COMMENT_QUOTE_MAX)}…` : text);

/** How a comment's author is shown: staff by first name only, the applicant by full name. */
export const commentAuthorName = (staff: boolean, author: { lastName: string; firstName: string }): string =>
  staff ? `Специалист МФЦ ${author.firstName}` : `${author.lastName} ${author.firstName}`;

// ---------------------------------------------------------------- account level

export type TrustLevelName = 'SIMPLIFIED' | 'STANDARD' | 'CONFIRMED';

export const TRUST_ORDER: Readonly<Record<TrustLevelName, number>> = { SIMPLIFIED: 0, STANDARD: 1, CONFIRMED: 2 };
export const TRUST_WORDS: Readonly<Record<TrustLevelName, string>> = { SIMPLIFIED: 'упрощённая', STANDARD: 'стандартная', CONFIRMED: 'подтверждённая' };

export const meetsTrust = (current: TrustLevelName, required: TrustLevelName): boolean => TRUST_ORDER[current] >= TRUST_ORDER[required];

// ---------------------------------------------------------------- dates

/** A calendar day as the citizen reads it: 2026-03-01 → 01.03.2026. */
export const ruDate = (day: string): string => day.split('-').reverse().join('.');

/** How far ahead the branch's closed days are read to count `days` working days (weekends and holidays included). */
export const dueHorizonDays = (days: number): number => days * 2 + 60;

// ---------------------------------------------------------------- documents

export interface RequiredDocumentView {
  kind: string | null;
  title: string;
  description: string | null;
  optional: boolean;
}

/**
 * Required documents not provided. A document with a kind is provided by a personal document of
 * that kind (`held`: kinds not rejected, not expired); one without a kind (a receipt, a medical
 * report) by a scan attached to the application: as many scans as such documents.
 */
export function missingDocuments(required: ReadonlyArray<{ kind: string | null; title: string; description?: string | null; optional: boolean }>, held: ReadonlySet<string>, attached: number): RequiredDocumentView[] {
  let scans = attached;
  const missing: RequiredDocumentView[] = [];
  for (const r of required) {
    if (r.optional) continue;
    if (r.kind) {
      if (!held.has(r.kind)) missing.push({ kind: r.kind, title: r.title, description: r.description ?? null, optional: false });
    } else if (scans > 0) scans -= 1;
    else missing.push({ kind: null, title: r.title, description: r.description ?? null, optional: false });
  }
  return missing;
}

/** Each missing document as a problem of the application. */
export const missingAsProblems = (missing: readonly RequiredDocumentView[]): FieldProblem[] =>
  missing.map((d) => ({ field: d.kind ? `documents.${d.kind}` : 'attachmentIds', message: `Нужен документ: ${d.title}` }));

// ---------------------------------------------------------------- prefill

export const PREFILL_KEYS = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'snils',
  'inn',
  'registrationAddress',
  'residentialAddress',
  'phone',
  'email',
  'passportSeries',
  'passportNumber',
  'passportIssuedBy',
  'passportIssuedAt',
] as const;

/** The profile values a form can be prefilled with, by key. */
export type PrefillSource = Partial<Record<(typeof PREFILL_KEYS)[number], string | null>>;

const KEYS: ReadonlySet<string> = new Set(PREFILL_KEYS);

/**
 * Fills the form's fields (top level, and one level of nested objects such as "applicant") that
 * have a profile value, leaving everything `data` already has. Only string fields are filled; a
 * field takes the profile value its `x-prefill` annotation names, else the one of its own name.
 */
export function prefill(schema: JsonObject | null, source: PrefillSource, data: JsonObject = {}): JsonObject {
  if (!schema) return data;
  const fill = (props: unknown, target: JsonObject, depth: number): JsonObject => {
    if (typeof props !== 'object' || props === null) return target;
    const out: JsonObject = { ...target };
    for (const [name, raw] of Object.entries(props as JsonObject)) {
      if (typeof raw !== 'object' || raw === null) continue;
      const prop = raw as JsonObject;
      if (prop.type === 'object' && depth === 0) {
        const inner = typeof out[name] === 'object' && out[name] !== null && !Array.isArray(out[name]) ? (out[name] as JsonObject) : {};
        const filled = fill(prop.properties, inner, depth + 1);
        if (Object.keys(filled).length > 0) out[name] = filled;
        continue;
      }
      if (out[name] !== undefined || prop.type !== 'string') continue;
      const key = typeof prop['x-prefill'] === 'string' ? prop['x-prefill'] : name;
      const value = KEYS.has(key) ? source[key as keyof PrefillSource] : undefined;
      if (value) out[name] = value;
    }
    return out;
  };
  return fill(schema.properties, data, 0);
}

/** What a draft is prefilled with: the profile, its e-mail only once confirmed, and the passport's details. */
export function prefillSourceOf(
  user: { lastName: string; firstName: string; middleName: string | null; birthDate: string | null; snils: string | null; inn: string | null; registrationAddress: string | null; residentialAddress: string | null; phone: string | null; email: string | null; emailVerified: boolean },
  passport: { series: string | null; number: string; issuedBy: string | null; issuedAt: string | null } | undefined,
): PrefillSource {
  return {
    lastName: user.lastName,
    firstName: user.firstName,
    middleName: user.middleName,
    birthDate: user.birthDate,
    snils: user.snils,
    inn: user.inn,
    registrationAddress: user.registrationAddress,
    residentialAddress: user.residentialAddress,
    phone: user.phone,
    email: user.email && user.emailVerified ? user.email : null,
    passportSeries: passport?.series ?? null,
    passportNumber: passport?.number ?? null,
    passportIssuedBy: passport?.issuedBy ?? null,
    passportIssuedAt: passport?.issuedAt ?? null,
  };
}

/** What a dependant's application is prefilled with: the dependant's names, birth date, SNILS and passport (if any). */
export function prefillSourceOfDependant(
  d: { lastName: string; firstName: string; middleName: string | null; birthDate: string; snils: string | null },
  passport: { series: string | null; number: string; issuedBy: string | null; issuedAt: string | null } | undefined,
): PrefillSource {
  return {
    lastName: d.lastName,
    firstName: d.firstName,
    middleName: d.middleName,
    birthDate: d.birthDate,
    snils: d.snils,
    passportSeries: passport?.series ?? null,
    passportNumber: passport?.number ?? null,
    passportIssuedBy: passport?.issuedBy ?? null,
    passportIssuedAt: passport?.issuedAt ?? null,
  };
}

/** The form's object a representative's details go in (filled from the parent when acting for a dependant). */
export const REPRESENTATIVE_FIELD = 'representative';

/**
 * Prefill when a parent acts for a dependant: the applicant's fields (top level and nested objects
 * such as "applicant") from the dependant, the "representative" object from the parent.
 */
export function prefillForDependant(schema: JsonObject | null, applicant: PrefillSource, representative: PrefillSource, data: JsonObject = {}): JsonObject {
  if (!schema || typeof schema.properties !== 'object' || schema.properties === null) return data;
  const { [REPRESENTATIVE_FIELD]: rep, ...rest } = schema.properties as JsonObject;
  const filled = prefill({ ...schema, properties: rest }, applicant, data);
  if (rep === undefined) return filled;
  return prefill({ properties: { [REPRESENTATIVE_FIELD]: rep } }, representative, filled);
}

/**
 * What a citizen's electronic signature of a submitted version covers: a heading line a signing
 * tool shows, then the version as canonical JSON (the application, its number, service, the
 * dependant, the version's branch, form data, attachments and time).
 */
export function versionSigningText(
  app: { id: string; number: string | null; serviceId: string; forDependantId: string | null },
  v: { version: number; data: unknown; attachmentIds: string[]; branchId: string | null; createdAt: Date },
): string {
  const body = { application: app.id, number: app.number, service: app.serviceId, forDependant: app.forDependantId, version: v.version, branch: v.branchId, data: v.data, attachments: v.attachmentIds, createdAt: v.createdAt.toISOString() };
  return `Заявление ${app.number ?? ''} в МФЦ, версия ${v.version}\n${canonicalJson(body)}`;
}
