/**
 * The one error body of every REST endpoint (uploads, files, booking files, webhooks, unknown
 * paths, CORS refusals): the shape of a GraphQL error answer, so clients handle both alike.
 *   { "errors": [ { "message": "…", "extensions": { "code": "NOT_FOUND", "reason"?, "rule"?, "fields"?: [{ field, message }] } } ] }
 * Described as `Error` in schema/openapi.json.
 */
import type { Response } from 'express';

export interface RestErrorDetails {
  /** A finer reason within the code (LINK_INVALID, CORS_ORIGIN). */
  reason?: string;
  /** The rule a PRECONDITION_FAILED broke. */
  rule?: string;
  /** The input field at fault. */
  field?: string;
}

/** The body itself (also for callers that are not Express). */
export function restErrorBody(code: string, message: string, details: RestErrorDetails = {}) {
  const { reason, rule, field } = details;
  return { errors: [{ message, extensions: { code, ...(reason ? { reason } : {}), ...(rule ? { rule } : {}), ...(field ? { fields: [{ field, message }] } : {}) } }] };
}

/** Answers with `status` and the one error body (nothing when the answer has already begun). */
export function sendRestError(res: Response, status: number, code: string, message: string, details: RestErrorDetails = {}): void {
  if (res.headersSent) return;
  res.status(status).json(restErrorBody(code, message, details));
}
