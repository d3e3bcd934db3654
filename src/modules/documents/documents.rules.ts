/**
 * The checks a personal document passes on entry, as pure functions: the format of its series and
 * number per kind (with the SNILS and INN checksums), and its dates. Every problem is reported,
 * each with the input field at fault; the values come back normalized (digits without spaces).
 */
import type { FieldProblem } from '../../shared/errors.js';
import { normalizeInn, normalizeSnils } from '../../shared/identifiers.js';

export type DocumentKindName =
  | 'PASSPORT_RF'
  | 'FOREIGN_PASSPORT'
  | 'SNILS'
  | 'INN'
  | 'OMS_POLICY'
  | 'DRIVER_LICENSE'
  | 'BIRTH_CERTIFICATE'
  | 'MILITARY_ID'
  | 'VEHICLE_REGISTRATION'
  | 'GUARDIANSHIP_DECISION';

/** Kinds a person holds one of at a time (a new one replaces the old through updateDocument). */
export const SINGLE_INSTANCE_KINDS: ReadonlySet<DocumentKindName> = new Set(['PASSPORT_RF', 'SNILS', 'INN']);

export const DOCUMENT_TITLES: Record<DocumentKindName, string> = {
  PASSPORT_RF: 'Паспорт гражданина РФ',
  FOREIGN_PASSPORT: 'Заграничный паспорт',
  SNILS: 'СНИЛС',
  INN: 'ИНН',
  OMS_POLICY: 'Полис ОМС',
  DRIVER_LICENSE: 'Водительское удостоверение',
  BIRTH_CERTIFICATE: 'Свидетельство о рождении',
  MILITARY_ID: 'Военный билет',
  VEHICLE_REGISTRATION: 'Свидетельство о регистрации ТС',
  GUARDIANSHIP_DECISION: 'Решение об установлении опеки',
};

export interface DocumentFields {
  kind: DocumentKindName;
  series?: string | null;
  number: string;
  issuedBy?: string | null;
  issuedAt?: string | null;
  expiresAt?: string | null;
}

export interface NormalizedDocument {
  kind: DocumentKindName;
  series: string | null;
  number: string;
  issuedBy: string | null;
  issuedAt: string | null;
  expiresAt: string | null;
}

interface KindRule {
  /** Series pattern (after removing spaces); null: the kind has no series. */
  series: RegExp | null;
  seriesHint?: string;
  number: RegExp;
  numberHint: string;
  /** Extra check of the normalized number (checksums); returns a message when it fails. */
  check?: (number: string) => string | null;
}

const compact = (v: string) => v.replace(/[\s-]/g, '').toUpperCase();
const CYR = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ';

const RULES: Record<DocumentKindName, KindRule> = {
  PASSPORT_RF: { series: /^\d{4}$/, seriesHint: 'Серия паспорта — 4 цифры', number: /^\d{6}$/, numberHint: 'Номер паспорта — 6 цифр' },
  FOREIGN_PASSPORT: { series: /^\d{2}$/, seriesHint: 'Серия загранпаспорта — 2 цифры', number: /^\d{7}$/, numberHint: 'Номер загранпаспорта — 7 цифр' },
  SNILS: {
    series: null,
    number: /^\d{11}$/,
    numberHint: 'СНИЛС — 11 цифр',
    check: (n) => (normalizeSnils(n) ? null : 'СНИЛС указан с ошибкой: не сходится контрольное число'),
  },
  INN: {
    series: null,
    number: /^(\d{10}|\d{12})$/,
    numberHint: 'ИНН — 10 или 12 цифр',
    check: (n) => (normalizeInn(n) ? null : 'ИНН указан с ошибкой: не сходятся контрольные цифры'),
  },
  OMS_POLICY: { series: null, number: /^\d{16}$/, numberHint: 'Номер полиса ОМС единого образца — 16 цифр' },
  DRIVER_LICENSE: { series: new RegExp(`^\\d{2}(\\d{2}|[${CYR}]{2})$`), seriesHint: 'Серия удостоверения — 4 знака, например 99 12', number: /^\d{6}$/, numberHint: 'Номер удостоверения — 6 цифр' },
  BIRTH_CERTIFICATE: { series: new RegExp(`^[IVXLC]{1,6}[${CYR}]{2}$`), seriesHint: 'Серия свидетельства — римские цифры и две буквы, например IV-МЮ', number: /^\d{6}$/, numberHint: 'Номер свидетельства — 6 цифр' },
  MILITARY_ID: { series: new RegExp(`^[${CYR}]{2}$`), seriesHint: 'Серия военного билета — 2 буквы', number: /^\d{7}$/, numberHint: 'Номер военного билета — 7 цифр' },
  VEHICLE_REGISTRATION: { series: new RegExp(`^\\d{2}(\\d{2}|[${CYR}]{2})$`), seriesHint: 'Серия СТС — 4 знака, например 77 ХА', number: /^\d{6}$/, numberHint: 'Номер СТС — 6 цифр' },
  // A guardianship authority's act: its number as issued (digits and letters, e.g. 123-р), no series.
  GUARDIANSHIP_DECISION: { series: null, number: new RegExp(`^(?=.*\\d)[0-9A-Z${CYR}Ё/]{1,30}$`), numberHint: 'Номер решения об опеке — до 30 цифр и букв, например 123-р' },
};

const ISSUED_BY_MAX = 300;

/**
 * Checks and normalizes a document's fields. `today` is the calendar day (YYYY-MM-DD) the check
 * runs on: issue dates may not be after it, and a document whose validity ended before it is
 * refused. `prefix` names the input object in the fields at fault (e.g. "input").
 */
export function checkDocument(input: DocumentFields, today: string, prefix = 'input'): { value: NormalizedDocument; problems: FieldProblem[] } {
  const rule = RULES[input.kind];
  const problems: FieldProblem[] = [];
  const at = (field: string) => `${prefix}.${field}`;

  let series: string | null = input.series?.trim() ? compact(input.series) : null;
  if (rule.series) {
    if (!series) problems.push({ field: at('series'), message: rule.seriesHint ?? 'Укажите серию документа' });
    else if (!rule.series.test(series)) problems.push({ field: at('series'), message: rule.seriesHint ?? 'Серия указана с ошибкой' });
  } else if (series) {
    // SNILS and INN have no series; one given by mistake is dropped rather than stored.
    series = null;
  }

  const number = compact(input.number ?? '');
  if (!rule.number.test(number)) problems.push({ field: at('number'), message: rule.numberHint });
  else {
    const failed = rule.check?.(number);
    if (failed) problems.push({ field: at('number'), message: failed });
  }

  const issuedBy = input.issuedBy?.trim().replace(/\s+/g, ' ') || null;
  if (issuedBy && issuedBy.length > ISSUED_BY_MAX) problems.push({ field: at('issuedBy'), message: `Не длиннее ${ISSUED_BY_MAX} символов` });
  const issuedAt = input.issuedAt ?? null;
  const expiresAt = input.expiresAt ?? null;
  if (issuedAt && issuedAt > today) problems.push({ field: at('issuedAt'), message: 'Дата выдачи не может быть в будущем' });
  if (issuedAt && issuedAt < '1900-01-01') problems.push({ field: at('issuedAt'), message: 'Дата выдачи указана с ошибкой' });
  if (expiresAt && expiresAt < today) problems.push({ field: at('expiresAt'), message: 'Срок действия документа истёк: добавьте действующий документ' });
  if (expiresAt && issuedAt && expiresAt <= issuedAt) problems.push({ field: at('expiresAt'), message: 'Документ не может истечь раньше, чем выдан' });

  return { value: { kind: input.kind, series, number, issuedBy, issuedAt, expiresAt }, problems };
}

/** Whether the document's validity ended before `today`. */
export const isExpired = (expiresAt: string | null, today: string): boolean => expiresAt !== null && expiresAt < today;

/** Dates of documents are Moscow calendar days (the federal documents' reference). */
export const DOCUMENTS_TIMEZONE = 'Europe/Moscow';

/** Longest reason an operator may give for a review. */
export const REVIEW_REASON_MAX = 500;

/** Most files one input list (a document's or an application's scans) may name. */
export const ATTACHMENTS_MAX = 20;

/** SNILS and a person's (12-digit) INN are the documents whose numbers are account identifiers. */
export function identifierKind(kind: DocumentKindName, number: string): 'SNILS' | 'INN' | null {
  if (kind === 'SNILS') return 'SNILS';
  if (kind === 'INN' && number.length === 12) return 'INN';
  return null;
}

/** A document with scans waits for an operator; one without is merely entered. */
export const statusOnEntry = (scans: number): 'PENDING' | 'UNVERIFIED' => (scans > 0 ? 'PENDING' : 'UNVERIFIED');

/**
 * An operator's review: VERIFIED, or REJECTED with a reason (at most REVIEW_REASON_MAX
 * characters). Returns the trimmed reason, or the problem with the field at fault.
 */
export function checkReview(status: string, reason: string | null | undefined): { why: string | null; problem: FieldProblem | null } {
  const why = reason?.trim() || null;
  if (status !== 'VERIFIED' && status !== 'REJECTED') return { why, problem: { field: 'status', message: 'Результат проверки — VERIFIED или REJECTED' } };
  if (status === 'REJECTED' && !why) return { why, problem: { field: 'reason', message: 'Укажите причину отказа' } };
  if (why && why.length > REVIEW_REASON_MAX) return { why, problem: { field: 'reason', message: `Не длиннее ${REVIEW_REASON_MAX} символов` } };
  return { why, problem: null };
}

/** A calendar day as the citizen reads it in messages: 2026-03-01 → 01.03.2026. */
export const ruDate = (day: string): string => day.split('-').reverse().join('.');
