/**
 * Revocation checks of the certificates of signature logins, bindings and signed documents (the
 * CRLs and OCSP responders the certificates name), parsed with the rest
 * of the configuration in src/config/env.ts. Each has a row in the README's configuration table.
 */
import { z } from 'zod';
import { int } from './parsers.js';

export const signatureEnv = {
  /** require: no valid CRL or OCSP answer (unreachable, unsigned by the issuer or stale) refuses the certificate; prefer: it passes, logged; off. */
  SIGNATURE_REVOCATION: z.enum(['require', 'prefer', 'off']).default('prefer'),
  SIGNATURE_CRL_TIMEOUT_MS: int(5000, 100),
  SIGNATURE_CRL_CACHE_SECONDS: int(3600, 0),
  /** How long an OCSP answer is kept at most (less when its nextUpdate comes first). */
  SIGNATURE_OCSP_CACHE_SECONDS: int(300, 0),
};
