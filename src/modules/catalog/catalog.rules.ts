/**
 * The catalog's pure rules and their numbers: how search words become a full-text query, how a
 * fee and its online price are computed to the kopeck, and what makes a category or a service
 * description acceptable (every problem at once, with the field at fault). No database here.
 */
import type { FieldProblem } from '../../shared/errors.js';
import { formSchemaProblem } from '../../shared/forms/form-schema.js';
import { isUuid } from '../../shared/ids.js';
import type { NewServiceRow, ServiceRow } from './catalog.repository.js';

/** Inputs this short are matched as title prefixes too ("па" → "Паспорт ..."). */
export const SHORT_QUERY = 3;

/** Page sizes of the catalog: 20 when not asked, never more than 100. */
export const PAGE = { default: 20, max: 100 } as const;

export const pageLimit = (first: number | null | undefined): number => Math.min(Math.max(first ?? PAGE.default, 1), PAGE.max);

/**
 * Words → a to_tsquery expression: every word must match (Russian stemming), the last one as a
 * prefix so results follow the user while typing. Only letters and digits reach the parser.
 */
export function toTsQuery(input: string): string | null {
  const words = input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

/** The search as the repository runs it: a full-text query, and a title prefix for short inputs. */
export function searchTerms(search: string | null | undefined): { tsquery: string | null; titlePrefix: string | null } {
  const s = search?.trim() ?? '';
  return { tsquery: s ? toTsQuery(s) : null, titlePrefix: s && s.length <= SHORT_QUERY ? s : null };
}

export function toKopecks(amount: string): bigint {
  const [rub = '0', kop = ''] = amount.split('.');
  return BigInt(rub) * 100n + BigInt((kop + '00').slice(0, 2));
}

export function fromKopecks(k: bigint): string {
  return `${k / 100n}.${String(k % 100n).padStart(2, '0')}`;
}

/** The fee and its online price (`discountPercent` off, rounded half up), in kopecks-exact decimals. */
export function feeOf(feeAmount: string | null, discountPercent: number): { amount: string; onlineAmount: string } | null {
  if (feeAmount === null) return null;
  const kopecks = toKopecks(feeAmount);
  const online = (kopecks * BigInt(100 - discountPercent) + 50n) / 100n;
  return { amount: fromKopecks(kopecks), onlineAmount: fromKopecks(online) };
}

/** A category as entered: the slug lower-cased (Latin letters, digits, dashes), a title required. */
export function checkCategory(input: { slug: string; title: string }): { value: { slug: string; title: string }; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const slug = input.slug.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) problems.push({ field: 'slug', message: 'Латинские буквы, цифры и дефис' });
  if (!input.title.trim()) problems.push({ field: 'title', message: 'Поле обязательно' });
  return { value: { slug, title: input.title.trim() }, problems };
}

export interface ServiceInputData {
  code: string;
  title: string;
  description: string;
  categoryId: string;
  kind: ServiceRow['kind'];
  requiredDocuments: Array<{ kind?: ServiceRow['requiredDocuments'][number]['kind'] | null; title: string; description?: string | null; optional: boolean }>;
  processingDays: number;
  feeAmount?: string | null;
  availableOnline: boolean;
  requiresAppointment: boolean;
  minTrustLevel: ServiceRow['minTrustLevel'];
  appointmentMinutes: number;
  applicationForm?: Record<string, unknown> | null;
}

/** Every problem of a service description, field by field (the form must be a usable JSON Schema). */
export function serviceProblems(input: ServiceInputData): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(input.code.trim())) problems.push({ field: 'code', message: 'Латинские буквы, цифры и дефис, от 2 символов' });
  for (const field of ['title', 'description'] as const) if (!input[field].trim()) problems.push({ field, message: 'Поле обязательно' });
  if (!isUuid(input.categoryId)) problems.push({ field: 'categoryId', message: 'Неизвестная категория' });
  if (!Number.isInteger(input.processingDays) || input.processingDays < 0 || input.processingDays > 365) problems.push({ field: 'processingDays', message: 'От 0 до 365 рабочих дней' });
  if (input.feeAmount != null && !/^\d{1,10}(\.\d{1,2})?$/.test(input.feeAmount.trim())) problems.push({ field: 'feeAmount', message: 'Сумма в рублях, например 3500.00' });
  if (input.appointmentMinutes % 15 !== 0 || input.appointmentMinutes < 15 || input.appointmentMinutes > 240) problems.push({ field: 'appointmentMinutes', message: 'Кратно 15 минутам, от 15 до 240' });
  input.requiredDocuments.forEach((d, i) => {
    if (!d.title.trim()) problems.push({ field: `requiredDocuments.${i}.title`, message: 'Поле обязательно' });
  });
  const formProblem = input.applicationForm != null ? formSchemaProblem(input.applicationForm) : null;
  if (formProblem) problems.push({ field: 'applicationForm', message: formProblem });
  return problems;
}

/** A service description as stored: trimmed, the fee normalized to kopecks ("350" → "350.00"). */
export function serviceValues(input: ServiceInputData): NewServiceRow {
  return {
    code: input.code.trim(),
    title: input.title.trim(),
    description: input.description.trim(),
    categoryId: input.categoryId,
    kind: input.kind,
    requiredDocuments: input.requiredDocuments.map((d) => ({ kind: d.kind ?? null, title: d.title.trim(), description: d.description?.trim() || null, optional: d.optional })),
    processingDays: input.processingDays,
    feeAmount: input.feeAmount == null ? null : fromKopecks(toKopecks(input.feeAmount.trim())),
    availableOnline: input.availableOnline,
    requiresAppointment: input.requiresAppointment,
    minTrustLevel: input.minTrustLevel,
    appointmentMinutes: input.appointmentMinutes,
    applicationForm: input.applicationForm ?? null,
  };
}
