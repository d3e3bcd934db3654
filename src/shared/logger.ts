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
  /**
   * LOG_SYNC: each line written to stdout before the call returns. Off (the default), lines are
   * written off the event loop, those logged meanwhile in one write (pino flushes what is left
   * when the process exits; only a SIGKILL loses the last milliseconds).
   */
  sync?: boolean;
}

/** What a secret is kept under, at any of the three levels a log line's objects go. */
const SECRET_KEYS: ReadonlySet<string> = new Set(REDACT);
const CENSORED = '[redacted]';

/**
 * A log object with every value under a secret key replaced, at the top level and two levels down
 * (as pino's redaction paths `k`, `*.k`, `*.*.k` did, arrays included), copied where something is
 * replaced and never changed in place. Errors are left to pino's serializer. A walk over the keys:
 * pino's wildcard redaction paths were a fifth of an empty query's CPU at LOG_LEVEL=info (one line
 * per request); without them `{ __typename }` went from 2,930-2,960 to 4,060-4,340 requests/s.
 */
export function scrubSecrets<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || value instanceof Error || value instanceof Date || Buffer.isBuffer(value)) return value;
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(source)) {
    const v = source[key];
    const next = SECRET_KEYS.has(key) ? CENSORED : depth < 2 ? scrubSecrets(v, depth + 1) : v;
    if (next === v) continue;
    copy ??= Array.isArray(source) ? ([...source] as unknown as Record<string, unknown>) : { ...source };
    copy[key] = next;
  }
  return (copy ?? value) as T;
}

/** `destination` defaults to stdout; tests pass a memory stream to read what would be logged. */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream, opts: LoggerOptions = {}): Logger {
  const options = {
    level,
    base: { ...base },
    mixin: requestMixin,
    formatters: { log: (o: Record<string, unknown>) => scrubSecrets(o), bindings: (b: Record<string, unknown>) => scrubSecrets(b) },
  };
  if (destination) return scrubbedChildren(pino(options, destination));
  if (opts.pretty) return scrubbedChildren(pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service,role' } } }));
  return scrubbedChildren(pino(options, pino.destination({ dest: 1, sync: opts.sync ?? false, minLength: 0 })));
}

/** A child logger's bindings are scrubbed too (pino gives children no bindings formatter), and so are its children's. */
function scrubbedChildren(logger: Logger): Logger {
  const child = logger.child.bind(logger) as unknown as (bindings: Record<string, unknown>, options?: object) => Logger;
  const scrubbed = (bindings: Record<string, unknown>, options?: object): Logger => scrubbedChildren(child(scrubSecrets(bindings), options));
  logger.child = scrubbed as unknown as Logger['child'];
  return logger;
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
