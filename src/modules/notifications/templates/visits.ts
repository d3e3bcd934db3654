/** Visits to a branch: the queue calling a ticket, bookings, load alerts. */
import { SIGNATURE, type Template } from './template.js';

export const visitTemplates = {
  'queue.ticket_called': {
    category: 'BOOKING',
    urgent: true,
    secret: false,
    title: (v: { number: string; window: string; branch: string }) => `Талон ${v.number}: окно ${v.window}`,
    sms: (v: { number: string; window: string; branch: string }) => `МФЦ: талон ${v.number}, пройдите к окну ${v.window}`,
    email: {
      subject: (v: { number: string; window: string; branch: string }) => `Талон ${v.number}: пройдите к окну ${v.window}`,
      text: (v: { number: string; window: string; branch: string }) => `Ваш талон ${v.number} вызван в ${v.branch}. Пройдите к окну ${v.window}.${SIGNATURE}`,
    },
  },
  'queue.almost_turn': {
    category: 'BOOKING',
    urgent: true,
    secret: false,
    title: (v: { number: string; ahead: string; branch: string }) => `Талон ${v.number}: скоро ваша очередь`,
    sms: (v: { number: string; ahead: string; branch: string }) => `МФЦ: талон ${v.number}, перед вами ${v.ahead} чел. Подходите к залу ожидания`,
    email: {
      subject: (v: { number: string; ahead: string; branch: string }) => `Талон ${v.number}: скоро ваша очередь`,
      text: (v: { number: string; ahead: string; branch: string }) => `В ${v.branch} перед вашим талоном ${v.number} осталось ${v.ahead} чел. Подходите к залу ожидания, чтобы не пропустить вызов.${SIGNATURE}`,
    },
  },
  'booking.confirmed': {
    category: 'BOOKING',
    urgent: false,
    secret: false,
    title: (v: { number: string; branch: string; time: string }) => `Запись ${v.number} подтверждена`,
    sms: (v: { number: string; branch: string; time: string }) => `МФЦ: запись ${v.number} на ${v.time}`,
    email: {
      subject: (v: { number: string; branch: string; time: string }) => `Запись ${v.number} подтверждена`,
      text: (v: { number: string; branch: string; time: string }) => `Вы записаны в ${v.branch} на ${v.time}. Номер записи: ${v.number}. Талон с QR-кодом — в личном кабинете.${SIGNATURE}`,
    },
  },
  'booking.reminder': {
    category: 'BOOKING',
    urgent: false,
    secret: false,
    title: (v: { number: string; branch: string; time: string; missing: string }) => `Завтра визит в МФЦ: ${v.time}`,
    sms: (v: { number: string; branch: string; time: string; missing: string }) => `МФЦ: напоминаем о визите ${v.time}, запись ${v.number}${v.missing ? '. Не хватает документов: см. кабинет' : ''}`,
    email: {
      subject: (v: { number: string; branch: string; time: string; missing: string }) => `Напоминание: визит в МФЦ ${v.time}`,
      text: (v: { number: string; branch: string; time: string; missing: string }) =>
        `Напоминаем: ${v.time} вас ждут в ${v.branch}. Номер записи: ${v.number}. Возьмите паспорт и талон с QR-кодом.${v.missing ? ` Для услуги не хватает документов: ${v.missing}. Добавьте их в личном кабинете или возьмите с собой.` : ''}${SIGNATURE}`,
    },
    inApp: (v: { number: string; branch: string; time: string; missing: string }) => `Визит ${v.time}, запись ${v.number}.${v.missing ? ` Не хватает документов: ${v.missing}.` : ''}`,
  },
  'booking.slot_freed': {
    category: 'BOOKING',
    urgent: false,
    secret: false,
    title: (v: { branch: string; date: string }) => `Освободилось место ${v.date}`,
    sms: (v: { branch: string; date: string }) => `МФЦ: освободилось место на ${v.date}. Успейте записаться`,
    email: {
      subject: (v: { branch: string; date: string }) => `В ${v.branch} освободилось место на ${v.date}`,
      text: (v: { branch: string; date: string }) => `В ${v.branch} освободилось место на ${v.date}. Место не закреплено за вами: запишитесь в личном кабинете, пока его не заняли. Оповещение выполнено и отключено.${SIGNATURE}`,
    },
  },
  'load.alert': {
    category: 'LOAD_ALERT',
    urgent: false,
    secret: false,
    title: (v: { branch: string; waiting: string }) => `Очередь в ${v.branch} уменьшилась`,
    sms: (v: { branch: string; waiting: string }) => `МФЦ: в очереди ${v.waiting} чел. Можно приходить`,
    email: {
      subject: (v: { branch: string; waiting: string }) => `Очередь в ${v.branch} уменьшилась`,
      text: (v: { branch: string; waiting: string }) => `В ${v.branch} сейчас в очереди ${v.waiting} чел. Оповещение выполнено и отключено; при необходимости создайте новое.${SIGNATURE}`,
    },
  },
} satisfies Record<string, Template<never>>;
