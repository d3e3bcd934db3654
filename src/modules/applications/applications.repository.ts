/**
 * The only drizzle importer of the applications module (private to it), with explicit columns.
 * Status changes are compare-and-set; a citizen's look-ups are scoped to them in the query.
 */
import { and, asc, desc, eq, gt, ilike, inArray, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { applicationComments, applicationCounters, applicationEvents, applications, applicationVersions, services } from '../../db/schema/index.js';
import type { KeysetCursor } from '../../shared/pagination.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationStatus = ApplicationRow['status'];
export type ApplicationEventRow = typeof applicationEvents.$inferSelect;
export type ApplicationVersionRow = typeof applicationVersions.$inferSelect;
export type ApplicationCommentRow = typeof applicationComments.$inferSelect;

const applicationColumns = {
  id: applications.id,
  number: applications.number,
  userId: applications.userId,
  forDependantId: applications.forDependantId,
  serviceId: applications.serviceId,
  branchId: applications.branchId,
  status: applications.status,
  data: applications.data,
  attachmentIds: applications.attachmentIds,
  version: applications.version,
  resultAttachmentId: applications.resultAttachmentId,
  dueDate: applications.dueDate,
  submittedAt: applications.submittedAt,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
};

const versionColumns = {
  applicationId: applicationVersions.applicationId,
  version: applicationVersions.version,
  data: applicationVersions.data,
  attachmentIds: applicationVersions.attachmentIds,
  branchId: applicationVersions.branchId,
  createdBy: applicationVersions.createdBy,
  createdAt: applicationVersions.createdAt,
};

const eventColumns = {
  id: applicationEvents.id,
  applicationId: applicationEvents.applicationId,
  status: applicationEvents.status,
  actor: applicationEvents.actor,
  actorId: applicationEvents.actorId,
  comment: applicationEvents.comment,
  at: applicationEvents.at,
};

const commentColumns = {
  id: applicationComments.id,
  applicationId: applicationComments.applicationId,
  authorId: applicationComments.authorId,
  authorRole: applicationComments.authorRole,
  authorName: applicationComments.authorName,
  text: applicationComments.text,
  createdAt: applicationComments.createdAt,
};

export async function insertApplication(db: Executor, values: typeof applications.$inferInsert): Promise<ApplicationRow> {
  const [row] = await db.insert(applications).values(values).returning(applicationColumns);
  if (!row) throw new Error('insert applications returned nothing');
  return row;
}

export async function findApplication(db: Executor, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select(applicationColumns).from(applications).where(eq(applications.id, id));
  return row;
}

/**
 * Changes an application only if it is still in `expected` status (and at `expectedVersion` when
 * given): undefined when someone else changed it first.
 */
export async function compareAndSet(
  db: Executor,
  id: string,
  expected: { status: ApplicationStatus; version?: number },
  values: Partial<typeof applications.$inferInsert> & { updatedAt: Date },
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set(values)
    .where(and(eq(applications.id, id), eq(applications.status, expected.status), expected.version === undefined ? undefined : eq(applications.version, expected.version)))
    .returning(applicationColumns);
  return row;
}

export async function deleteDraft(db: Executor, id: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(applications)
    .where(and(eq(applications.id, id), eq(applications.userId, userId), eq(applications.status, 'DRAFT')))
    .returning({ id: applications.id });
  return rows.length === 1;
}

/** The next number of `year` (a row per year, incremented under its row lock). */
export async function nextNumber(db: Executor, year: number): Promise<number> {
  const [row] = await db
    .insert(applicationCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: applicationCounters.year, set: { last: sql`${applicationCounters.last} + 1` } })
    .returning({ last: applicationCounters.last });
  if (!row) throw new Error('application counter returned nothing');
  return row.last;
}

export async function insertVersion(db: Executor, values: typeof applicationVersions.$inferInsert): Promise<void> {
  await db.insert(applicationVersions).values(values);
}

export async function insertEvent(db: Executor, values: typeof applicationEvents.$inferInsert): Promise<ApplicationEventRow> {
  const [row] = await db.insert(applicationEvents).values(values).returning(eventColumns);
  if (!row) throw new Error('insert application_events returned nothing');
  return row;
}

export async function insertComment(db: Executor, values: typeof applicationComments.$inferInsert): Promise<ApplicationCommentRow> {
  const [row] = await db.insert(applicationComments).values(values).returning(commentColumns);
  if (!row) throw new Error('insert application_comments returned nothing');
  return row;
}

export async function versionsOf(db: Executor, ids: readonly string[]): Promise<ApplicationVersionRow[]> {
  if (ids.length === 0) return [];
  return db.select(versionColumns).from(applicationVersions).where(inArray(applicationVersions.applicationId, [...ids])).orderBy(asc(applicationVersions.version));
}

export async function eventsOf(db: Executor, ids: readonly string[]): Promise<ApplicationEventRow[]> {
  if (ids.length === 0) return [];
  return db.select(eventColumns).from(applicationEvents).where(inArray(applicationEvents.applicationId, [...ids])).orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

/** One timeline entry by id. */
export async function findEvent(db: Executor, id: string): Promise<ApplicationEventRow | undefined> {
  const [row] = await db.select(eventColumns).from(applicationEvents).where(eq(applicationEvents.id, id));
  return row;
}

/**
 * The latest timeline entry of each application chosen (one by id, or the user's that are not
 * drafts and not finished), with who hears it: applicationStatusChanged's current state.
 */
export async function latestEvents(db: Executor, of: { applicationId: string } | { userId: string }): Promise<(ApplicationEventRow & { userId: string; branchId: string | null })[]> {
  const which = 'applicationId' in of ? eq(applications.id, of.applicationId) : and(eq(applications.userId, of.userId), notInArray(applications.status, ['DRAFT', 'COMPLETED', 'REJECTED', 'CANCELLED']));
  return db
    .selectDistinctOn([applicationEvents.applicationId], { ...eventColumns, userId: applications.userId, branchId: applications.branchId })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .where(which)
    .orderBy(applicationEvents.applicationId, desc(applicationEvents.at), desc(applicationEvents.id));
}

export async function commentsOf(db: Executor, ids: readonly string[]): Promise<ApplicationCommentRow[]> {
  if (ids.length === 0) return [];
  return db.select(commentColumns).from(applicationComments).where(inArray(applicationComments.applicationId, [...ids])).orderBy(asc(applicationComments.createdAt), asc(applicationComments.id));
}

/** The application if `userId` is its applicant (another person's looks like a missing one). */
export async function findOwn(db: Executor, id: string, userId: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select(applicationColumns).from(applications).where(and(eq(applications.id, id), eq(applications.userId, userId)));
  return row;
}

export interface ListFilter {
  statuses?: ApplicationStatus[] | null;
  serviceId?: string | null;
  /** Words of the number or of the service's title. */
  search?: string | null;
}

function filterWhere(f: ListFilter): SQL | undefined {
  const words = f.search?.trim();
  const pattern = words ? `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    f.statuses && f.statuses.length > 0 ? inArray(applications.status, f.statuses) : undefined,
    f.serviceId ? eq(applications.serviceId, f.serviceId) : undefined,
    pattern ? or(ilike(applications.number, pattern), ilike(services.title, pattern)) : undefined,
  );
}

/** A citizen's applications, newest first (keyset on created_at, id). */
export function listOfUser(db: Executor, p: { userId: string; filter: ListFilter; limit: number; after: KeysetCursor | null }): Promise<{ rows: ApplicationRow[]; total: () => Promise<number> }> {
  return list(db, and(eq(applications.userId, p.userId), filterWhere(p.filter)), { column: applications.createdAt, descending: true }, p);
}

/** Submitted applications (of a branch, or all), oldest submission first (keyset on submitted_at, id). */
export function listForStaff(db: Executor, p: { branchId: string | null; filter: ListFilter; limit: number; after: KeysetCursor | null }): Promise<{ rows: ApplicationRow[]; total: () => Promise<number> }> {
  const base = and(ne(applications.status, 'DRAFT'), p.branchId ? eq(applications.branchId, p.branchId) : undefined, filterWhere(p.filter));
  return list(db, base, { column: applications.submittedAt, descending: false }, p);
}

/** One keyset page of applications ordered by (`order.column`, id), and a lazy count of all that match. */
async function list(
  db: Executor,
  base: SQL | undefined,
  order: { column: typeof applications.createdAt | typeof applications.submittedAt; descending: boolean },
  p: { limit: number; after: KeysetCursor | null },
): Promise<{ rows: ApplicationRow[]; total: () => Promise<number> }> {
  const beyond = order.descending ? lt : gt;
  const page = p.after ? or(beyond(order.column, p.after.at), and(eq(order.column, p.after.at), beyond(applications.id, p.after.id))) : undefined;
  const direction = order.descending ? desc : asc;
  const rows = await db
    .select(applicationColumns)
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(and(base, page))
    .orderBy(direction(order.column), direction(applications.id))
    .limit(p.limit + 1);
  return { rows, total: () => count(db, base) };
}

async function count(db: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(where);
  return row?.n ?? 0;
}

/**
 * Any submitted application at the branch (drafts belong to no branch's work): its operators list
 * the branch's applications, finished ones included, and each shows its applicant.
 */
export async function hasApplicationAt(db: Executor, userId: string, branchId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.userId, userId), eq(applications.branchId, branchId), ne(applications.status, 'DRAFT')))
    .limit(1);
  return row !== undefined;
}

export async function applicantsAt(db: Executor, branchId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ userId: applications.userId }).from(applications).where(and(eq(applications.branchId, branchId), ne(applications.status, 'DRAFT')));
  return rows.map((r) => r.userId);
}
