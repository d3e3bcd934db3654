/**
 * A cache of PUBLIC reads (the catalog, branches and their hours, search answers) shared by every
 * API instance through Redis, with a copy in each instance's memory. Never for anything personal
 * and never for live figures (the load): only data every visitor may see and only admins change.
 *
 * Invalidation is by namespace version: an admin change, once committed, calls invalidate(ns),
 * which increments the namespace's version in Redis and broadcasts it; every instance drops its
 * in-memory copies of the namespace at once and reads under the new version (older Redis entries
 * are simply never read again and expire). Should an instance miss the broadcast (a Redis
 * reconnect), its in-memory copies still expire after PUBLIC_CACHE_LOCAL_SECONDS.
 */
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { defineTopic, type AppPubSub, type TopicEvents } from './pubsub.js';

export interface PublicCache {
  /**
   * The value of `key` in namespace `ns`: from memory, else from Redis, else `load()` (then kept in
   * both). `revive` rebuilds what JSON loses (dates) from a Redis copy.
   */
  get<T>(ns: string, key: string, load: () => Promise<T>, revive?: (parsed: unknown) => T): Promise<T>;
  /** After a committed change of `ns`: every instance reads it afresh from now on. */
  invalidate(ns: string): Promise<void>;
}

const invalidated = defineTopic<{ ns: string; version: number }>('public-cache.invalidated');

interface Entry {
  at: number;
  value: unknown;
}

const LOCAL_MAX = 20_000;

export class RedisPublicCache implements PublicCache {
  private readonly local = new Map<string, Entry>();
  private readonly versions = new Map<string, number>();
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly events: TopicEvents<{ ns: string; version: number }>;

  constructor(
    private readonly deps: { redis: Redis; pubsub: AppPubSub; prefix: string; ttlSeconds: number; localSeconds: number; log: Logger; now?: () => number },
  ) {
    this.events = deps.pubsub.subscribe(invalidated);
    void this.listen();
  }

  async get<T>(ns: string, key: string, load: () => Promise<T>, revive: (parsed: unknown) => T = (p) => p as T): Promise<T> {
    const version = await this.version(ns);
    const id = `${ns}:${version}:${key}`;
    const hit = this.local.get(id);
    if (hit && this.now() - hit.at < this.deps.localSeconds * 1000) return hit.value as T;
    const running = this.loading.get(id);
    if (running) return running as Promise<T>;
    const read = this.read(id, load, revive).finally(() => this.loading.delete(id));
    this.loading.set(id, read);
    const value = await read;
    if (this.local.size >= LOCAL_MAX) this.local.clear();
    if (this.versions.get(ns) === version) this.local.set(id, { at: this.now(), value });
    return value;
  }

  async invalidate(ns: string): Promise<void> {
    const version = await this.deps.redis.incr(this.versionKey(ns));
    this.apply(ns, version);
    this.deps.pubsub.publish(invalidated, { ns, version });
  }

  async close(): Promise<void> {
    await this.events.return?.();
  }

  private async read<T>(id: string, load: () => Promise<T>, revive: (parsed: unknown) => T): Promise<T> {
    const key = `${this.deps.prefix}cache:${id}`;
    try {
      const cached = await this.deps.redis.get(key);
      if (cached !== null) return revive(JSON.parse(cached));
    } catch (err) {
      this.deps.log.warn({ err: String(err) }, 'public cache: Redis read failed, reading the database');
    }
    const value = await load();
    this.deps.redis.set(key, JSON.stringify(value), 'EX', this.deps.ttlSeconds).catch((err: unknown) => this.deps.log.warn({ err: String(err) }, 'public cache: Redis write failed'));
    return value;
  }

  /** The namespace's version as this instance knows it (read from Redis once, then kept by the broadcasts). */
  private async version(ns: string): Promise<number> {
    const known = this.versions.get(ns);
    if (known !== undefined) return known;
    const stored = Number((await this.deps.redis.get(this.versionKey(ns))) ?? 0);
    const version = Math.max(stored, this.versions.get(ns) ?? 0);
    this.versions.set(ns, version);
    return version;
  }

  private apply(ns: string, version: number): void {
    if ((this.versions.get(ns) ?? -1) >= version) return;
    this.versions.set(ns, version);
    for (const id of this.local.keys()) if (id.startsWith(`${ns}:`)) this.local.delete(id);
  }

  private async listen(): Promise<void> {
    try {
      for await (const e of this.events) this.apply(e.ns, e.version);
    } catch (err) {
      this.deps.log.warn({ err: String(err) }, 'public cache: invalidation feed ended');
    }
  }

  private versionKey(ns: string): string {
    return `${this.deps.prefix}cache:v:${ns}`;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }
}

/** JSON turns dates into strings: these fields of each row become dates again. */
export function reviveDates<T>(fields: readonly string[]): (row: unknown) => T {
  return (row) => {
    const r = row as Record<string, unknown>;
    for (const f of fields) if (typeof r[f] === 'string') r[f] = new Date(r[f]);
    return r as T;
  };
}

/** The namespace of every public read: any admin change of the catalog or of branches drops them all. */
export const PUBLIC_READS = 'public';

/**
 * The cache of each application, by its database handle: per-request loaders are made from the
 * handle alone (`catalogLoaders(ctx, db)`), so they find the application's cache here. Registered
 * once by the infrastructure; absent (plain SQL) where an application has none.
 */
const cacheByDb = new WeakMap<object, PublicCache>();

export function registerPublicCache(db: object, cache: PublicCache): void {
  cacheByDb.set(db, cache);
}

export function publicCacheOf(db: object): PublicCache | undefined {
  return cacheByDb.get(db);
}
