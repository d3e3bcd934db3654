/**
 * Structured logging (pino). Personal data never reaches the log: the redaction list covers the
 * fields that carry it wherever they appear, and services log ids, not values.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

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
];

/** `destination` defaults to stdout; tests pass a memory stream to read what would be logged. */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { ...base },
    redact: {
      paths: [...REDACT, ...REDACT.map((k) => `*.${k}`), ...REDACT.map((k) => `*.*.${k}`), 'req.headers.authorization'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
