/** Feedback rows -> the GraphQL Feedback. */
import type { FeedbackRow } from './feedback.repository.js';
import { FeedbackKind, type Feedback } from './feedback.types.js';

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
  createdAt: f.createdAt,
});
