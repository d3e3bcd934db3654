/** What the integrations module is built from: the core, the rate limiter's Redis, the queues, and ports to other modules. */
import type { Redis } from 'ioredis';
import type { Executor } from '../../db/client.js';
import type { Queues } from '../../jobs/queues.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import type { CoreDeps } from '../../shared/module.js';

/** Which branch ids exist (the branches module's directory fits it). */
export interface BranchLookup {
  branchesByIds(ids: readonly string[], tx?: Executor): Promise<Array<{ id: string }>>;
}

/** Tells the admins something (the notifications module, through a port built in src/app.ts). */
export interface AdminNotices {
  webhookEndpointDisabled(tx: Executor, endpoint: { id: string; url: string; failingSinceHours: number }): Promise<void>;
}

export interface IntegrationsDeps extends CoreDeps {
  redis: Redis;
  queues: Pick<Queues, 'get'>;
  cipher: FieldCipher;
  /** HMAC key of stored API keys (API_KEY_HASH_KEY or the generated one). */
  apiKeyHashKey: string;
  branches: BranchLookup;
  admins: AdminNotices;
}
