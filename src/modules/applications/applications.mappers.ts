/** Rows to GraphQL objects for applications. */
import type { Page } from '../../shared/pagination.js';
import { DocumentKind } from '../catalog/index.js';
import type { Validation } from './applications.checks.js';
import type { ApplicationTopicEvent } from './applications.events.js';
import type { ApplicationCommentRow, ApplicationEventRow, ApplicationRow, ApplicationStatus as StatusName, ApplicationVersionRow } from './applications.repository.js';
import { canAmend, canCancel } from './applications.rules.js';
import { Application, ApplicationComment, ApplicationConnection, ApplicationEvent, ApplicationStatus, ApplicationValidation, ApplicationVersion } from './applications.types.js';

export function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    userId: row.userId,
    forDependantId: row.forDependantId,
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

/** A timeline entry as it travels over pubsub (dates as strings) back to the GraphQL type. */
export function toTopicEvent(e: ApplicationTopicEvent): ApplicationEvent {
  return toEvent({ ...e.event, applicationId: e.applicationId, status: e.event.status as StatusName, actor: e.event.actor as 'CITIZEN', at: new Date(e.event.at) });
}

/** A keyset page; the total is counted only when the client asks for totalCount. */
export function toConnection(page: Page<ApplicationRow>): ApplicationConnection {
  return Object.assign(new ApplicationConnection(), { nodes: page.nodes.map(toApplication), pageInfo: page.pageInfo, countTotal: page.totalCount });
}

export function toValidation(v: Validation): ApplicationValidation {
  return { ...v, missingDocuments: v.missingDocuments.map((d) => ({ ...d, kind: d.kind ? DocumentKind[d.kind as keyof typeof DocumentKind] : null })) };
}
