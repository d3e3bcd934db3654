/** The only drizzle importer of the feedback module. */
import { and, desc, eq, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { feedback } from '../../db/schema/index.js';

export type FeedbackRow = typeof feedback.$inferSelect;

export async function insertFeedback(db: Executor, values: typeof feedback.$inferInsert): Promise<FeedbackRow> {
  const [row] = await db.insert(feedback).values(values).returning();
  if (!row) throw new Error('insert feedback returned nothing');
  return row;
}

export async function findFeedback(db: Executor, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.select().from(feedback).where(eq(feedback.id, id));
  return row;
}

export async function feedbackOfUser(db: Executor, userId: string): Promise<FeedbackRow[]> {
  return db.select().from(feedback).where(eq(feedback.userId, userId)).orderBy(desc(feedback.createdAt), desc(feedback.id));
}

/** Complaints for staff: of one branch (null: all), optionally only unanswered or only overdue. */
export async function complaints(db: Executor, p: { branchId: string | null; unansweredOnly: boolean; overdueOnly: boolean }): Promise<FeedbackRow[]> {
  const conds: SQL[] = [eq(feedback.kind, 'COMPLAINT')];
  if (p.branchId) conds.push(eq(feedback.branchId, p.branchId));
  if (p.unansweredOnly) conds.push(isNull(feedback.answer));
  if (p.overdueOnly) conds.push(isNotNull(feedback.overdueAt));
  return db.select().from(feedback).where(and(...conds)).orderBy(feedback.answerDueAt, feedback.id).limit(200);
}

/** Sets the answer once; undefined when it was already answered. */
export async function setAnswer(db: Executor, id: string, p: { answer: string; by: string; now: Date }): Promise<FeedbackRow | undefined> {
  const [row] = await db
    .update(feedback)
    .set({ answer: p.answer, answeredBy: p.by, answeredAt: p.now })
    .where(and(eq(feedback.id, id), isNull(feedback.answer)))
    .returning();
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
