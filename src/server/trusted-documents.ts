/**
 * Trusted (persisted) documents. The manifest (TRUSTED_DOCUMENTS_MANIFEST: JSON { sha256: document },
 * as codegen's client preset emits with `persistedDocuments`) is checked (each hash must be the
 * SHA-256 of its document) and written to Redis at start, so every instance serves the ids any
 * instance loaded. A request may then send an id instead of the text, in either shape:
 * `extensions.persistedQuery.sha256Hash` (APQ) or `documentId` (`<hash>` or `sha256:<hash>`).
 * An unknown id answers PERSISTED_QUERY_NOT_FOUND. With TRUSTED_DOCUMENTS_ONLY=true a caller
 * without an API key may run only manifest documents (by id or by their exact text); anything
 * else is refused with TRUSTED_DOCUMENT_REQUIRED. API clients may send any document.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.js';
import type { Principal } from './principal.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const CACHE_MAX = 5000;

export class TrustedDocuments {
  private readonly cache = new Map<string, string>();
  private readonly key: string;

  constructor(private readonly deps: { redis: Redis; config: Config }) {
    this.key = `${deps.config.REDIS_PREFIX}trusted-documents`;
  }

  /** Loads the manifest into Redis; throws on a file that is not a { sha256: document } map. */
  async load(): Promise<number> {
    const path = this.deps.config.TRUSTED_DOCUMENTS_MANIFEST;
    if (!path) return 0;
    const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path}: not a JSON object of { sha256: document }`);
    const entries = Object.entries(parsed as Record<string, unknown>);
    for (const [hash, doc] of entries) {
      if (typeof doc !== 'string' || sha256(doc) !== hash.replace(/^sha256:/, '')) throw new Error(`${path}: ${hash} is not the SHA-256 of its document`);
    }
    if (entries.length > 0) await this.deps.redis.hset(this.key, Object.fromEntries(entries.map(([h, d]) => [h.replace(/^sha256:/, ''), d as string])));
    return entries.length;
  }

  /** The document of an id, or null. */
  async lookup(hash: string): Promise<string | null> {
    const id = hash.replace(/^sha256:/, '').toLowerCase();
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const doc = /^[0-9a-f]{64}$/.test(id) ? await this.deps.redis.hget(this.key, id) : null;
    if (doc !== null) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(id, doc);
    }
    return doc;
  }

  /** Whether a document's exact text is in the manifest. */
  async isTrusted(query: string): Promise<boolean> {
    return (await this.lookup(sha256(query))) !== null;
  }

  /**
   * Resolves a request's document id into its text, and applies TRUSTED_DOCUMENTS_ONLY. Answers
   * the error to send, or null when the request may go on (with `query` filled in).
   */
  async resolve(request: { query?: unknown; documentId?: unknown; extensions?: unknown }, principal: Principal): Promise<{ message: string; extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' | 'TRUSTED_DOCUMENT_REQUIRED' } } | null> {
    const id = idOf(request);
    if (id && typeof request.query !== 'string') {
      const doc = await this.lookup(id);
      if (doc === null) return { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' as const } };
      request.query = doc;
      delete request.documentId;
      if (isRecord(request.extensions)) delete request.extensions.persistedQuery;
      return null;
    }
    if (!this.deps.config.TRUSTED_DOCUMENTS_ONLY || principal.kind === 'client' || typeof request.query !== 'string') return null;
    if (await this.isTrusted(request.query)) return null;
    return { message: 'Этот сервер выполняет только доверенные документы (persisted documents): отправьте documentId', extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED' as const } };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function idOf(request: { documentId?: unknown; extensions?: unknown }): string | null {
  if (typeof request.documentId === 'string') return request.documentId;
  const pq = isRecord(request.extensions) ? request.extensions.persistedQuery : null;
  return isRecord(pq) && typeof pq.sha256Hash === 'string' ? pq.sha256Hash : null;
}

/** Express middleware for /graphql (after the principal): POST bodies and GET parameters. */
export function trustedDocumentsMiddleware(store: TrustedDocuments, principalOf: (res: Response) => Principal) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const fromGet = req.method === 'GET';
      const request: { query?: unknown; documentId?: unknown; extensions?: unknown } = fromGet ? { ...(req.query as Record<string, unknown>) } : isRecord(req.body) ? (req.body) : {};
      if (fromGet && typeof request.extensions === 'string') request.extensions = safeJson(request.extensions);
      const refusal = await store.resolve(request, principalOf(res));
      if (refusal) {
        res.status(refusal.extensions.code === 'PERSISTED_QUERY_NOT_FOUND' ? 200 : 400).json({ errors: [refusal] });
        return;
      }
      if (fromGet && typeof request.query === 'string') {
        // Apollo reads a GET request from its URL: put the resolved text there.
        const url = new URL(req.url, 'http://local');
        url.searchParams.set('query', request.query);
        url.searchParams.set('extensions', JSON.stringify(request.extensions ?? {}));
        req.url = `${url.pathname}${url.search}`;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
