/**
 * The family rules as pure functions: what a dependant's entry must satisfy (names, birth date, a
 * child under 18, the SNILS checksum, the document that proves the relation), when a child comes
 * of age, what a profile change request must contain, and an operator's verdict. Every problem is
 * reported with the input field at fault.
 */
import type { FieldProblem } from '../../shared/errors.js';
import { normalizeSnils } from '../../shared/identifiers.js';
import { canonicalJson } from '../../shared/canonical-json.js';

export type Relation = 'CHILD' | 'WARD';

/** A child leaves the parent's account on their 18th birthday. */
export const ADULT_AGE = 18;
export const NAME_MAX = 60;
export const COMMENT_MAX = 1000;
export const REASON_MAX = 500;
const BIRTH_YEAR_MIN = 1900;

/** The document that proves the relation: a birth certificate for a child, a guardianship decision for a ward. */
export const PROOF_KIND = { CHILD: 'BIRTH_CERTIFICATE', WARD: 'GUARDIANSHIP_DECISION' } as const satisfies Record<Relation, string>;
export const PROOF_KINDS = [PROOF_KIND.CHILD, PROOF_KIND.WARD] as const;

// Letters (Cyrillic or Latin, as in documents), with single spaces, hyphens or apostrophes between.
const NAME = /^[А-ЯЁа-яёA-Za-z]+(?:[ '’-][А-ЯЁа-яёA-Za-z]+)*$/;

/** The day (YYYY-MM-DD) on or before which a person born is at least `years` old on `today`. */
export function bornOnOrBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

/** Whether someone born on `birthDate` has reached ADULT_AGE on `today`. */
export const isAdult = (birthDate: string, today: string): boolean => birthDate <= bornOnOrBefore(today, ADULT_AGE);

const isCalendarDay = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** A name as entered: trimmed, inner spaces collapsed; null when empty. */
export const cleanName = (v: string | null | undefined): string | null => v?.trim().replace(/\s+/g, ' ') || null;

function checkName(value: string | null, field: string, required: boolean, problems: FieldProblem[]): void {
  if (!value) {
    if (required) problems.push({ field, message: 'Поле обязательно' });
    return;
  }
  if (value.length > NAME_MAX) problems.push({ field, message: `Не длиннее ${NAME_MAX} символов` });
  else if (!NAME.test(value)) problems.push({ field, message: 'Только буквы, пробел, дефис или апостроф' });
}

function checkBirthDate(value: string, today: string, field: string, problems: FieldProblem[]): boolean {
  if (!isCalendarDay(value) || Number(value.slice(0, 4)) < BIRTH_YEAR_MIN) problems.push({ field, message: 'Дата рождения указана с ошибкой' });
  else if (value > today) problems.push({ field, message: 'Дата рождения не может быть в будущем' });
  else return true;
  return false;
}

export interface DependantFields {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  birthDate: string;
  relation: Relation;
  snils?: string | null;
  document: { kind: string; issuedAt?: string | null };
}

export interface CleanDependant {
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  relation: Relation;
  snils: string | null;
}

/** Checks a dependant as entered on `today` (Moscow day); the document's own format is checked by documents. */
export function checkDependant(input: DependantFields, today: string, prefix = 'input'): { value: CleanDependant; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const at = (f: string) => `${prefix}.${f}`;
  const lastName = cleanName(input.lastName);
  const firstName = cleanName(input.firstName);
  const middleName = cleanName(input.middleName);
  checkName(lastName, at('lastName'), true, problems);
  checkName(firstName, at('firstName'), true, problems);
  checkName(middleName, at('middleName'), false, problems);
  if (checkBirthDate(input.birthDate, today, at('birthDate'), problems)) {
    if (input.relation === 'CHILD' && isAdult(input.birthDate, today)) problems.push({ field: at('birthDate'), message: `Ребёнка можно добавить до ${ADULT_AGE} лет; совершеннолетний заводит свой кабинет` });
    if (input.document.issuedAt && input.document.issuedAt < input.birthDate) problems.push({ field: at('document.issuedAt'), message: 'Документ не может быть выдан раньше рождения' });
  }
  let snils: string | null = null;
  if (input.snils?.trim()) {
    snils = normalizeSnils(input.snils);
    if (!snils) problems.push({ field: at('snils'), message: 'СНИЛС указан с ошибкой: проверьте 11 цифр и контрольное число' });
  }
  const proof = PROOF_KIND[input.relation];
  if (input.document.kind !== proof) {
    problems.push({ field: at('document.kind'), message: input.relation === 'CHILD' ? 'Для ребёнка нужно свидетельство о рождении (BIRTH_CERTIFICATE)' : 'Для подопечного нужно решение об установлении опеки (GUARDIANSHIP_DECISION)' });
  }
  return { value: { lastName: lastName ?? '', firstName: firstName ?? '', middleName, birthDate: input.birthDate, relation: input.relation, snils }, problems };
}

export interface ProfileChangeFields {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  birthDate?: string | null;
  hasPassport: boolean;
  attachmentIds: readonly string[];
  comment?: string | null;
}

export interface CleanProfileChange {
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  birthDate: string | null;
  comment: string | null;
}

/** A change request names at least one change, carries scans, and every value is well formed. */
export function checkProfileChange(input: ProfileChangeFields, today: string): { value: CleanProfileChange; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const lastName = cleanName(input.lastName);
  const firstName = cleanName(input.firstName);
  const middleName = cleanName(input.middleName);
  checkName(lastName, 'input.lastName', false, problems);
  checkName(firstName, 'input.firstName', false, problems);
  checkName(middleName, 'input.middleName', false, problems);
  const birthDate = input.birthDate ?? null;
  if (birthDate) checkBirthDate(birthDate, today, 'input.birthDate', problems);
  if (!lastName && !firstName && !middleName && !birthDate && !input.hasPassport) problems.push({ field: 'input', message: 'Укажите, что изменить: фамилию, имя, отчество, дату рождения или паспорт' });
  if (input.attachmentIds.length === 0) problems.push({ field: 'input.attachmentIds', message: 'Приложите сканы, подтверждающие изменение (например, свидетельство о браке или страницы нового паспорта)' });
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > COMMENT_MAX) problems.push({ field: 'input.comment', message: `Не длиннее ${COMMENT_MAX} символов` });
  return { value: { lastName, firstName, middleName, birthDate, comment }, problems };
}

/** An operator's verdict: VERIFIED, or REJECTED with a reason (at most REASON_MAX characters). */
export function checkVerdict(status: string, reason: string | null | undefined): { verdict: 'VERIFIED' | 'REJECTED' | null; why: string | null; problem: FieldProblem | null } {
  const why = reason?.trim() || null;
  if (status !== 'VERIFIED' && status !== 'REJECTED') return { verdict: null, why, problem: { field: 'status', message: 'Результат проверки — VERIFIED или REJECTED' } };
  if (status === 'REJECTED' && !why) return { verdict: null, why, problem: { field: 'reason', message: 'Укажите причину отказа' } };
  if (why && why.length > REASON_MAX) return { verdict: null, why, problem: { field: 'reason', message: `Не длиннее ${REASON_MAX} символов` } };
  return { verdict: status, why, problem: null };
}

/** A dependant's full name as messages show it. */
export const fullName = (d: { lastName: string; firstName: string; middleName: string | null }): string => [d.lastName, d.firstName, d.middleName].filter(Boolean).join(' ');

/** What a citizen's electronic signature of a profile change request covers: a heading, then the request as canonical JSON. */
export function changeRequestSigningText(r: {
  id: string; lastName: string | null; firstName: string | null; middleName: string | null; birthDate: string | null;
  passportDocumentId: string | null; attachmentIds: string[]; comment: string | null; createdAt: Date;
}): string {
  const body = {
    request: r.id, lastName: r.lastName, firstName: r.firstName, middleName: r.middleName, birthDate: r.birthDate,
    passport: r.passportDocumentId, attachments: r.attachmentIds, comment: r.comment, createdAt: r.createdAt.toISOString(),
  };
  return `Запрос на изменение данных в МФЦ\n${canonicalJson(body)}`;
}
