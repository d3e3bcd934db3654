/**
 * The JSON body of a GraphQL POST. Nearly every request is plain `application/json` (UTF-8, no
 * content encoding): read here with two listeners and one JSON.parse, the same answers as
 * express.json gives (400 for malformed JSON or a body that is neither an object nor an array, 413
 * past the limit, 400 when the body is shorter or longer than its Content-Length). Anything else
 * (another charset, a compressed body, another media type) goes through express.json as before.
 * Measured on an empty signed-in query, body-parser with raw-body, type-is and iconv-lite was about
 * a sixth of the request's CPU.
 */
import { AsyncResource } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** An error express's error handlers read as body-parser's (status, expose, type). */
function bodyError(status: number, type: string, message: string): Error & { status: number; statusCode: number; expose: boolean; type: string } {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

/** `application/json` with at most a UTF-8 charset, and no content encoding other than identity. */
export function isPlainJson(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type'];
  if (type === undefined) return false;
  const semi = type.indexOf(';');
  if ((semi < 0 ? type : type.slice(0, semi)).trim().toLowerCase() !== 'application/json') return false;
  if (semi < 0) return true;
  const params = type.slice(semi + 1).trim().toLowerCase();
  return params === 'charset=utf-8' || params === 'charset="utf-8"';
}

export function jsonBody(limitBytes: number): RequestHandler {
  const fallback = express.json({ limit: limitBytes });
  return (req: Request, res: Response, proceed: NextFunction) => {
    if ((req as { _body?: boolean })._body || !isPlainJson(req)) {
      fallback(req, res, proceed);
      return;
    }
    const declared = req.headers['content-length'] === undefined ? -1 : Number(req.headers['content-length']);
    if (declared > limitBytes) {
      req.resume();
      proceed(bodyError(413, 'entity.too.large', 'request entity too large'));
      return;
    }
    // The stream's events come in the socket's async context: the rest of the request goes on in
    // its own (its request id), as raw-body's callbacks do.
    // (An AsyncResource and runInAsyncScope, as raw-body does: AsyncResource.bind cost a sixth of
    // an empty query's CPU: PROFILE_QUERY=floor node dist/bench/reads-profile.js.)
    const scope = new AsyncResource('json-body');
    const next = (err?: unknown) => scope.runInAsyncScope(proceed, null, err);
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limitBytes) {
        failed = true;
        next(bodyError(413, 'entity.too.large', 'request entity too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      const parsed = parseBody(chunks, size, declared);
      if (parsed instanceof Error) {
        next(parsed);
        return;
      }
      (req as { _body?: boolean })._body = true;
      req.body = parsed;
      next();
    });
    req.on('error', (err) => {
      if (failed) return;
      failed = true;
      next(bodyError(400, 'request.aborted', err.message));
    });
  };
}

/** The body as express.json would give it, or the error it would answer with. */
function parseBody(chunks: Buffer[], size: number, declared: number): unknown {
  if (declared >= 0 && declared !== size) return bodyError(400, 'request.size.invalid', 'request size did not match content length');
  let text = chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte order mark, dropped as iconv-lite does
  if (text.length === 0) return {};
  // Strict, as express.json: an object or an array, nothing else (leading whitespace allowed).
  const first = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/.exec(text)?.[1];
  if (first !== '{' && first !== '[') return bodyError(400, 'entity.parse.failed', 'the body is not a JSON object or array');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return bodyError(400, 'entity.parse.failed', 'malformed JSON');
  }
}
