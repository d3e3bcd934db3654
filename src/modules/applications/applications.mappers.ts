/** Rows to GraphQL objects for applications. */
import type { ApplicationCommentRow, ApplicationEventRow, ApplicationRow, ApplicationVersionRow } from './applications.repository.js';
import { canAmend, canCancel } from './applications.rules.js';
import { Application, ApplicationComment, ApplicationEvent, ApplicationStatus, ApplicationVersion } from './applications.types.js';

export function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    userId: row.userId,
    serviceId: row.serviceId,
    branchId: row.branchId,
    attachmentIds: row.attachmentIds,
    resultAttachmentId: row.resultAttachmentId,
    number: row.number,
    status: ApplicationStatus[row.status],
    data: row.data,
    version: row.version,
    canCancel: canCancel(row.status),
    canAmend: canAmend(row.status),
    dueDate: row.dueDate,
    submittedAt: row.submittedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toEvent(e: Pick<ApplicationEventRow, 'id' | 'applicationId' | 'status' | 'actor' | 'comment' | 'at'>): ApplicationEvent {
  return { id: e.id, applicationId: e.applicationId, status: ApplicationStatus[e.status], at: e.at, actor: e.actor, comment: e.comment };
}

export function toVersion(v: ApplicationVersionRow): ApplicationVersion {
  return { applicationId: v.applicationId, attachmentIds: v.attachmentIds, version: v.version, data: v.data, createdAt: v.createdAt };
}

export function toComment(c: ApplicationCommentRow): ApplicationComment {
  return { id: c.id, author: c.authorName, authorRole: c.authorRole, text: c.text, createdAt: c.createdAt };
}
