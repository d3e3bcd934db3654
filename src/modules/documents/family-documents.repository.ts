/**
 * The documents module's queries for dependants' documents and for passports replaced by an
 * approved profile change (private to the module, like documents.repository.ts).
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import { personalDocuments } from '../../db/schema/index.js';
import { documentColumns, inForce, openDocument, ownNotDependants, type DocumentKind, type DocumentRow } from './documents.repository.js';

/** The documents in force of these dependants, newest first per kind. */
async function documentsOfDependants(db: Executor, dependantIds: readonly string[]): Promise<DocumentRow[]> {
  if (dependantIds.length === 0) return [];
  return db
    .select(documentColumns)
    .from(personalDocuments)
    .where(and(inArray(personalDocuments.dependantId, [...dependantIds]), inForce))
    .orderBy(asc(personalDocuments.kind), desc(personalDocuments.createdAt));
}

/** The dependant's documents in force of these kinds (the birth certificate or guardianship decision). */
async function dependantDocumentsOfKinds(db: Executor, dependantId: string, kinds: readonly DocumentKind[]): Promise<DocumentRow[]> {
  return db
    .select(documentColumns)
    .from(personalDocuments)
    .where(and(eq(personalDocuments.dependantId, dependantId), inForce, inArray(personalDocuments.kind, [...kinds])));
}

/** Moves the user's own current passports RF (not rejected) to history; their ids. */
async function archiveCurrentPassports(db: Executor, userId: string, at: Date): Promise<string[]> {
  const rows = await db
    .update(personalDocuments)
    .set({ standing: 'ARCHIVED', updatedAt: at })
    .where(and(eq(personalDocuments.userId, userId), ownNotDependants, inForce, eq(personalDocuments.kind, 'PASSPORT_RF'), ne(personalDocuments.verificationStatus, 'REJECTED')))
    .returning({ id: personalDocuments.id });
  return rows.map((r) => r.id);
}

export function createFamilyDocumentsRepository(cipher: FieldCipher) {
  const openAll = (rows: DocumentRow[]) => rows.map((r) => openDocument(cipher, r));
  return {
    documentsOfDependants: async (db: Executor, ids: readonly string[]) => openAll(await documentsOfDependants(db, ids)),
    dependantDocumentsOfKinds: async (db: Executor, dependantId: string, kinds: readonly DocumentKind[]) => openAll(await dependantDocumentsOfKinds(db, dependantId, kinds)),
    archiveCurrentPassports,
  };
}

export type FamilyDocumentsRepository = ReturnType<typeof createFamilyDocumentsRepository>;
