/**
 * How a citizen's words become the catalog search (pure, unit-tested in search.rules.test.ts):
 * normalized words, colloquial phrases replaced by the catalog's words (the synonym dictionary),
 * and the alternatives the repository tries in order: the replaced words, the words as typed,
 * then (only when those find little) the typos corrected and any of the words.
 */
import { toTsQuery } from './catalog.rules.js';

/** A synonym as the search uses it: phrase already normalized. */
export interface Synonym {
  phrase: string;
  expansion: string;
}

/** Lower case, ё as е, letters and digits only, single spaces. */
export function normalizeWords(text: string): string[] {
  return text.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
}

export const normalizePhrase = (text: string): string => normalizeWords(text).join(' ');

/**
 * The words with every dictionary phrase (whole words, longest first) replaced by its expansion;
 * null when no phrase occurs.
 */
export function applySynonyms(words: readonly string[], synonyms: readonly Synonym[]): string[] | null {
  const sorted = [...synonyms].sort((a, b) => b.phrase.split(' ').length - a.phrase.split(' ').length || b.phrase.length - a.phrase.length);
  let out = [...words];
  let replaced = false;
  for (const s of sorted) {
    const p = s.phrase.split(' ');
    for (let i = 0; i + p.length <= out.length; i++) {
      if (p.every((w, j) => out[i + j] === w)) {
        out = [...out.slice(0, i), ...normalizeWords(s.expansion).map((w) => `\u0000${w}`), ...out.slice(i + p.length)];
        replaced = true;
      }
    }
  }
  // Expanded words are marked while replacing so one expansion is never expanded again.
  return replaced ? out.map((w) => w.replace(/^\u0000/, '')) : null;
}

/** Any of the words (an OR query): the last resort when every word together finds little. */
export function anyWordQuery(words: readonly string[]): string | null {
  const long = words.filter((w) => w.length >= 3);
  if (long.length < 2) return null;
  return long.map((w) => `${w}:*`).join(' | ');
}

/** The full-text alternatives of a query, best first, without repeats. */
export function queryVariants(words: readonly string[], synonyms: readonly Synonym[]): string[] {
  const replaced = applySynonyms(words, synonyms);
  // A dictionary's words are whole words: no prefix match ("инн:*" would find "инвалидов").
  const variants = [replaced && replaced.length > 0 ? replaced.join(' & ') : null, toTsQuery(words.join(' '))];
  return [...new Set(variants.filter((v): v is string => Boolean(v)))];
}

/**
 * Words worth correcting: not a number and long enough for trigrams to mean something. The
 * repository answers the closest catalog word for each (or none).
 */
export const correctable = (words: readonly string[]): string[] => [...new Set(words.filter((w) => w.length >= 4 && !/^\p{N}+$/u.test(w)))];

/** The query with corrections applied, or null when nothing changed. */
export function corrected(words: readonly string[], fixes: ReadonlyMap<string, string>): string[] | null {
  const out = words.map((w) => fixes.get(w) ?? w);
  return out.some((w, i) => w !== words[i]) ? out : null;
}

/** "Возможно, вы имели в виду": the corrected phrase and the synonyms' readings, never the input itself, at most `limit`. */
export function suggestionList(input: readonly string[], candidates: ReadonlyArray<string | null>, limit: number): string[] {
  const typed = input.join(' ');
  const out: string[] = [];
  for (const c of candidates) {
    if (c && c !== typed && !out.includes(c)) out.push(c);
  }
  return out.slice(0, limit);
}
