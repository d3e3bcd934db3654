/**
 * Machine clients: admins create them (the secret is answered once), rotate their key and revoke
 * them. Every request with `Authorization: ApiKey` is checked here: the key's keyed hash must be
 * a live client's. Use is recorded coalesced (at most once per API_KEY_LAST_USED_WRITE_SECONDS per
 * client and instance), and counted against a per-key fixed-window limit in Redis.
 */
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import type { ApiClientPrincipal, ApiScopeName } from '../../shared/auth/api-client.js';
import { badField, forbidden, notFound } from '../../shared/errors.js';
import { hashApiKey, keyPrefixOf, looksLikeApiKey, newApiKeySecret } from './api-keys.rules.js';
import * as repo from './api-clients.repository.js';
import type { ApiClientRow } from './api-clients.repository.js';
import type { IntegrationsDeps } from './integrations.deps.js';

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  allowed: boolean;
}

export class ApiClientsService {
  private readonly lastWrites = new Map<string, number>();

  constructor(private readonly deps: IntegrationsDeps) {}

  async list(viewer: Viewer): Promise<ApiClientRow[]> {
    requireAdmin(viewer);
    return repo.listClients(this.deps.db);
  }

  async create(viewer: Viewer, input: { name: string; scopes: readonly ApiScopeName[]; branchIds?: readonly string[] | null }): Promise<{ client: ApiClientRow; secret: string }> {
    requireAdmin(viewer);
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) throw badField('name', 'Название: от 1 до 100 символов');
    if (input.scopes.length === 0) throw badField('scopes', 'Нужна хотя бы одна область доступа');
    const branchIds = [...new Set(input.branchIds ?? [])];
    await this.checkBranches(branchIds);
    const secret = newApiKeySecret();
    const client = await repo.insertClient(this.deps.db, {
      name,
      scopes: [...new Set(input.scopes)],
      branchIds,
      keyPrefix: keyPrefixOf(secret),
      keyHash: hashApiKey(this.deps.apiKeyHashKey, secret),
      createdBy: viewer.userId,
      createdAt: this.deps.clock.now(),
    });
    return { client, secret };
  }

  /** A new secret; the old one stops working at once. */
  async rotate(viewer: Viewer, id: string): Promise<{ client: ApiClientRow; secret: string }> {
    requireAdmin(viewer);
    const secret = newApiKeySecret();
    const client = await repo.replaceKey(this.deps.db, id, { keyHash: hashApiKey(this.deps.apiKeyHashKey, secret), keyPrefix: keyPrefixOf(secret) });
    if (!client) throw notFound('Клиент API');
    return { client, secret };
  }

  async revoke(viewer: Viewer, id: string): Promise<ApiClientRow> {
    requireAdmin(viewer);
    const client = await repo.revoke(this.deps.db, id, this.deps.clock.now());
    if (!client) throw notFound('Клиент API');
    return client;
  }

  /** The principal of a key, or null when no live client has it. Records the use, coalesced. */
  async authenticate(secret: string): Promise<ApiClientPrincipal | null> {
    if (!looksLikeApiKey(secret)) return null;
    const row = await repo.findLiveByHash(this.deps.db, hashApiKey(this.deps.apiKeyHashKey, secret));
    if (!row) return null;
    await this.recordUse(row.id);
    return { clientId: row.id, name: row.name, scopes: row.scopes as ApiScopeName[], branchIds: row.branchIds };
  }

  /** Counts one request of the client in the current minute (fixed window in Redis). */
  async consume(clientId: string): Promise<RateLimitState> {
    const { redis, config, log } = this.deps;
    const limit = config.API_KEY_RATE_LIMIT_PER_MINUTE;
    const key = `${config.REDIS_PREFIX}rl:apikey:${clientId}`;
    try {
      const res = await redis.multi().incr(key).expire(key, 60, 'NX').ttl(key).exec();
      const count = Number(res?.[0]?.[1] ?? 0);
      const ttl = Number(res?.[2]?.[1] ?? 60);
      const resetSeconds = ttl > 0 ? ttl : 60;
      return { limit, remaining: Math.max(0, limit - count), resetSeconds, allowed: count <= limit };
    } catch (err) {
      log.warn({ err }, 'API key rate limiter unavailable: request let through');
      return { limit, remaining: limit, resetSeconds: 60, allowed: true };
    }
  }

  private async recordUse(clientId: string): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const last = this.lastWrites.get(clientId);
    if (last !== undefined && now - last < this.deps.config.API_KEY_LAST_USED_WRITE_SECONDS * 1000) return;
    this.lastWrites.set(clientId, now);
    await repo.touch(this.deps.db, clientId, new Date(now));
  }

  private async checkBranches(ids: readonly string[]): Promise<void> {
    const malformed = ids.findIndex((id) => !/^[0-9a-f-]{36}$/i.test(id));
    if (malformed >= 0) throw badField(`branchIds.${malformed}`, 'Отделение не найдено');
    const found = new Set((await this.deps.branches.branchesByIds(ids)).map((b) => b.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw badField(`branchIds.${missing}`, 'Отделение не найдено');
  }
}

function requireAdmin(viewer: Viewer): void {
  if (!hasRole(viewer, 'ADMIN')) throw forbidden();
}
