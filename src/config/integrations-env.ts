/**
 * The variables of machine clients, trusted documents and webhooks (issue 16), spread into the
 * schema of env.ts. Every one has a row in the README's configuration table.
 */
import { z } from 'zod';
import { bool, int } from './parsers.js';

export const integrationsEnv = {
  /** Key of the HMAC-SHA256 that API keys are stored as (≥ 32 characters); generated and kept in the database when absent. */
  API_KEY_HASH_KEY: z.string().min(32).optional(),
  /** Requests one API key may make per minute (RateLimit-* headers; 429 with Retry-After beyond). */
  API_KEY_RATE_LIMIT_PER_MINUTE: int(600, 1),
  /** last_used_at of an API key is written at most this often per instance (uses in between are coalesced). */
  API_KEY_LAST_USED_WRITE_SECONDS: int(60, 1),
  /** JSON file { sha256: document } of trusted (persisted) documents, as codegen's persistedDocuments emits; loaded into Redis at start. */
  TRUSTED_DOCUMENTS_MANIFEST: z.string().optional(),
  /** Refuse documents not in the manifest from callers without an API key (PERSISTED_QUERY_NOT_FOUND / TRUSTED_DOCUMENT_REQUIRED). */
  TRUSTED_DOCUMENTS_ONLY: bool.default(false),
  /** Webhooks: allow targets on private, loopback and link-local addresses (on-premises). Unset: refused in production, allowed elsewhere. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.optional(),
  /** A delivery is retried with exponential backoff (first delay below, doubling, capped) for this many hours. */
  WEBHOOK_RETRY_HOURS: z.coerce.number().positive().default(24),
  WEBHOOK_BACKOFF_FIRST_MS: int(30_000, 1),
  WEBHOOK_BACKOFF_MAX_MS: int(3_600_000, 1),
  /** An endpoint whose deliveries have failed for this many hours in a row is switched off and the admins are told. */
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().positive().default(24),
  /** One delivery attempt gives up after this long. */
  WEBHOOK_TIMEOUT_MS: int(10_000, 100),
  /** Webhook jobs one worker process runs at once (they mostly wait on the receivers, so it may be set above WORKER_CONCURRENCY). */
  WEBHOOK_CONCURRENCY: int(10, 1),
};
