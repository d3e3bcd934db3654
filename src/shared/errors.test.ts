import { describe, expect, it } from 'vitest';
import { notFound, notFoundText } from './errors.js';

describe('error messages', () => {
  it('"не найден" agrees with the noun', () => {
    expect(notFoundText('Заявление')).toBe('Заявление не найдено');
    expect(notFoundText('Услуга')).toBe('Услуга не найдена');
    expect(notFoundText('Документ')).toBe('Документ не найден');
    expect(notFound('Запись').extensions.code).toBe('NOT_FOUND');
    expect(notFound().message).toBe('Объект не найден');
  });
});
