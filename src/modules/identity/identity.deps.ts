/** What the identity services need from the application; createIdentityModule builds it once. */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { ExternalAccounts } from '../accounts/index.js';

/** What citizens sign beyond login: a version of an application, a profile change request. */
export type SignedDocumentKind = 'APPLICATION_VERSION' | 'PROFILE_CHANGE_REQUEST';

/** A document's canonical serialization (what is signed) and its owner. */
export interface SignableDocument {
  ownerId: string;
  /** The application's version (the latest when none was asked); 1 for a profile change request. */
  version: number;
  /** The canonical text; its UTF-8 bytes are what the key signs. */
  text: string;
}

/**
 * The owners of signable documents (applications, family's profile changes; src/app.ts fills it):
 * the document as the viewer may see it (the owner, staff who may), or null.
 */
export interface SignableDocuments {
  find(viewer: Viewer, kind: SignedDocumentKind, id: string, version: number | null): Promise<SignableDocument | null>;
}

export interface IdentityDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
  rateLimiter: RateLimiter;
  /** Key of the keyed hashes (the SSO state's look-up hash). */
  hashKey: string;
  /** What external logins may do with accounts (accounts' door). */
  accounts: ExternalAccounts;
  /** Seals personal data at rest (a bound certificate's chain and subject name the SNILS). */
  cipher: FieldCipher;
  /** The documents citizens sign with bound certificates. */
  documents: SignableDocuments;
}
