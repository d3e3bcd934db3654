/**
 * The pure rules of feedback, kept apart so they are unit-tested: what a valid piece of feedback
 * is (a rating 1-5 and/or a text, a complaint always with a text, exactly one subject), when a
 * complaint must be answered, what an answer may be, and how the author's notification words it.
 */
import type { FieldProblem } from '../../shared/errors.js';

export type FeedbackKind = 'PRAISE' | 'REMARK' | 'COMPLAINT' | 'REQUEST';
export type SupportPriority = 'CRITICAL' | 'NORMAL';

export interface FeedbackInput {
  kind: FeedbackKind;
  rating?: number | null;
  text?: string | null;
  applicationId?: string | null;
  bookingId?: string | null;
  branchId?: string | null;
  priority?: SupportPriority | null;
}

export const RATING = { min: 1, max: 5 } as const;

/** The subject fields of an input; exactly one must be given. */
export const SUBJECT_FIELDS = ['applicationId', 'bookingId', 'branchId'] as const;
export type SubjectField = (typeof SUBJECT_FIELDS)[number];

/** How the notification of an answer names the kind ("получен ответ на жалобу"). */
export const KIND_WORDS: Readonly<Record<FeedbackKind, string>> = { PRAISE: 'отзыв', REMARK: 'замечание', COMPLAINT: 'жалобу', REQUEST: 'обращение' };

/** A notification of an answer quotes at most this many characters of it. */
export const ANSWER_EXCERPT_LENGTH = 300;

/** The subject fields given in the input. */
export const subjectsOf = (input: FeedbackInput): SubjectField[] => SUBJECT_FIELDS.filter((k) => input[k]);

/** Every problem of an input, with the field at fault; `text` is the trimmed text (null when empty). */
export function feedbackProblems(input: FeedbackInput, text: string | null, maxTextLength: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const rated = input.rating !== null && input.rating !== undefined;
  if (rated && (!Number.isInteger(input.rating) || (input.rating ?? 0) < RATING.min || (input.rating ?? 0) > RATING.max)) problems.push({ field: 'input.rating', message: 'Оценка от 1 до 5' });
  if (text && text.length > maxTextLength) problems.push({ field: 'input.text', message: `Не длиннее ${maxTextLength} символов` });
  if (isCase(input.kind) && !text) problems.push({ field: 'input.text', message: 'Опишите, что случилось' });
  if (input.priority && !isCase(input.kind)) problems.push({ field: 'input.priority', message: 'Приоритет бывает только у жалобы или обращения' });
  if (!text && !rated) problems.push({ field: 'input.rating', message: 'Поставьте оценку или напишите текст' });
  if (subjectsOf(input).length !== 1) problems.push({ field: 'input', message: 'Укажите одно: заявление, запись или отделение' });
  return problems;
}

/** Complaints and requests for help are support cases: numbered, with a priority, a deadline and a thread. */
export const isCase = (kind: FeedbackKind): boolean => kind === 'COMPLAINT' || kind === 'REQUEST';

/** Minutes to answer a case of each priority (SUPPORT_CRITICAL_MINUTES, SUPPORT_NORMAL_MINUTES). */
export interface AnswerMinutes {
  critical: number;
  normal: number;
}

/** A case must be answered within its priority's minutes from its creation; other kinds have no deadline. */
export function answerDueAt(kind: FeedbackKind, priority: SupportPriority, createdAt: Date, minutes: AnswerMinutes): Date | null {
  if (!isCase(kind)) return null;
  return new Date(createdAt.getTime() + (priority === 'CRITICAL' ? minutes.critical : minutes.normal) * 60_000);
}

/** ОБР-2026-0000042: the year of the case and a per-year sequence. */
export const caseNumber = (year: number, seq: number): string => `ОБР-${year}-${String(seq).padStart(7, '0')}`;

/**
 * Whether a follow-up may be added: only to a case, and only while it is open, which is until
 * SUPPORT_CASE_OPEN_DAYS after its answer (a case without an answer is always open).
 */
export function isOpenCase(f: { kind: FeedbackKind; answeredAt: Date | null }, now: Date, openDays: number): boolean {
  if (!isCase(f.kind)) return false;
  return f.answeredAt === null || now.getTime() < f.answeredAt.getTime() + openDays * 86_400_000;
}

/** How a case is named in messages: its number, or the kind's word for feedback without one. */
export const caseLabel = (f: { caseNumber: string | null; kind: FeedbackKind }): string => f.caseNumber ?? KIND_WORDS[f.kind];

/** The answer as stored (trimmed), or the problem with it. */
export function checkAnswer(raw: string, maxLength: number): { ok: true; answer: string } | { ok: false; problem: FieldProblem } {
  const answer = raw.trim();
  if (answer.length === 0 || answer.length > maxLength) return { ok: false, problem: { field: 'answer', message: `Ответ: от 1 до ${maxLength} символов` } };
  return { ok: true, answer };
}

/** The part of an answer the author's notification quotes. */
export function answerExcerpt(answer: string): string {
  return answer.length > ANSWER_EXCERPT_LENGTH ? `${answer.slice(0, ANSWER_EXCERPT_LENGTH - 1)}…` : answer;
}

/** How staff messages name a priority. */
export const PRIORITY_WORDS: Readonly<Record<SupportPriority, string>> = { CRITICAL: 'критический', NORMAL: 'обычный' };

/** A deadline in staff messages: Moscow time (the branches' zone is not at hand for general cases). */
export function formatDue(d: Date): string {
  const text = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
  return `${text.replace(',', '')} МСК`;
}
