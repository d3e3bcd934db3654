/** Rows to GraphQL objects for the family module. */
import { VerificationStatus } from '../documents/index.js';
import type { ChangeRequestRow, DependantRow } from './family.repository.js';
import { DependantRelation, type Dependant, type ProfileChangeRequest } from './family.types.js';

export function toDependant(row: DependantRow): Dependant {
  return {
    id: row.id,
    parentId: row.parentId,
    lastName: row.lastName,
    firstName: row.firstName,
    middleName: row.middleName,
    birthDate: row.birthDate,
    relation: DependantRelation[row.relation],
    snils: row.snils,
    verification: VerificationStatus[row.verification],
    rejectionReason: row.rejectionReason,
    leftAt: row.leftAt,
  };
}

export function toChangeRequest(row: ChangeRequestRow): ProfileChangeRequest {
  return {
    id: row.id,
    userId: row.userId,
    passportDocumentId: row.passportDocumentId,
    attachmentIds: row.attachmentIds,
    lastName: row.lastName,
    firstName: row.firstName,
    middleName: row.middleName,
    birthDate: row.birthDate,
    comment: row.comment,
    status: VerificationStatus[row.status],
    reason: row.reason,
    createdAt: row.createdAt,
    reviewedAt: row.reviewedAt,
  };
}
