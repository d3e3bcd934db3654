/**
 * Applications for services, the reading side and the module's door service: an application as
 * the viewer may see it (applications.access.ts), the citizen's list and the operators' queue
 * (keyset pages), the full validation of an application, its owner and branch for other modules
 * (chats, feedback), and the live timeline events a viewer may hear. The writes are split by who
 * makes them: drafts.service.ts, submission.service.ts, amendments.service.ts (the citizen's moves
 * after submission) and operator.service.ts; status changes go through applications.timeline.ts.
 */
import { badField, notFound, unauthenticated } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { isUuid } from '../../shared/ids.js';
import { decodeCursor, encodeCursor, type Page } from '../../shared/pagination.js';
import { currentThenLive, filteredEvents } from '../../shared/pubsub.js';
import type { ApplicationAccess } from './applications.access.js';
import type { ApplicationChecks, Validation } from './applications.checks.js';
import type { ApplicationsDeps } from './applications.deps.js';
import { applicationTopic, type ApplicationTopicEvent } from './applications.events.js';
import * as repo from './applications.repository.js';
import type { ApplicationEventRow, ApplicationRow, ApplicationStatus } from './applications.repository.js';
import { SEARCH_MAX, pageLimit, versionSigningText } from './applications.rules.js';

export interface ListFilterInput {
  status?: ApplicationStatus[] | null;
  serviceId?: string | null;
  search?: string | null;
}

export class ApplicationsService {
  constructor(
    private readonly deps: Pick<ApplicationsDeps, 'db' | 'pubsub' | 'staffAccess'>,
    private readonly access: ApplicationAccess,
    private readonly checks: ApplicationChecks,
  ) {}

  /** The application as the viewer may see it: the applicant's own, staff of its branch, any for admins (staff reads recorded). */
  async application(viewer: Viewer, id: string): Promise<ApplicationRow | null> {
    const row = await this.access.application(viewer, id);
    if (row) await this.recordViews(viewer, [row]);
    return row;
  }

  private recordViews(viewer: Viewer, rows: readonly ApplicationRow[]): Promise<void> {
    return this.deps.staffAccess.record(viewer, rows.map((r) => ({ citizenId: r.userId, action: 'VIEW_APPLICATION', subject: r.number ?? 'черновик' })));
  }

  /**
   * The canonical text of a submitted version (the latest when none is named) of an application
   * the viewer may see: what an electronic signature of it covers (the identity module signs it).
   * Null for a draft, an unknown version, or an application out of the viewer's sight.
   */
  async signableVersion(viewer: Viewer, id: string, version: number | null): Promise<{ ownerId: string; version: number; text: string } | null> {
    const row = isUuid(id) ? await this.application(viewer, id) : null;
    if (!row || row.status === 'DRAFT') return null;
    const versions = await repo.versionsOf(this.deps.db, [row.id]);
    const wanted = version ?? Math.max(0, ...versions.map((v) => v.version));
    const v = versions.find((x) => x.version === wanted);
    return v ? { ownerId: row.userId, version: v.version, text: versionSigningText(row, v) } : null;
  }

  /** A timeline entry by id, if the viewer may see its application (the account feed delivers these; they are not Relay nodes). */
  async timelineEvent(viewer: Viewer, id: string): Promise<ApplicationEventRow | null> {
    const e = isUuid(id) ? await repo.findEvent(this.deps.db, id) : undefined;
    if (!e) return null;
    return (await this.access.application(viewer, e.applicationId)) ? e : null;
  }

  /** Owner and branch of an application (for chats and feedback about it); null for an unknown id. */
  async subjectOf(id: string): Promise<{ userId: string; branchId: string | null } | null> {
    const row = isUuid(id) ? await repo.findApplication(this.deps.db, id) : undefined;
    return row ? { userId: row.userId, branchId: row.branchId } : null;
  }

  /** The branch an operator works at (null for anyone else). */
  staffBranch(viewer: Viewer): Promise<string | null> {
    return this.access.staffBranch(viewer);
  }

  async myApplications(viewer: Viewer, filter: ListFilterInput | null, first: number, after: string | null): Promise<Page<ApplicationRow>> {
    const limit = pageLimit(first);
    const { rows, total } = await repo.listOfUser(this.deps.db, { userId: viewer.userId, filter: listFilter(filter), limit, after: after ? decodeCursor(after) : null });
    return page(rows, limit, total, (r) => r.createdAt);
  }

  /** Operators: the submitted applications of their branch, oldest first; admins: of every branch. */
  async queue(viewer: Viewer, filter: ListFilterInput | null, first: number, after: string | null): Promise<Page<ApplicationRow>> {
    const limit = pageLimit(first);
    let branchId: string | null = null;
    if (!hasRole(viewer, 'ADMIN')) {
      branchId = await this.access.staffBranch(viewer);
      if (!branchId) return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: () => Promise.resolve(0) };
    }
    const { rows, total } = await repo.listForStaff(this.deps.db, { branchId, filter: listFilter(filter), limit, after: after ? decodeCursor(after) : null });
    await this.recordViews(viewer, rows.slice(0, limit));
    return page(rows, limit, total, (r) => r.submittedAt ?? r.createdAt);
  }

  /** Every problem of the application at once: the form field by field, the branch, missing documents. */
  async validate(viewer: Viewer, id: string): Promise<Validation> {
    const row = await this.access.application(viewer, id);
    if (!row) throw notFound('Заявление');
    return this.checks.check(row, { data: row.data, branchId: row.branchId, attachmentIds: row.attachmentIds });
  }

  /**
   * Who hears an application event: its applicant, the operators of its branch, admins; with an
   * applicationId, only that application's events, and only if the caller may see it (else
   * NOT_FOUND at once, so ids cannot be probed). The current state comes first: the latest entry of
   * that application, or without one the latest entry of each of the caller's own applications in
   * progress (staff's branch-wide stream has no current state beyond that: they read the queue).
   */
  async events(viewer: Viewer | null, applicationId: string | null): Promise<AsyncIterable<ApplicationTopicEvent>> {
    if (!viewer) throw unauthenticated();
    if (applicationId && !(await this.access.application(viewer, applicationId))) throw notFound('Заявление');
    const admin = hasRole(viewer, 'ADMIN');
    const branchId = await this.access.staffBranch(viewer);
    const live = filteredEvents(this.deps.pubsub, applicationTopic, (e) => {
      if (applicationId && e.applicationId !== applicationId) return false;
      return e.userId === viewer.userId || admin || (branchId !== null && e.branchId === branchId);
    });
    // The current state first: the application's latest entry, or that of each of the caller's own open applications.
    const current = async () => (await repo.latestEvents(this.deps.db, applicationId ? { applicationId } : { userId: viewer.userId })).map(toTopicPayload);
    return currentThenLive(current, live);
  }
}

/** A latest timeline entry as the live topic carries it. */
function toTopicPayload(e: ApplicationEventRow & { userId: string; branchId: string | null }): ApplicationTopicEvent {
  return { applicationId: e.applicationId, userId: e.userId, branchId: e.branchId, event: { id: e.id, status: e.status, actor: e.actor, comment: e.comment, at: e.at.toISOString() } };
}

function listFilter(f: ListFilterInput | null): repo.ListFilter {
  if (f?.serviceId && !isUuid(f.serviceId)) throw badField('filter.serviceId', 'Услуга не найдена');
  if (f?.search && f.search.length > SEARCH_MAX) throw badField('filter.search', `Не длиннее ${SEARCH_MAX} символов`);
  return { statuses: f?.status ?? null, serviceId: f?.serviceId ?? null, search: f?.search ?? null };
}

function page(rows: ApplicationRow[], limit: number, total: () => Promise<number>, at: (r: ApplicationRow) => Date): Page<ApplicationRow> {
  const nodes = rows.slice(0, limit);
  const last = nodes.at(-1);
  return { nodes, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor({ at: at(last), id: last.id }) : null }, totalCount: total };
}
