/**
 * Public reads: the cache the instances share and the forgiving search, parsed with the rest of
 * the configuration in src/config/env.ts. Each has a row in the README's configuration table.
 */
import { int } from './parsers.js';

export const readsEnv = {
  /** Seconds a public read (catalog, branches, hours, search answers) stays in the Redis cache shared by the instances. */
  PUBLIC_CACHE_TTL_SECONDS: int(600, 0),
  /** Seconds an instance keeps its own copy of a public read; admin changes drop it at once, this only bounds a missed broadcast. */
  PUBLIC_CACHE_LOCAL_SECONDS: int(30, 0),
  /** Access tokens whose ES256 signature was verified, remembered by their exact text (expiry and key rechecked on use); 0: verify every time. */
  JWT_VERIFY_CACHE_SIZE: int(10000, 0),
  /** `Cache-Control: max-age` of a query that reads only public, slow-changing data (catalog, regions, branches, hours); 0: no hints. */
  HTTP_CACHE_MAX_AGE_SECONDS: int(60, 0),
  /** Catalog search: synonyms are re-read this often; fewer results than SEARCH_FUZZY_BELOW turn typo tolerance on; suggestions at most. */
  SEARCH_SYNONYM_CACHE_SECONDS: int(60, 0),
  SEARCH_FUZZY_BELOW: int(1, 0),
  SEARCH_SUGGESTIONS_MAX: int(5, 1),
};
