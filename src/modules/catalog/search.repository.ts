/**
 * The search's own tables (private to the catalog module): the synonym dictionary admins edit, and
 * the catalog's word list pg_trgm corrects typos against, rebuilt with every catalog edit.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { searchSynonyms } from '../../db/schema/index.js';

export type SynonymRow = typeof searchSynonyms.$inferSelect;

export async function listSynonyms(db: Executor): Promise<SynonymRow[]> {
  return db.select().from(searchSynonyms).orderBy(asc(searchSynonyms.phrase));
}

/** Adds the phrase or changes its expansion. */
export async function upsertSynonym(db: Executor, p: { phrase: string; expansion: string; now: Date }): Promise<SynonymRow> {
  const [row] = await db
    .insert(searchSynonyms)
    .values({ phrase: p.phrase, expansion: p.expansion, createdAt: p.now, updatedAt: p.now })
    .onConflictDoUpdate({ target: searchSynonyms.phrase, set: { expansion: p.expansion, updatedAt: p.now } })
    .returning();
  if (!row) throw new Error('upsert search_synonyms returned nothing');
  return row;
}

export async function deleteSynonym(db: Executor, phrase: string): Promise<boolean> {
  const rows = await db.delete(searchSynonyms).where(eq(searchSynonyms.phrase, phrase)).returning({ id: searchSynonyms.id });
  return rows.length > 0;
}

/**
 * The closest catalog word (pg_trgm similarity above its threshold, 0.3) for each word that is not
 * itself in the catalog's vocabulary; words with no close one are left out. One statement.
 */
export async function closestWords(db: Executor, words: readonly string[]): Promise<Map<string, string>> {
  if (words.length === 0) return new Map();
  const rows = await db.execute<{ input: string; fix: string | null }>(sql`
    SELECT q.w AS input,
           (SELECT s.word FROM search_words s WHERE s.word % q.w ORDER BY similarity(s.word, q.w) DESC, s.word LIMIT 1) AS fix
    FROM unnest(${sql.param([...words])}::text[]) AS q(w)
    WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = q.w)`);
  return new Map([...rows].filter((r): r is { input: string; fix: string } => r.fix !== null).map((r) => [r.input, r.fix]));
}

/** Titles of active services most like the text (pg_trgm word_similarity), for suggestions. */
export async function similarTitles(db: Executor, text: string, limit: number): Promise<string[]> {
  const rows = await db.execute<{ title: string }>(sql`
    SELECT title FROM services
    WHERE archived_at IS NULL AND word_similarity(${text}, lower(title)) >= 0.45
    ORDER BY word_similarity(${text}, lower(title)) DESC, title LIMIT ${limit}`);
  return [...rows].map((r) => r.title);
}

/** The vocabulary again from the active services and the synonyms' phrases (inside the edit's transaction). */
export async function rebuildWords(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM search_words`);
  await db.execute(sql`
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM (
      SELECT regexp_split_to_table(translate(lower(title || ' ' || description), 'ё', 'е'), '[^а-яa-z0-9]+') AS w FROM services WHERE archived_at IS NULL
      UNION ALL
      SELECT regexp_split_to_table(phrase, ' ') FROM search_synonyms
    ) t
    WHERE length(w) >= 3
    ON CONFLICT DO NOTHING`);
}
