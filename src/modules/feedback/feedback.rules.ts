/**
 * The pure rules of feedback, kept apart so they are unit-tested: what a valid piece of feedback
 * is (a rating 1-5 and/or a text, a complaint always with a text, exactly one subject), when a
 * complaint must be answered, what an answer may be, and how the author's notification words it.
 */
import type { FieldProblem } from '../../shared/errors.js';

export type FeedbackKind = 'PRAISE' | 'REMARK' | 'COMPLAINT';

export interface FeedbackInput {
  kind: FeedbackKind;
  rating?: number | null;
  text?: string | null;
  applicationId?: string | null;
  bookingId?: string | null;
  branchId?: string | null;
}

export const RATING = { min: 1, max: 5 } as const;

/** The subject fields of an input; exactly one must be given. */
export const SUBJECT_FIELDS = ['applicationId', 'bookingId', 'branchId'] as const;
export type SubjectField = (typeof SUBJECT_FIELDS)[number];

/** How the notification of an answer names the kind ("получен ответ на жалобу"). */
export const KIND_WORDS: Readonly<Record<FeedbackKind, string>> = { PRAISE: 'отзыв', REMARK: 'замечание', COMPLAINT: 'жалобу' };

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
  if (input.kind === 'COMPLAINT' && !text) problems.push({ field: 'input.text', message: 'Опишите, что случилось' });
  if (!text && !rated) problems.push({ field: 'input.rating', message: 'Поставьте оценку или напишите текст' });
  if (subjectsOf(input).length !== 1) problems.push({ field: 'input', message: 'Укажите одно: заявление, запись или отделение' });
  return problems;
}

/** A complaint must be answered within `answerMinutes`; other kinds have no deadline. */
export function answerDueAt(kind: FeedbackKind, now: Date, answerMinutes: number): Date | null {
  return kind === 'COMPLAINT' ? new Date(now.getTime() + answerMinutes * 60_000) : null;
}

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
