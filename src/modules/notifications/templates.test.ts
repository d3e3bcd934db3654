import { describe, expect, it } from 'vitest';
import { renderTemplate, smsSegments, templates, type TemplateName, type TemplateVars } from './templates.js';

const samples: { [N in TemplateName]: TemplateVars<N> } = {
  'auth.code.registration': { code: '482913' },
  'auth.code.login': { code: '482913' },
  'auth.code.password_reset': { code: '482913' },
  'auth.code.contact_change': { code: '482913' },
  'auth.code.certificate_binding': { code: '482913' },
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
  'security.passkey_counter': { passkey: 'Телефон' },
  'system.staff_account_created': { role: 'администратора' },
  'queue.ticket_called': { number: 'A042', window: '12', branch: 'МФЦ района Тверской' },
  'queue.almost_turn': { number: 'A042', ahead: '3', branch: 'МФЦ района Тверской' },
  'load.alert': { branch: 'МФЦ района Тверской', waiting: '3' },
  'booking.reminder': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', time: '25.11.2026 10:30', missing: 'Паспорт гражданина РФ (истекает до визита), СНИЛС' },
  'booking.slot_freed': { branch: 'МФЦ района Тверской', date: '25.11.2026' },
  'booking.rescheduled': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', oldTime: '25.11.2026 10:30', time: '27.11.2026 12:45', left: '2' },
  'booking.cancelled': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', time: '25.11.2026 10:30', reason: 'Отменена заявителем' },
  'booking.expired': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', time: '25.11.2026 10:30' },
  'booking.cancelled_by_branch': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', time: '25.11.2026 10:30', reason: 'санитарный день', link: 'https://mfc.example/booking?branchId=1&serviceId=2' },
  'booking.slot_held': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', time: '25.11.2026 10:30', confirmBy: '24.11.2026 18:15' },
  'webhook.disabled': { url: 'https://crm.example.ru/hooks/mfc', hours: '24' },
  'document.verified': { document: 'Паспорт гражданина РФ', reason: '' },
  'document.rejected': { document: 'Свидетельство о регистрации ТС', reason: 'Скан нечитаем: загрузите фото без бликов' },
  'document.expiring': { document: 'Водительское удостоверение', date: '25.12.2026' },
  'family.dependant_verified': { name: 'Иванова Мария Петровна', reason: '' },
  'family.dependant_rejected': { name: 'Иванова Мария Петровна', reason: 'Скан свидетельства нечитаем' },
  'family.came_of_age': { name: 'Иванова Мария Петровна' },
  'family.now_adult': { name: 'Мария' },
  'profile.change_approved': { reason: '' },
  'profile.change_rejected': { reason: 'На скане свидетельства о браке не видна печать' },
  'application.status': { number: 'MFC-2026-0000123', status: 'готово к выдаче', service: 'Замена водительского удостоверения', comment: 'Возьмите паспорт' },
  'application.amended': { number: 'MFC-2026-0000123', version: '2' },
  'application.comment': { number: 'MFC-2026-0000123', text: 'Приложите, пожалуйста, скан квитанции об оплате госпошлины' },
  'application.result': { number: 'MFC-2026-0000123' },
  'booking.confirmed': { number: 'МФЦ-Б-0000123', branch: 'МФЦ района Тверской', time: '25.11.2026 10:30' },
  'chat.reply': { subject: 'Справка о несудимости', operator: 'Оператор Анна', excerpt: 'Добрый день! Справка будет готова в пятницу, приходите с паспортом.' },
  'charge.issued': { what: 'Штраф', purpose: 'Штраф ГИБДД по постановлению 18810177260000012345', amount: '500.00', due: '20.12.2026' },
  'charge.due': { purpose: 'Налог на имущество за 2025 год', amount: '1234.56', date: '20.12.2026' },
  'payment.succeeded': { purpose: 'Госпошлина за выдачу паспорта', amount: '2450.00' },
  'payment.refunded': { purpose: 'Госпошлина за выдачу паспорта', amount: '2450.00' },
  'feedback.answered': { kind: 'жалобу', excerpt: 'Спасибо, что сообщили. Мы разобрались и приняли меры.' },
  'support.follow_up': { case: 'ОБР-2026-0000042', author: 'Оператор Анна', excerpt: 'Уточните, пожалуйста, номер записи.' },
  'support.overdue': { case: 'ОБР-2026-0000042', priority: 'критический', due: '01.12.2026 10:30 МСК' },
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
