/**
 * The search that forgives: Russian full text as before, with colloquial phrases read through the
 * synonym dictionary (a table admins edit, cached here for SEARCH_SYNONYM_CACHE_SECONDS), and, only
 * when that finds fewer than SEARCH_FUZZY_BELOW services, typos corrected against the catalog's own
 * words with pg_trgm, any of the words, and titles similar to the text. When full text finds enough
 * (the usual case) a search is one SQL statement; the synonyms come from memory.
 */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { SHORT_QUERY } from './catalog.rules.js';
import * as repo from './catalog.repository.js';
import type { ServiceRow, ServiceSearch } from './catalog.repository.js';
import * as words from './search.repository.js';
import type { SynonymRow } from './search.repository.js';
import { anyWordQuery, applySynonyms, correctable, corrected, normalizePhrase, normalizeWords, queryVariants, suggestionList, type Synonym } from './search.rules.js';

export interface SearchDeps {
  config: Config;
  db: Database;
  clock: Clock;
  /** After a dictionary edit: the shared cache of search answers is dropped (src/shared/public-cache.ts). */
  changed?: () => Promise<void>;
}

export type SearchFilter = Omit<ServiceSearch, 'variants' | 'titlePrefix' | 'similarTo'>;

export class CatalogSearch {
  private cache: { synonyms: Synonym[]; loadedAt: number } | null = null;

  constructor(private readonly deps: SearchDeps) {}

  /** A page of services for the text (null: no text, by title), forgiving when full text finds little. */
  async search(text: string | null | undefined, filter: SearchFilter): Promise<{ rows: ServiceRow[]; total: number }> {
    const { db, config } = this.deps;
    const typed = normalizeWords(text ?? '');
    if (typed.length === 0) return repo.searchServices(db, { ...filter, variants: [], titlePrefix: null });
    const synonyms = await this.synonyms();
    const variants = queryVariants(typed, synonyms);
    const titlePrefix = text && text.trim().length <= SHORT_QUERY ? text.trim() : null;
    const exact = await repo.searchServices(db, { ...filter, variants, titlePrefix });
    if (exact.total >= config.SEARCH_FUZZY_BELOW) return exact;
    const fixed = corrected(typed, await words.closestWords(db, correctable(typed)));
    // Any of the words and similar titles only when all the words together found nothing: otherwise they are noise below a good answer.
    const nothing = exact.total === 0;
    const anyWord = nothing ? anyWordQuery(fixed ?? typed) : null;
    const more = [...variants, ...(fixed ? queryVariants(fixed, synonyms) : []), anyWord].filter((v): v is string => Boolean(v));
    const forgiving = await repo.searchServices(db, { ...filter, variants: [...new Set(more)], titlePrefix, similarTo: nothing ? typed.join(' ') : null });
    return forgiving.total > exact.total ? forgiving : exact;
  }

  /** "Возможно, вы имели в виду": corrected spellings, the dictionary's readings and similar titles. */
  async suggestions(text: string): Promise<string[]> {
    const { db, config } = this.deps;
    const typed = normalizeWords(text).slice(0, 12);
    if (typed.length === 0) return [];
    const synonyms = await this.synonyms();
    const fixed = corrected(typed, await words.closestWords(db, correctable(typed)));
    const read = (ws: string[] | null): string | null => (ws ? (applySynonyms(ws, synonyms)?.join(' ') ?? null) : null);
    const titles = await words.similarTitles(db, typed.join(' '), config.SEARCH_SUGGESTIONS_MAX);
    return suggestionList(typed, [read(typed), fixed?.join(' ') ?? null, read(fixed), ...titles], config.SEARCH_SUGGESTIONS_MAX);
  }

  // ---------------------------------------------------------------- the dictionary (admins)

  async listSynonyms(viewer: Viewer): Promise<SynonymRow[]> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    return words.listSynonyms(this.deps.db);
  }

  /** Adds a phrase or changes its expansion; in effect here at once, elsewhere within the cache's lifetime. */
  async setSynonym(viewer: Viewer, input: { phrase: string; expansion: string }): Promise<SynonymRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const phrase = normalizePhrase(input.phrase);
    const expansion = normalizePhrase(input.expansion);
    const problems = [];
    if (!phrase || phrase.length > 100) problems.push({ field: 'phrase', message: 'Фраза: от 1 до 100 символов (буквы и цифры)' });
    if (!expansion || expansion.length > 200) problems.push({ field: 'expansion', message: 'Замена: от 1 до 200 символов (буквы и цифры)' });
    if (phrase && phrase === expansion) problems.push({ field: 'expansion', message: 'Замена совпадает с фразой' });
    if (problems.length > 0) throw badInput(problems);
    const row = await this.deps.db.transaction(async (tx) => {
      const saved = await words.upsertSynonym(tx, { phrase, expansion, now: this.deps.clock.now() });
      await words.rebuildWords(tx);
      return saved;
    });
    this.cache = null;
    await this.deps.changed?.();
    return row;
  }

  async deleteSynonym(viewer: Viewer, rawPhrase: string): Promise<boolean> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const deleted = await this.deps.db.transaction(async (tx) => {
      const gone = await words.deleteSynonym(tx, normalizePhrase(rawPhrase));
      if (gone) await words.rebuildWords(tx);
      return gone;
    });
    if (!deleted) throw notFound('Синоним');
    this.cache = null;
    await this.deps.changed?.();
    return true;
  }

  /** The catalog changed: its vocabulary follows. */
  rebuildWords(): Promise<void> {
    return words.rebuildWords(this.deps.db);
  }

  private async synonyms(): Promise<Synonym[]> {
    const now = this.deps.clock.now().getTime();
    if (!this.cache || now - this.cache.loadedAt > this.deps.config.SEARCH_SYNONYM_CACHE_SECONDS * 1000) {
      const rows = await words.listSynonyms(this.deps.db);
      this.cache = { synonyms: rows.map((r) => ({ phrase: r.phrase, expansion: r.expansion })), loadedAt: now };
    }
    return this.cache.synonyms;
  }
}
