/**
 * Structured logging (pino). Personal data never reaches the log: the redaction list covers the
 * fields that carry it wherever they appear, and services log ids, not values. Every line written
 * while a request or a job is served carries its `requestId` (src/shared/request-context.ts), so a
 * job's lines can be found from the request that caused it. Development logs are pretty-printed.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequest } from './request-context.js';

export type { Logger };

const REDACT = [
  'password',
  'newPassword',
  'currentPassword',
  'code',
  'snils',
  'inn',
  'passport',
  'series',
  'number',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'secret',
  'text',
  'phone',
  'email',
  'destination',
  'firstName',
  'lastName',
  'middleName',
  'fullName',
  'displayName',
  'birthDate',
  'address',
];

/** The request id of the request or job being served, on every line written while serving it. */
function requestMixin(): Record<string, unknown> {
  const ctx = currentRequest();
  return ctx ? { requestId: ctx.requestId } : {};
}

export interface LoggerOptions {
  /** Human-readable lines through pino-pretty (a development dependency) instead of JSON. */
  pretty?: boolean;
}

/** `destination` defaults to stdout; tests pass a memory stream to read what would be logged. */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream, opts: LoggerOptions = {}): Logger {
  const options = {
    level,
    base: { ...base },
    mixin: requestMixin,
    redact: {
      paths: [...REDACT, ...REDACT.map((k) => `*.${k}`), ...REDACT.map((k) => `*.*.${k}`), 'req.headers.authorization'],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination);
  if (opts.pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service,role' } } });
  return pino(options);
}

const said = new WeakMap<Logger, Set<string>>();

/**
 * A warning that would repeat on every message (a gateway not configured, say) is written the first
 * time only, per logger and key; later ones go to debug.
 */
export function warnOnce(log: Logger, key: string, obj: Record<string, unknown>, msg: string): void {
  let keys = said.get(log);
  if (!keys) said.set(log, (keys = new Set()));
  if (keys.has(key)) {
    log.debug(obj, msg);
    return;
  }
  keys.add(key);
  log.warn(obj, `${msg} (said once)`);
}
