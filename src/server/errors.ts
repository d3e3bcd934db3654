/**
 * Error masking, the one function for HTTP (Apollo's formatError) and WebSocket (graphql-ws's
 * onError/onNext): expected failures (AppError, GraphQL parse, validation and input-coercion
 * errors) pass through with their code; anything else is logged with the request id and answered
 * as INTERNAL_SERVER_ERROR carrying only that id. With `hideSchemaDetails` (production) the
 * validator's "Did you mean …?" suggestions are cut, so the schema cannot be rebuilt from errors
 * while introspection is off.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export interface ErrorFormatting {
  log: Logger;
  requestId: string | undefined;
  production: boolean;
  /** Cut "Did you mean …?" from validation errors (on wherever introspection is off in production). */
  hideSchemaDetails: boolean;
}

const SUGGESTION = / ?Did you mean(.+?)\?$/;

export function formatError(formatted: GraphQLFormattedError, error: unknown, ctx: ErrorFormatting): GraphQLFormattedError {
  // Resolver errors arrive wrapped in a GraphQLError with the thrown error as originalError.
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : unwrapResolverError(error);
  if (original instanceof AppError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { ...original.extensions } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors;
    return { message: 'Неверные входные данные', path: formatted.path, extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    // Input coercion errors name the variable at fault; keep the shape the contract promises.
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    const message = ctx.hideSchemaDetails && code === 'GRAPHQL_VALIDATION_FAILED' ? formatted.message.replace(SUGGESTION, '') : formatted.message;
    return { ...formatted, message, extensions: code === 'BAD_USER_INPUT' && !extensions.fields ? { ...extensions, fields: [] } : extensions };
  }
  if (isDependencyUnavailable(original)) {
    // PostgreSQL away (restart, network): a clear, retryable answer rather than an internal error.
    ctx.log.warn({ err: errorText(original), requestId: ctx.requestId, path: formatted.path }, 'dependency unavailable');
    return {
      message: 'Сервис временно недоступен, повторите попытку позже',
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE', requestId: ctx.requestId },
    };
  }
  ctx.log.error({ err: original, requestId: ctx.requestId, path: formatted.path }, 'unexpected error');
  return {
    message: 'Внутренняя ошибка сервера. Сообщите номер запроса в поддержку',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: ctx.requestId },
  };
}

/**
 * Errors the WebSocket path makes itself (graphql-js parse and validate, outside Apollo) get the
 * codes Apollo gives the same errors over HTTP, so formatError treats them alike.
 */
export function withCode(errors: readonly GraphQLError[], code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED'): GraphQLError[] {
  return errors.map((e) =>
    e.extensions.code ? e : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code } }),
  );
}

/** postgres.js connection failures and PostgreSQL's "shutting down / cannot connect now" states. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/** Walks the cause chain (drizzle wraps the driver's error) looking for a connection failure. */
export function isDependencyUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^(08|57P0)/.test(code))) return true;
  }
  return false;
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}` : String(err);
}
