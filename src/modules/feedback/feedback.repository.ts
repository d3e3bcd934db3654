/** The only drizzle importer of the feedback module: every read names its columns, a citizen's reads are scoped to the author. */
import { and, desc, eq, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { feedback } from '../../db/schema/index.js';

export type FeedbackRow = typeof feedback.$inferSelect;

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

/** Complaints for staff: of one branch (null: all), optionally only unanswered or only overdue. */
export async function complaints(db: Executor, p: { branchId: string | null; unansweredOnly: boolean; overdueOnly: boolean }): Promise<FeedbackRow[]> {
  const conds: SQL[] = [eq(feedback.kind, 'COMPLAINT')];
  if (p.branchId) conds.push(eq(feedback.branchId, p.branchId));
  if (p.unansweredOnly) conds.push(isNull(feedback.answer));
  if (p.overdueOnly) conds.push(isNotNull(feedback.overdueAt));
  return db.select(feedbackColumns).from(feedback).where(and(...conds)).orderBy(feedback.answerDueAt, feedback.id).limit(200);
}

/** Sets the answer once; undefined when it was already answered. */
export async function setAnswer(db: Executor, id: string, p: { answer: string; by: string; now: Date }): Promise<FeedbackRow | undefined> {
  const [row] = await db
    .update(feedback)
    .set({ answer: p.answer, answeredBy: p.by, answeredAt: p.now })
    .where(and(eq(feedback.id, id), isNull(feedback.answer)))
    .returning(feedbackColumns);
  return row;
}

/** Flags unanswered complaints past their deadline; returns how many were flagged now. */
export async function flagOverdue(db: Executor, now: Date): Promise<number> {
  const rows = await db
    .update(feedback)
    .set({ overdueAt: now })
    .where(and(eq(feedback.kind, 'COMPLAINT'), isNull(feedback.answer), isNull(feedback.overdueAt), lt(feedback.answerDueAt, now)))
    .returning({ id: feedback.id });
  return rows.length;
}
