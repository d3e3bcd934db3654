/**
 * Every expected failure the API answers, as GraphQL errors with the contract's stable
 * `extensions.code`. Services throw these; anything else is unexpected and gets masked
 * (see server/errors.ts). Messages are in Russian: they are shown to citizens as they are.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  RATE_LIMITED: 'RATE_LIMITED',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  CODE_INVALID: 'CODE_INVALID',
  CODE_EXPIRED: 'CODE_EXPIRED',
  /** Trusted documents: an id the manifest does not have; a document not in it (TRUSTED_DOCUMENTS_ONLY). */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  TRUSTED_DOCUMENT_REQUIRED: 'TRUSTED_DOCUMENT_REQUIRED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldProblem {
  field: string;
  message: string;
}

/** A failure the client is meant to see and handle; never masked. */
export class AppError extends GraphQLError {
  declare readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    // An expected answer, not a fault: where it was thrown helps nobody, and capturing the stack
    // was most of its cost (199 refused bookings of one place: 5% of their CPU).
    const frames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message, { extensions: { code, ...extensions } });
    Error.stackTraceLimit = frames;
    this.code = code;
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Требуется вход в личный кабинет') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message = 'Недостаточно прав для этого действия') =>
  new AppError(ErrorCode.FORBIDDEN, message);

/** "не найден" agreeing with the noun it follows (the messages are shown to citizens as they are). */
const FEMININE = new Set(['Услуга', 'Запись', 'Категория', 'Подписка на push-уведомления']);
const NEUTER = new Set(['Отделение', 'Заявление', 'Уведомление', 'Оповещение']);
export const notFoundText = (what: string): string => `${what} ${FEMININE.has(what) ? 'не найдена' : NEUTER.has(what) ? 'не найдено' : 'не найден'}`;

export const notFound = (what = 'Объект') => new AppError(ErrorCode.NOT_FOUND, notFoundText(what));

/** Bad input: every problem at once, each with the field at fault (a dotted path into the input). */
export const badInput = (fields: FieldProblem[], message?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message ?? fields.map((f) => f.message).join('; '), { fields });

export const badField = (field: string, message: string) => badInput([{ field, message }]);

export const conflict = (message: string, field?: string) =>
  new AppError(ErrorCode.CONFLICT, message, field ? { fields: [{ field, message }] } : {});

export const preconditionFailed = (message: string, extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.PRECONDITION_FAILED, message, extensions);

export const rateLimited = (retryAfterSeconds: number, message = 'Слишком много запросов, попробуйте позже') =>
  new AppError(ErrorCode.RATE_LIMITED, message, { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) });

export const accountLocked = (lockedUntil: Date) =>
  new AppError(
    ErrorCode.ACCOUNT_LOCKED,
    'Вход временно заблокирован после нескольких неверных попыток',
    { lockedUntil: lockedUntil.toISOString() },
  );

export const codeInvalid = (attemptsLeft: number) =>
  new AppError(ErrorCode.CODE_INVALID, 'Неверный код', { attemptsLeft });

/** The code cannot be used any more: it expired, was used, or its attempts ran out. */
export const codeExpired = (reason: 'EXPIRED' | 'ATTEMPTS_EXHAUSTED' | 'USED') =>
  new AppError(
    ErrorCode.CODE_EXPIRED,
    reason === 'ATTEMPTS_EXHAUSTED'
      ? 'Код больше не действует: исчерпаны попытки ввода. Запросите новый код'
      : 'Код больше не действует. Запросите новый код',
    { reason },
  );
