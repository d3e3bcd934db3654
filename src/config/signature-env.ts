/**
 * Revocation checks of the signature login (CRLs named by the certificates), parsed with the rest
 * of the configuration in src/config/env.ts. Each has a row in the README's configuration table.
 */
import { z } from 'zod';
import { int } from './parsers.js';

export const signatureEnv = {
  /** require: a CRL that cannot be fetched, is unsigned by the issuer or stale refuses the login; prefer: it passes, logged; off. */
  SIGNATURE_REVOCATION: z.enum(['require', 'prefer', 'off']).default('prefer'),
  SIGNATURE_CRL_TIMEOUT_MS: int(5000, 100),
  SIGNATURE_CRL_CACHE_SECONDS: int(3600, 0),
};
