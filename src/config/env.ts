/**
 * The only reader of process.env. Parses every variable at once with zod, so a bad deployment
 * hears about all of its problems in one go, and hands the rest of the code a typed, frozen
 * Config. Every variable here is documented (with its default) in the README's configuration table;
 * `test/integration/config.test.ts` keeps the two in step.
 */
import { z } from 'zod';
import { bool, int } from './parsers.js';
import { branchDayEnv } from './branch-day-env.js';
import { readsEnv } from './reads-env.js';
import { signatureEnv } from './signature-env.js';
import { observabilityEnv } from './observability.js';
import { paymentsEnv, paymentsProblems, returnUrls } from './payments-env.js';
import { integrationsEnv } from './integrations-env.js';
import { scaleEnv, scaleProblems } from './scale-env.js';
import { graphqlEnv } from './graphql-env.js';
import { realtimeEnv } from './realtime-env.js';
import { ssoProvider } from './sso-providers.js';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

export type { SsoProviderConfig } from './sso-providers.js';

const jsonOf = <T extends z.ZodType>(inner: T) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
      return z.NEVER;
    }
  }).pipe(inner);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  PORT: int(4000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().default('http://localhost:4000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.string().min(1),
  DATABASE_POOL_SIZE: int(10, 1),
  /** Seconds to wait for a new PostgreSQL connection before its queries fail (CONNECT_TIMEOUT). */
  DATABASE_CONNECT_TIMEOUT_SECONDS: int(5, 1),
  /** PostgreSQL statement_timeout of every connection: no statement runs (or waits on a lock) longer. */
  DATABASE_STATEMENT_TIMEOUT_MS: int(30_000, 0),
  REDIS_URL: z.string().min(1),
  /** Prefix for every Redis key, queue and channel: lets several deployments (or test files) share one Redis. */
  REDIS_PREFIX: z.string().default('mfc:'),
  MIGRATE_ON_START: bool.default(true),

  /** PKCS8 PEM (ES256) of the active signing key; generated and kept in the database when absent. */
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_KEY_ID: z.string().optional(),
  /** JSON array of public JWKs (with kid) still accepted for verification after a rotation. */
  JWT_PREVIOUS_PUBLIC_KEYS: z.string().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().default('mfc-account'),
  /** Generated keys are replaced after this many days; the old one verifies until its tokens expire. */
  JWT_KEY_ROTATION_DAYS: int(30, 1),
  /** Secret for keyed hashes of personal data (SNILS, INN look-ups) and one-time codes. Generated and kept in the database when absent. */
  DATA_HASH_KEY: z.string().min(32).optional(),
  /** AES-256 key (base64 of 32 bytes) sealing personal identifiers, TOTP secrets and private keys at rest. Required in production; elsewhere generated and kept in the database when absent. */
  DATA_ENCRYPTION_KEY: z.string().trim().optional(),
  /** Comma-separated earlier DATA_ENCRYPTION_KEYs: they still open values until `rotate-data-key` has re-sealed them. */
  DATA_ENCRYPTION_PREVIOUS_KEYS: z.string().default(''),
  /** Rows re-sealed per transaction by `npm run cli -- rotate-data-key`. */
  DATA_ROTATION_BATCH_SIZE: int(500, 1),

  ACCESS_TOKEN_TTL_SECONDS: int(15 * 60, 1),
  REFRESH_TOKEN_TTL_DAYS: int(30, 1),
  SESSION_IDLE_MINUTES: int(30, 1),
  /** How long an instance trusts its cached "session is alive" answer; revocations are also broadcast. */
  SESSION_CACHE_SECONDS: int(10, 0),

  LOCKOUT_THRESHOLD: int(3, 1),
  LOCKOUT_MINUTES: int(30, 1),
  CODE_LENGTH: int(6, 4),
  CODE_TTL_SECONDS: int(300, 30),
  CODE_MAX_ATTEMPTS: int(3, 1),
  CODE_MAX_RESENDS: int(3, 0),
  CODE_RESEND_PAUSE_SECONDS: int(60, 0),
  PASSWORD_MIN_LENGTH: int(8, 6),

  /** Codes sent per phone / e-mail / IP within RATE_LIMIT_WINDOW_SECONDS (SMS-pumping guard). */
  RATE_LIMIT_WINDOW_SECONDS: int(3600, 1),
  RATE_LIMIT_CODES_PER_DESTINATION: int(5, 1),
  RATE_LIMIT_CODES_PER_IP: int(20, 1),
  /** Login attempts per IP within RATE_LIMIT_WINDOW_SECONDS (credential stuffing guard). */
  RATE_LIMIT_LOGINS_PER_IP: int(100, 1),

  /** Online payment of a state fee costs this much less (DOMAIN: 30%). */
  ONLINE_FEE_DISCOUNT_PERCENT: int(30, 0).pipe(z.number().max(100)),
  ...paymentsEnv,

  ...branchDayEnv,

  /** Uploaded files live here (by content hash); relative paths are taken from the working directory. */
  STORAGE_DIR: z.string().min(1).default('.data/files'),
  /** Largest upload accepted (5 MB); larger ones get 413. */
  UPLOAD_MAX_BYTES: int(5 * 1024 * 1024, 1),
  /** Total size of the files one user may keep. */
  UPLOAD_QUOTA_MB: int(200, 1),
  /** Uploads per user within RATE_LIMIT_WINDOW_SECONDS. */
  RATE_LIMIT_UPLOADS_PER_USER: int(60, 1),
  /** Uploads that nothing refers to are deleted after this many hours (daily job). */
  ATTACHMENT_ORPHAN_HOURS: int(72, 1),
  /** Owners hear this many days before a document expires (once per document and date). */
  DOCUMENT_EXPIRY_REMINDER_DAYS: int(30, 1),
  /** When the daily expiry check runs (cron, Moscow time). */
  DOCUMENT_EXPIRY_CRON: z.string().min(9).default('0 9 * * *'),
  /** When children who turned 18 leave their parents' accounts (cron, Moscow time; just after midnight, so the birthday counts). */
  FAMILY_COMING_OF_AGE_CRON: z.string().min(9).default('5 0 * * *'),
  /** Largest application form data (JSON bytes). */
  APPLICATION_DATA_MAX_BYTES: int(64 * 1024, 256),
  /** Longest comment on an application and longest status-change comment. */
  APPLICATION_COMMENT_MAX_LENGTH: int(2000, 1),
  /** Comments one user may leave within RATE_LIMIT_WINDOW_SECONDS. */
  RATE_LIMIT_COMMENTS_PER_USER: int(60, 1),

  SMS_GATEWAY_URL: optionalUrl,
  SMS_GATEWAY_TOKEN: z.string().optional(),
  SMS_GATEWAY_TIMEOUT_MS: int(5000, 100),
  /** Country calling codes (comma-separated, digits only) whose phones may receive SMS; others get none (toll fraud). */
  SMS_ALLOWED_COUNTRY_CODES: z
    .string()
    .default('7')
    .transform((v) => v.split(',').map((c) => c.trim().replace(/^\+/, '')).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[1-9]\d{0,2}$/, 'calling codes of 1–3 digits, e.g. 7,375')).min(1)),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default('МФЦ <no-reply@mfc.local>'),

  /** Shared secret of POST /webhooks/sms-status (delivery receipts); the endpoint is off without it. */
  SMS_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** VAPID key pair (base64url, as web-push generates); generated and kept in the database when absent. */
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'mailto: or https: URL').default('mailto:no-reply@mfc.local'),
  /** How long a push service keeps an undelivered push. */
  PUSH_TTL_SECONDS: int(86_400, 0),
  PUSH_TIMEOUT_MS: int(5000, 100),

  ...readsEnv,

  /** Chat: longest message, and messages one person may send per minute. */
  CHAT_MESSAGE_MAX_LENGTH: int(2000, 1),
  CHAT_MESSAGES_PER_MINUTE: int(10, 1),
  /** Feedback: longest text (of a follow-up too). */
  FEEDBACK_TEXT_MAX_LENGTH: int(2000, 1),
  /** Support cases (complaints, help requests) must be answered within these many minutes by priority, or they are flagged. */
  SUPPORT_CRITICAL_MINUTES: int(30, 1),
  SUPPORT_NORMAL_MINUTES: int(120, 1),
  /** An answered case takes follow-ups for this many days after its answer. */
  SUPPORT_CASE_OPEN_DAYS: int(7, 0),
  /** How often the sweep flags complaints past their answer deadline. */
  COMPLAINT_SWEEP_SECONDS: int(60, 1),

  OUTBOX_POLL_MS: int(1000, 10),
  OUTBOX_BATCH_SIZE: int(100, 1),
  DELIVERY_MAX_ATTEMPTS: int(8, 1),
  DELIVERY_BACKOFF_MS: int(2000, 1),
  WORKER_CONCURRENCY: int(10, 1),
  /** A running job's lock lives this long (renewed at half of it); a dead worker's jobs are free again after it. */
  WORKER_LOCK_DURATION_MS: int(6000, 1000),
  /** How often a worker looks for jobs whose worker died (stalled), and retries them. */
  WORKER_STALLED_INTERVAL_MS: int(2000, 500),
  /** Every worker re-creates its repeatable job schedules this often (and whenever Redis reconnects). */
  SCHEDULES_ENSURE_SECONDS: int(300, 5),
  /** How often the recovery sweep re-enqueues delayed work whose job Redis lost (and right after Redis reconnects). */
  RECOVERY_SWEEP_SECONDS: int(300, 5),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 100),
  /** On SIGTERM, /readyz answers 503 this long before the server stops accepting (load balancers notice). */
  SHUTDOWN_READINESS_DELAY_MS: int(5000, 0),
  /** /readyz gives up on a dependency check after this long and reports it unavailable. */
  READINESS_TIMEOUT_MS: int(1000, 50),

  ...graphqlEnv,
  /** Sockets one user may hold open on one API instance; beyond it the socket closes with 4429. */
  WS_MAX_SOCKETS_PER_USER: int(20, 1),
  /** Sockets one IP address may hold open on one API instance (anonymous and signed in). */
  WS_MAX_SOCKETS_PER_IP: int(500, 1),
  /** Active subscriptions on one socket; beyond it a subscription is refused with RATE_LIMITED. */
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: int(50, 1),
  /** A socket that sends no connection_init within this time is closed (4408). */
  WS_CONNECTION_INIT_TIMEOUT_MS: int(5000, 100),
  /** Introspection and the landing page: on outside production unless set. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** Trust X-Forwarded-For from this many proxies in front (0: use the socket address). */
  TRUST_PROXY_HOPS: int(0, 0),
  /** Comma-separated browser origins allowed to call the API (CORS, WebSocket Origin); `*`: any (refused in production). */
  CORS_ORIGINS: z.string().default(''),
  /** How long a browser may cache a CORS preflight answer (Access-Control-Max-Age). */
  CORS_MAX_AGE_SECONDS: int(600, 0),
  /** Life of a signed file link (ticketUrl, calendarUrl, Attachment.url). */
  FILE_LINK_TTL_SECONDS: int(900, 10),

  /** JSON array of OpenID Connect providers (Gosuslugi/ESIA or any other); see the README. */
  SSO_PROVIDERS: jsonOf(z.array(ssoProvider).refine((a) => new Set(a.map((p) => p.id)).size === a.length, 'provider ids must be unique')).default([]),
  /** Life of an SSO state (with its PKCE verifier and nonce) between beginSsoLogin and completeSsoLogin. */
  SSO_STATE_TTL_SECONDS: int(600, 30),
  /** Life of a passkey or signature challenge. */
  AUTH_CHALLENGE_TTL_SECONDS: int(300, 10),
  /** WebAuthn relying party id (a registrable domain); the host of PUBLIC_URL unless set. */
  WEBAUTHN_RP_ID: z.string().min(1).optional(),
  WEBAUTHN_RP_NAME: z.string().min(1).default('МФЦ: личный кабинет'),
  /** Comma-separated origins a passkey ceremony may come from; the origin of PUBLIC_URL unless set. */
  WEBAUTHN_ORIGINS: z.string().optional(),
  /** PEM bundle of the root certificates a signature login's chain must end at; unset: signature login is off. */
  SIGNATURE_TRUSTED_ROOTS: z.string().optional(),
  ...observabilityEnv, ...integrationsEnv, ...signatureEnv, ...scaleEnv, ...realtimeEnv,
});

/** Every variable this module reads; the README's configuration table must list each one. */
export const CONFIG_KEYS = Object.keys(schema.shape) as ReadonlyArray<keyof z.infer<typeof schema>>;

export type Config = Readonly<
  Omit<z.infer<typeof schema>, 'GRAPHQL_INTROSPECTION' | 'JWT_ISSUER' | 'WEBAUTHN_RP_ID' | 'WEBAUTHN_ORIGINS' | 'LOG_PRETTY' | 'PAYMENT_RETURN_URLS' | 'CORS_ORIGINS'> & {
    LOG_PRETTY: boolean;
    PAYMENT_RETURN_URLS: string[];
    GRAPHQL_INTROSPECTION: boolean;
    JWT_ISSUER: string;
    WEBAUTHN_RP_ID: string;
    WEBAUTHN_ORIGINS: string[];
    /** Exact origins, or ['*'] for any (never in production). */
    CORS_ORIGINS: string[];
    isProduction: boolean;
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the given environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const c = result.data;
  const problems: string[] = [];
  if (!c.VAPID_PUBLIC_KEY !== !c.VAPID_PRIVATE_KEY) problems.push('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: give both or neither');
  if (c.JWT_PRIVATE_KEY && !c.JWT_KEY_ID) problems.push('JWT_KEY_ID: required with JWT_PRIVATE_KEY');
  if (c.SMS_GATEWAY_URL && !c.SMS_GATEWAY_TOKEN) problems.push('SMS_GATEWAY_TOKEN: required with SMS_GATEWAY_URL');
  const isProduction = c.NODE_ENV === 'production';
  if (isProduction && !c.SMS_GATEWAY_URL) problems.push('SMS_GATEWAY_URL: required in production');
  if (isProduction && !c.SMTP_URL) problems.push('SMTP_URL: required in production');
  if (isProduction && !c.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY: required in production (openssl rand -base64 32)');
  for (const [name, text] of [['DATA_ENCRYPTION_KEY', c.DATA_ENCRYPTION_KEY ?? ''], ...c.DATA_ENCRYPTION_PREVIOUS_KEYS.split(',').map((k) => ['DATA_ENCRYPTION_PREVIOUS_KEYS', k] as const)] as const) {
    if (text.trim() !== '' && Buffer.from(text.trim(), 'base64').length !== 32) problems.push(`${name}: a key is 32 bytes in base64 (openssl rand -base64 32)`);
  }
  for (const p of c.SSO_PROVIDERS) {
    if (isProduction && p.allowInsecureHttp) problems.push(`SSO_PROVIDERS: provider ${p.id}: allowInsecureHttp is not allowed in production`);
    if (!p.allowInsecureHttp && !p.issuer.startsWith('https://')) problems.push(`SSO_PROVIDERS: provider ${p.id}: the issuer must be https`);
  }
  const origins = (c.WEBAUTHN_ORIGINS ?? new URL(c.PUBLIC_URL).origin).split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of origins) {
    if (!URL.canParse(o) || new URL(o).origin !== o) problems.push(`WEBAUTHN_ORIGINS: ${o} is not an origin (scheme://host[:port])`);
  }
  problems.push(...paymentsProblems(c, isProduction), ...scaleProblems(c));
  const corsOrigins = c.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of corsOrigins) {
    if (o === '*') {
      if (isProduction) problems.push('CORS_ORIGINS: * is not allowed in production; list the exact origins');
    } else if (!URL.canParse(o) || new URL(o).origin !== o) problems.push(`CORS_ORIGINS: ${o} is not an origin (scheme://host[:port])`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...c,
    CORS_ORIGINS: corsOrigins,
    GRAPHQL_INTROSPECTION: c.GRAPHQL_INTROSPECTION ?? !isProduction,
    LOG_PRETTY: c.LOG_PRETTY ?? c.NODE_ENV === 'development',
    JWT_ISSUER: c.JWT_ISSUER ?? c.PUBLIC_URL,
    WEBAUTHN_RP_ID: c.WEBAUTHN_RP_ID ?? new URL(c.PUBLIC_URL).hostname,
    WEBAUTHN_ORIGINS: origins,
    PAYMENT_RETURN_URLS: returnUrls(c.PAYMENT_RETURN_URLS).length > 0 ? returnUrls(c.PAYMENT_RETURN_URLS) : [`${c.PUBLIC_URL.replace(/\/$/, '')}/`],
    isProduction,
  });
}
