/** The only drizzle importer of the feedback module: every read names its columns, a citizen's reads are scoped to the author. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { feedback, feedbackFollowUps, supportCaseCounters } from '../../db/schema/index.js';

export type FeedbackRow = typeof feedback.$inferSelect;
export type FollowUpRow = typeof feedbackFollowUps.$inferSelect;

const feedbackColumns = {
  id: feedback.id,
  userId: feedback.userId,
  kind: feedback.kind,
  rating: feedback.rating,
  text: feedback.text,
  subjectType: feedback.subjectType,
  subjectId: feedback.subjectId,
  applicationId: feedback.applicationId,
  bookingId: feedback.bookingId,
  branchId: feedback.branchId,
  answer: feedback.answer,
  answeredAt: feedback.answeredAt,
  answeredBy: feedback.answeredBy,
  answerDueAt: feedback.answerDueAt,
  overdueAt: feedback.overdueAt,
  priority: feedback.priority,
  caseNumber: feedback.caseNumber,
  assignedTo: feedback.assignedTo,
  createdAt: feedback.createdAt,
};

/** Stores the feedback; 'DUPLICATE' when the user already left feedback on this subject (one per subject per user). */
export async function insertFeedback(db: Executor, values: typeof feedback.$inferInsert): Promise<FeedbackRow | 'DUPLICATE'> {
  try {
    const [row] = await db.insert(feedback).values(values).returning(feedbackColumns);
    if (!row) throw new Error('insert feedback returned nothing');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) return 'DUPLICATE';
    throw err;
  }
}

export async function findFeedback(db: Executor, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.select(feedbackColumns).from(feedback).where(eq(feedback.id, id));
  return row;
}

/** Feedback the user wrote (a citizen reads only their own). */
export async function findOwnFeedback(db: Executor, userId: string, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.select(feedbackColumns).from(feedback).where(and(eq(feedback.id, id), eq(feedback.userId, userId)));
  return row;
}

export async function feedbackOfUser(db: Executor, userId: string): Promise<FeedbackRow[]> {
  return db.select(feedbackColumns).from(feedback).where(eq(feedback.userId, userId)).orderBy(desc(feedback.createdAt), desc(feedback.id));
}

/** Cases for staff: of one branch (null: all; with `generalLine`, also the general line's), optionally only unanswered or only overdue. */
export async function complaints(db: Executor, p: { branchId: string | null; generalLine: boolean; unansweredOnly: boolean; overdueOnly: boolean }): Promise<FeedbackRow[]> {
  const conds: SQL[] = [inArray(feedback.kind, ['COMPLAINT', 'REQUEST'])];
  if (p.branchId) conds.push(p.generalLine ? (or(eq(feedback.branchId, p.branchId), isNull(feedback.branchId)) as SQL) : eq(feedback.branchId, p.branchId));
  if (p.unansweredOnly) conds.push(isNull(feedback.answer));
  if (p.overdueOnly) conds.push(isNotNull(feedback.overdueAt));
  return db.select(feedbackColumns).from(feedback).where(and(...conds)).orderBy(feedback.answerDueAt, feedback.id).limit(200);
}

/** Sets the answer once; undefined when it was already answered. */
export async function setAnswer(db: Executor, id: string, p: { answer: string; by: string; now: Date }): Promise<FeedbackRow | undefined> {
  const [row] = await db
    .update(feedback)
    .set({ answer: p.answer, answeredBy: p.by, answeredAt: p.now, assignedTo: p.by })
    .where(and(eq(feedback.id, id), isNull(feedback.answer)))
    .returning(feedbackColumns);
  return row;
}

/** Flags unanswered cases past their deadline, each once (only this call sees a row it flagged); the flagged cases. */
export async function flagOverdue(db: Executor, now: Date): Promise<FeedbackRow[]> {
  return db
    .update(feedback)
    .set({ overdueAt: now })
    .where(and(inArray(feedback.kind, ['COMPLAINT', 'REQUEST']), isNull(feedback.answer), isNull(feedback.overdueAt), lt(feedback.answerDueAt, now)))
    .returning(feedbackColumns);
}

/** The next case number of `year` (a row per year, incremented under its row lock). */
export async function nextCaseNumber(db: Executor, year: number): Promise<number> {
  const [row] = await db
    .insert(supportCaseCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: supportCaseCounters.year, set: { last: sql`${supportCaseCounters.last} + 1` } })
    .returning({ last: supportCaseCounters.last });
  if (!row) throw new Error('support case counter returned nothing');
  return row.last;
}

/** A new priority and deadline; the overdue flag goes when the new deadline is still ahead (or the case was answered). */
export async function setPriority(db: Executor, id: string, p: { priority: FeedbackRow['priority']; answerDueAt: Date | null; now: Date }): Promise<FeedbackRow | undefined> {
  const [row] = await db
    .update(feedback)
    .set({
      priority: p.priority,
      answerDueAt: p.answerDueAt,
      overdueAt: p.answerDueAt && p.answerDueAt > p.now ? null : sql`${feedback.overdueAt}`,
    })
    .where(eq(feedback.id, id))
    .returning(feedbackColumns);
  return row;
}

/** A follow-up in the case's thread; a staff one makes its author the case's assignee. */
export async function insertFollowUp(db: Executor, values: typeof feedbackFollowUps.$inferInsert): Promise<FollowUpRow> {
  const [row] = await db.insert(feedbackFollowUps).values(values).returning();
  if (!row) throw new Error('insert feedback_follow_ups returned nothing');
  if (values.fromStaff && values.authorId) await db.update(feedback).set({ assignedTo: values.authorId }).where(eq(feedback.id, values.feedbackId));
  return row;
}

/** The threads of these cases, oldest first. */
export async function followUpsOf(db: Executor, feedbackIds: readonly string[]): Promise<FollowUpRow[]> {
  if (feedbackIds.length === 0) return [];
  return db.select().from(feedbackFollowUps).where(inArray(feedbackFollowUps.feedbackId, [...feedbackIds])).orderBy(asc(feedbackFollowUps.createdAt), asc(feedbackFollowUps.id));
}

/** A deactivated staff member's open cases go back to their line: nobody is their assignee any more. */
export async function releaseCasesOf(db: Executor, staffId: string): Promise<number> {
  const rows = await db.update(feedback).set({ assignedTo: null }).where(eq(feedback.assignedTo, staffId)).returning({ id: feedback.id });
  return rows.length;
}
