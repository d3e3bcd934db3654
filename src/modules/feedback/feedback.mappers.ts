/** Feedback rows -> the GraphQL Feedback. */
import type { FeedbackRow } from './feedback.repository.js';
import type { FollowUpRow } from './feedback.repository.js';
import { FeedbackKind, SupportPriority, type Feedback, type FeedbackFollowUp } from './feedback.types.js';

export const toFeedback = (f: FeedbackRow): Feedback => ({
  id: f.id,
  kind: FeedbackKind[f.kind],
  rating: f.rating,
  text: f.text,
  applicationId: f.applicationId,
  bookingId: f.bookingId,
  branchId: f.branchId,
  answer: f.answer,
  answeredAt: f.answeredAt,
  answerDueAt: f.answerDueAt,
  overdue: f.overdueAt !== null,
  caseNumber: f.caseNumber,
  priority: SupportPriority[f.priority],
  createdAt: f.createdAt,
});

export const toFollowUp = (r: FollowUpRow): FeedbackFollowUp => ({ id: r.id, fromStaff: r.fromStaff, authorName: r.authorName, text: r.text, at: r.createdAt });
