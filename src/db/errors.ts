/** Recognises PostgreSQL constraint violations so services can answer CONFLICT with the field at fault. */
interface PgError {
  code?: string;
  constraint_name?: string;
  constraint?: string;
}

function pgError(err: unknown): PgError | null {
  let e: unknown = err;
  // drizzle wraps driver errors in DrizzleQueryError with the original as `cause`.
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const c = e as PgError & { cause?: unknown };
    if (typeof c.code === 'string' && c.code.length === 5) return c;
    e = c.cause;
  }
  return null;
}

/** The SQLSTATE of a PostgreSQL error (wrapped or not), e.g. 23505, 23514, 23P01. */
export function pgErrorCode(err: unknown): string | undefined {
  return pgError(err)?.code;
}

export function isUniqueViolation(err: unknown): boolean {
  return pgError(err)?.code === '23505';
}

/** `users_email_key` → `email`: the contract field behind a unique index of ours. */
export function uniqueViolationField(err: unknown): string | null {
  const name = pgError(err)?.constraint_name ?? pgError(err)?.constraint;
  const m = name?.match(/^[a-z_]+?_([a-z]+)(?:_hash)?_key$/);
  return m?.[1] ?? null;
}

export function isForeignKeyViolation(err: unknown): boolean {
  return pgError(err)?.code === '23503';
}
