import { describe, expect, it } from 'vitest';
import { anyWordQuery, applySynonyms, corrected, correctable, normalizeWords, queryVariants, suggestionList } from './search.rules.js';

const dict = [
  { phrase: 'права', expansion: 'водительское удостоверение' },
  { phrase: 'международные права', expansion: 'международное водительское удостоверение' },
  { phrase: 'идентификационный номер налогоплательщика', expansion: 'инн' },
];

describe('search rules', () => {
  it('normalizes words: lower case, ё as е, letters and digits only', () => {
    expect(normalizeWords('  Ёлка, 3-НДФЛ!  ')).toEqual(['елка', '3', 'ндфл']);
  });

  it('replaces whole phrases, the longest first, never re-expanding an expansion', () => {
    expect(applySynonyms(['права'], dict)).toEqual(['водительское', 'удостоверение']);
    expect(applySynonyms(['международные', 'права'], dict)).toEqual(['международное', 'водительское', 'удостоверение']);
    expect(applySynonyms(['правая'], dict)).toBeNull();
  });

  it('tries the dictionary\'s reading (whole words) before the words as typed (last one a prefix)', () => {
    expect(queryVariants(['идентификационный', 'номер', 'налогоплательщика'], dict)).toEqual(['инн', 'идентификационный & номер & налогоплательщика:*']);
    expect(queryVariants(['паспорт'], dict)).toEqual(['паспорт:*']);
  });

  it('corrects only words worth it, and says when nothing changed', () => {
    expect(correctable(['паспрт', 'ип', '2026', 'паспрт'])).toEqual(['паспрт']);
    expect(corrected(['паспрт', 'рф'], new Map([['паспрт', 'паспорт']]))).toEqual(['паспорт', 'рф']);
    expect(corrected(['паспорт'], new Map())).toBeNull();
    expect(anyWordQuery(['открыть', 'ип', 'быстро'])).toBe('открыть:* | быстро:*');
    expect(anyWordQuery(['паспорт'])).toBeNull();
  });

  it('suggests distinct readings, never the input, at most the limit', () => {
    expect(suggestionList(['паспрт'], ['паспорт', null, 'паспорт', 'паспрт', 'Выдача паспорта'], 2)).toEqual(['паспорт', 'Выдача паспорта']);
  });
});
