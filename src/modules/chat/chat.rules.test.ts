import { describe, expect, it } from 'vitest';
import { authorName, checkMessageText, checkSubject, closedBy, messagesPageSize, replyExcerpt, SUBJECT_MAX_LENGTH } from './chat.rules.js';

describe('chat rules', () => {
  it('takes a trimmed subject of 1 to 200 characters', () => {
    expect(checkSubject('  Справка  ')).toEqual({ ok: true, subject: 'Справка' });
    expect(checkSubject('   ')).toMatchObject({ ok: false, problem: { field: 'subject' } });
    expect(checkSubject('я'.repeat(SUBJECT_MAX_LENGTH)).ok).toBe(true);
    expect(checkSubject('я'.repeat(SUBJECT_MAX_LENGTH + 1)).ok).toBe(false);
  });

  it('takes a trimmed, non-empty message up to the configured length', () => {
    expect(checkMessageText(' Добрый день ', 20)).toEqual({ ok: true, text: 'Добрый день' });
    expect(checkMessageText('  ', 20)).toEqual({ ok: false, problem: { field: 'text', message: 'Сообщение пустое' } });
    expect(checkMessageText('я'.repeat(21), 20)).toEqual({ ok: false, problem: { field: 'text', message: 'Не длиннее 20 символов' } });
  });

  it('pages history by 50 unless asked, between 1 and 200', () => {
    expect([messagesPageSize(null), messagesPageSize(0), messagesPageSize(10), messagesPageSize(500)]).toEqual([50, 1, 10, 200]);
  });

  it('names a citizen by first name and initial, staff as an operator', () => {
    const author = { firstName: 'Анна', lastName: 'Иванова' };
    expect(authorName(author, true)).toBe('Анна И.');
    expect(authorName(author, false)).toBe('Оператор Анна');
  });

  it('quotes up to 120 characters of a reply, cutting longer ones with an ellipsis', () => {
    expect(replyExcerpt('коротко')).toBe('коротко');
    const long = replyExcerpt('я'.repeat(200));
    expect(long).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
  });

  it('says who closed the thread', () => {
    expect(closedBy(true)).toBe('Заявитель закрыл чат');
    expect(closedBy(false)).toBe('Оператор закрыл чат');
  });
});
