import { describe, expect, it } from 'vitest';
import { answerDueAt, answerExcerpt, caseNumber, checkAnswer, feedbackProblems, isOpenCase, KIND_WORDS, subjectsOf } from './feedback.rules.js';

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

  it('gives cases an answer deadline by priority, other kinds none', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const minutes = { critical: 30, normal: 90 };
    expect(answerDueAt('COMPLAINT', 'NORMAL', now, minutes)?.toISOString()).toBe('2026-12-01T11:30:00.000Z');
    expect(answerDueAt('REQUEST', 'CRITICAL', now, minutes)?.toISOString()).toBe('2026-12-01T10:30:00.000Z');
    expect(answerDueAt('PRAISE', 'NORMAL', now, minutes)).toBeNull();
  });

  it('numbers cases per year, and keeps a case open for follow-ups until some days after its answer', () => {
    expect(caseNumber(2026, 42)).toBe('ОБР-2026-0000042');
    const now = new Date('2026-12-10T10:00:00Z');
    expect(isOpenCase({ kind: 'COMPLAINT', answeredAt: null }, now, 7)).toBe(true);
    expect(isOpenCase({ kind: 'REQUEST', answeredAt: new Date('2026-12-05T10:00:00Z') }, now, 7)).toBe(true);
    expect(isOpenCase({ kind: 'REQUEST', answeredAt: new Date('2026-12-02T10:00:00Z') }, now, 7)).toBe(false);
    expect(isOpenCase({ kind: 'PRAISE', answeredAt: null }, now, 7)).toBe(false);
  });

  it('takes a priority only for a case', () => {
    expect(feedbackProblems({ kind: 'PRAISE', rating: 5, branchId, priority: 'CRITICAL' }, null, 100).map((p) => p.field)).toEqual(['input.priority']);
    expect(feedbackProblems({ kind: 'REQUEST', branchId, priority: 'CRITICAL' }, 'Не работает запись', 100)).toEqual([]);
  });

  it('takes a trimmed answer of 1 to the limit characters, and quotes up to 300 of it', () => {
    expect(checkAnswer('  Разобрались ', 100)).toEqual({ ok: true, answer: 'Разобрались' });
    expect(checkAnswer('   ', 100)).toEqual({ ok: false, problem: { field: 'answer', message: 'Ответ: от 1 до 100 символов' } });
    expect(checkAnswer('я'.repeat(101), 100).ok).toBe(false);
    expect(answerExcerpt('коротко')).toBe('коротко');
    expect(answerExcerpt('я'.repeat(400))).toHaveLength(300);
  });

  it('names each kind in the notification', () => {
    expect(KIND_WORDS).toEqual({ PRAISE: 'отзыв', REMARK: 'замечание', COMPLAINT: 'жалобу', REQUEST: 'обращение' });
  });
});
