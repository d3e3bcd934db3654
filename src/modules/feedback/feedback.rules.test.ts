import { describe, expect, it } from 'vitest';
import { answerDueAt, answerExcerpt, checkAnswer, feedbackProblems, KIND_WORDS, subjectsOf } from './feedback.rules.js';

const branchId = '00000000-0000-4000-8000-000000000001';

describe('feedback rules', () => {
  it('accepts a rating, a text or both about exactly one subject', () => {
    expect(feedbackProblems({ kind: 'PRAISE', rating: 5, branchId }, null, 100)).toEqual([]);
    expect(feedbackProblems({ kind: 'REMARK', text: 'Душно' }, 'Душно', 100).map((p) => p.field)).toEqual(['input']);
    expect(feedbackProblems({ kind: 'REMARK', branchId, bookingId: branchId }, null, 100).map((p) => p.field)).toEqual(['input.rating', 'input']);
  });

  it('wants a whole rating from 1 to 5, a text within the limit, and a text for every complaint', () => {
    expect(feedbackProblems({ kind: 'PRAISE', rating: 6, branchId }, null, 100).map((p) => p.message)).toEqual(['Оценка от 1 до 5']);
    expect(feedbackProblems({ kind: 'PRAISE', rating: 2.5, branchId }, null, 100).map((p) => p.field)).toEqual(['input.rating']);
    expect(feedbackProblems({ kind: 'PRAISE', rating: 0, branchId }, null, 100).map((p) => p.field)).toEqual(['input.rating']);
    expect(feedbackProblems({ kind: 'REMARK', branchId }, 'я'.repeat(11), 10).map((p) => p.message)).toEqual(['Не длиннее 10 символов']);
    expect(feedbackProblems({ kind: 'COMPLAINT', rating: 1, branchId }, null, 100).map((p) => p.message)).toEqual(['Опишите, что случилось']);
  });

  it('lists the subjects given', () => {
    expect(subjectsOf({ kind: 'PRAISE', bookingId: branchId, applicationId: null })).toEqual(['bookingId']);
  });

  it('gives complaints an answer deadline, other kinds none', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(answerDueAt('COMPLAINT', now, 90)?.toISOString()).toBe('2026-12-01T11:30:00.000Z');
    expect(answerDueAt('PRAISE', now, 90)).toBeNull();
  });

  it('takes a trimmed answer of 1 to the limit characters, and quotes up to 300 of it', () => {
    expect(checkAnswer('  Разобрались ', 100)).toEqual({ ok: true, answer: 'Разобрались' });
    expect(checkAnswer('   ', 100)).toEqual({ ok: false, problem: { field: 'answer', message: 'Ответ: от 1 до 100 символов' } });
    expect(checkAnswer('я'.repeat(101), 100).ok).toBe(false);
    expect(answerExcerpt('коротко')).toBe('коротко');
    expect(answerExcerpt('я'.repeat(400))).toHaveLength(300);
  });

  it('names each kind in the notification', () => {
    expect(KIND_WORDS).toEqual({ PRAISE: 'отзыв', REMARK: 'замечание', COMPLAINT: 'жалобу' });
  });
});
