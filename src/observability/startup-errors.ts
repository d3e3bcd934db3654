/**
 * Expected reasons a process cannot start (a busy port, PostgreSQL or Redis not answering, a bad
 * configuration, a migration that fails). main prints `message` as one line and exits 1, no stack.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'CONNECT_TIMEOUT', 'ECONNRESET']);

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; errors?: unknown[]; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  if (Array.isArray(e.errors)) return codeOf(e.errors[0]); // AggregateError (IPv4 and IPv6 both refused)
  return codeOf(e.cause);
}

const where = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? '6379' : '5432')}`;
  } catch {
    return 'the configured address';
  }
};

/** A StartupError for a dependency that did not answer; anything else is returned unchanged. */
export function explainConnectError(err: unknown, service: 'PostgreSQL' | 'Redis', url: string, variable: string): unknown {
  const code = codeOf(err);
  if (code && CONNECT_CODES.has(code)) return new StartupError(`${service} is not reachable at ${where(url)} (${code}): start it or set ${variable}`);
  if (code === '28P01' || code === '28000') return new StartupError(`${service} refused the credentials in ${variable}`);
  if (code === '3D000') return new StartupError(`${service}: the database in ${variable} does not exist`);
  if (err instanceof Error && /NOAUTH|WRONGPASS/.test(err.message)) return new StartupError(`${service} refused the credentials in ${variable}`);
  return err;
}

/** A failure while connecting at start, told apart by the port it was trying (Redis's or PostgreSQL's). */
export function explainStartFailure(err: unknown, config: { DATABASE_URL: string; REDIS_URL: string }): unknown {
  if (err instanceof StartupError) return err;
  const port = (err as { port?: unknown }).port;
  const redisPort = Number(safeUrl(config.REDIS_URL)?.port || 6379);
  const isRedis = port === redisPort || (err instanceof Error && /redis|ioredis/i.test(err.stack ?? ''));
  return isRedis ? explainConnectError(err, 'Redis', config.REDIS_URL, 'REDIS_URL') : explainConnectError(err, 'PostgreSQL', config.DATABASE_URL, 'DATABASE_URL');
}

/** A migration that cannot be applied: PostgreSQL not answering, or the SQL failing (with its message). */
export function explainMigrationFailure(err: unknown, databaseUrl: string): StartupError {
  const explained = explainConnectError(err, 'PostgreSQL', databaseUrl, 'DATABASE_URL');
  if (explained instanceof StartupError) return explained;
  const e = err as { message?: string; cause?: { message?: string } };
  const detail = e.cause?.message ?? e.message ?? String(err);
  return new StartupError(`migration failed: ${detail.split('\n')[0]} (nothing after it was applied; fix and start again)`);
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * For entry points: an expected failure (StartupError, an invalid configuration, any plain Error
 * from setting up services) is printed as one line and the process exits 1; `DEBUG_STARTUP=1`
 * prints the stack as well.
 */
export function failStartup(prefix = ''): (err: unknown) => never {
  return (err) => {
    const e = err as { problems?: string[]; message?: string };
    const text = Array.isArray(e.problems) ? `invalid configuration: ${e.problems.join('; ')}` : (e.message ?? String(err)).split('\n')[0];
    console.error(`${prefix}${text}`);
    if (process.env.DEBUG_STARTUP === '1' && err instanceof Error) console.error(err.stack);
    process.exit(Array.isArray(e.problems) ? 78 : 1); // 78: EX_CONFIG, as src/main.ts
  };
}
