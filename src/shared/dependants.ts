/**
 * A citizen's dependants as bookings and applications ask about them (a port: the family module
 * implements it and src/app.ts hands it over, so those modules do not depend on family). Another
 * citizen's dependant, or one who left the account, is answered like an unknown id.
 */
import type { Executor } from '../db/client.js';

export interface DependantView {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  snils: string | null;
  /** The operator's check of the birth certificate or guardianship decision. */
  verification: 'UNVERIFIED' | 'PENDING' | 'VERIFIED' | 'REJECTED';
}

/** A dependant's document as the required-documents check and the prefill read it. */
export interface DependantDocumentView {
  kind: string;
  series: string | null;
  number: string;
  issuedBy: string | null;
  issuedAt: string | null;
  expiresAt: string | null;
  verificationStatus: 'UNVERIFIED' | 'PENDING' | 'VERIFIED' | 'REJECTED';
}

export interface CitizenDependants {
  /** The parent's dependant still in the account, or null. */
  ownActive(parentId: string, dependantId: string, tx?: Executor): Promise<DependantView | null>;
  /** A dependant by id whatever its state (history included), for rows already scoped to the parent. */
  byId(dependantId: string): Promise<DependantView | null>;
  /** The dependant's documents in force. */
  documentsOf(dependantId: string): Promise<DependantDocumentView[]>;
}
