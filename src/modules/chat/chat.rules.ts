/**
 * The pure rules of chats, kept apart so they are unit-tested: how long a subject and a message
 * may be, how many messages one page holds, how an author is named to the other side, and how
 * much of a reply a notification quotes.
 */
import type { FieldProblem } from '../../shared/errors.js';
import { stripBidiControls } from '../../shared/bidi.js';

export const SUBJECT_MAX_LENGTH = 200;

/** History pages: 50 messages unless asked otherwise, between 1 and 200. */
export const MESSAGES_PAGE = { default: 50, max: 200 } as const;
export const messagesPageSize = (first: number | null): number => Math.min(Math.max(first ?? MESSAGES_PAGE.default, 1), MESSAGES_PAGE.max);

/** A notification of a reply quotes at most this many characters of it. */
export const REPLY_EXCERPT_LENGTH = 120;

/** The subject as stored (trimmed), or the problem with it. */
export function checkSubject(raw: string): { ok: true; subject: string } | { ok: false; problem: FieldProblem } {
  const subject = stripBidiControls(raw).trim();
  if (subject.length === 0 || subject.length > SUBJECT_MAX_LENGTH) return { ok: false, problem: { field: 'subject', message: `Тема: от 1 до ${SUBJECT_MAX_LENGTH} символов` } };
  return { ok: true, subject };
}

/** A message's text as stored (trimmed), or the problem with it. */
export function checkMessageText(raw: string, maxLength: number): { ok: true; text: string } | { ok: false; problem: FieldProblem } {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, problem: { field: 'text', message: 'Сообщение пустое' } };
  if (text.length > maxLength) return { ok: false, problem: { field: 'text', message: `Не длиннее ${maxLength} символов` } };
  return { ok: true, text };
}

/** How the author is shown: a citizen by first name and initial, staff as "Оператор <first name>". */
export function authorName(author: { firstName: string; lastName: string }, fromCitizen: boolean): string {
  const first = stripBidiControls(author.firstName);
  return fromCitizen ? `${first} ${stripBidiControls(author.lastName).slice(0, 1)}.` : `Оператор ${first}`;
}

/** The part of a reply a notification quotes: the whole text, or its start and an ellipsis. */
export function replyExcerpt(text: string): string {
  const shown = stripBidiControls(text);
  return shown.length > REPLY_EXCERPT_LENGTH ? `${shown.slice(0, REPLY_EXCERPT_LENGTH - 1)}…` : shown;
}

/** The system message a closed thread ends with. */
export const closedBy = (byCitizen: boolean): string => (byCitizen ? 'Заявитель закрыл чат' : 'Оператор закрыл чат');
