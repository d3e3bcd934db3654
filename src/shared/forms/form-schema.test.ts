import { describe, expect, it } from 'vitest';
import { demoForms } from '../../../scripts/demo-forms.js';
import { formSchemaProblem, validateForm } from './form-schema.js';

const passportForm = demoForms['passport-rf'] ?? {};

describe('application forms (JSON Schema through ajv)', () => {
  it('every demo form is a valid schema of an object', () => {
    for (const [code, schema] of Object.entries(demoForms)) expect(formSchemaProblem(schema), code).toBeNull();
    expect(formSchemaProblem({ type: 'object', properties: { a: { type: 'strin' } } })).toMatch(/Некорректная JSON Schema/);
    expect(formSchemaProblem({ type: 'array' })).toMatch(/объект/);
    expect(formSchemaProblem([1])).toMatch(/объект/);
  });

  it('reports every problem at once, field by field, in Russian', () => {
    const problems = validateForm(passportForm, {
      applicant: { lastName: 'Петрова', firstName: 'Мария', birthDate: '1990-13-45', passportSeries: '45 08', passportNumber: '123456', email: 'not-an-email' },
      reason: 'Потому что',
      extra: 1,
    });
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField).toEqual({
      'data.applicant.birthDate': expect.stringMatching(/дату/),
      'data.applicant.passportSeries': 'Серия паспорта — 4 цифры',
      'data.applicant.email': expect.stringMatching(/почты/),
      'data.reason': expect.stringMatching(/выберите значение/),
      'data.registrationAddress': 'Заполните поле «Адрес регистрации»',
      'data.extra': 'Такого поля в форме нет',
    });
  });

  it('accepts complete data, and any object when the service has no form', () => {
    const data = { applicant: { lastName: 'Петрова', firstName: 'Мария', birthDate: '1990-01-15', passportSeries: '4508', passportNumber: '123456' }, reason: 'Достижение 45 лет', registrationAddress: 'г. Москва, ул. Тверская, д. 1' };
    expect(validateForm(passportForm, data)).toEqual([]);
    expect(validateForm(null, { anything: true })).toEqual([]);
    expect(validateForm(null, [1])).toEqual([{ field: 'data', message: 'Данные заявления — объект' }]);
  });
});
