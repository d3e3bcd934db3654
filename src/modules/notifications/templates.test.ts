import { describe, expect, it } from 'vitest';
import { renderTemplate, smsSegments, templates, type TemplateName, type TemplateVars } from './templates.js';

const samples: { [N in TemplateName]: TemplateVars<N> } = {
  'auth.code.registration': { code: '482913' },
  'auth.code.login': { code: '482913' },
  'auth.code.password_reset': { code: '482913' },
  'auth.code.contact_change': { code: '482913' },
  'security.login': { time: '23.11.2026 09:15 МСК', device: 'Яндекс Браузер, Android', ip: '203.0.113.200' },
  'security.locked': { until: '23.11.2026 09:45 МСК' },
  'security.password_changed': {},
  'security.two_factor_enabled': { method: 'приложение-аутентификатор' },
  'security.two_factor_disabled': {},
  'security.session_family_revoked': {},
  'security.contact_changed': { channel: 'адрес электронной почты' },
  'security.identifier_removed': { identifier: 'СНИЛС' },
  'security.registration_attempt': { contact: 'адрес электронной почты' },
  'security.contact_claim_attempt': { contact: 'адрес электронной почты' },
  'system.staff_account_created': { role: 'администратора' },
  'queue.ticket_called': { number: 'A042', window: '12', branch: 'МФЦ района Тверской' },
  'load.alert': { branch: 'МФЦ района Тверской', waiting: '3' },
  'booking.reminder': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', time: '25.11.2026 10:30' },
  'booking.slot_freed': { branch: 'МФЦ района Тверской', date: '25.11.2026' },
  'webhook.disabled': { url: 'https://crm.example.ru/hooks/mfc', hours: '24' },
  'document.verified': { document: 'Паспорт гражданина РФ', reason: '' },
  'document.rejected': { document: 'Свидетельство о регистрации ТС', reason: 'Скан нечитаем: загрузите фото без бликов' },
  'document.expiring': { document: 'Водительское удостоверение', date: '25.12.2026' },
  'application.status': { number: 'MFC-2026-0000123', status: 'готово к выдаче', service: 'Замена водительского удостоверения', comment: 'Возьмите паспорт' },
  'application.amended': { number: 'MFC-2026-0000123', version: '2' },
  'application.comment': { number: 'MFC-2026-0000123', text: 'Приложите, пожалуйста, скан квитанции об оплате госпошлины' },
  'application.result': { number: 'MFC-2026-0000123' },
  'booking.confirmed': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', time: '25.11.2026 10:30' },
  'chat.reply': { subject: 'Справка о несудимости', operator: 'Оператор Анна', excerpt: 'Добрый день! Справка будет готова в пятницу, приходите с паспортом.' },
  'feedback.answered': { kind: 'жалобу', excerpt: 'Спасибо, что сообщили. Мы разобрались и приняли меры.' },
};

describe('message templates', () => {
  for (const name of Object.keys(templates) as TemplateName[]) {
    it(`${name} renders every channel with its variables, SMS within two segments`, () => {
      const r = renderTemplate(name, samples[name] as never);
      for (const text of [r.title, r.body, r.sms, r.email.subject, r.email.text, r.push.title, r.push.body]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/undefined|\$\{|\{\w+\}/);
      }
      expect(smsSegments(r.sms), r.sms).toBeLessThanOrEqual(name.startsWith('auth.code') ? 1 : 2);
      const sixDigits = (r.sms + r.email.text).match(/\b\d{6}\b/g) ?? [];
      expect(sixDigits.every((d) => d === '482913'), 'only codes may be 6-digit numbers').toBe(true);
    });
  }

  it('counts Cyrillic segments by 70 / 67 and Latin by 160 / 153', () => {
    expect(smsSegments('я'.repeat(70))).toBe(1);
    expect(smsSegments('я'.repeat(71))).toBe(2);
    expect(smsSegments('я'.repeat(134))).toBe(2);
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
  });
});
