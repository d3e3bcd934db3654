/**
 * Every change of a booking the citizen did not just see on screen, or did: a reschedule (old and
 * new time, reschedules left), a cancellation by the citizen, by expiry or by the branch (with
 * its reason and a link to book again), and a freed place held for a watcher until a moment.
 */
import { SIGNATURE, type Template } from './template.js';

interface Visit {
  number: string;
  branch: string;
  time: string;
}

export const bookingChangeTemplates = {
  'booking.rescheduled': {
    category: 'BOOKING',
    urgent: false,
    secret: false,
    title: (v: Visit & { oldTime: string; left: string }) => `Запись ${v.number} перенесена на ${v.time}`,
    sms: (v: Visit & { oldTime: string; left: string }) => `МФЦ: запись ${v.number} перенесена с ${v.oldTime} на ${v.time}`,
    email: {
      subject: (v: Visit & { oldTime: string; left: string }) => `Запись ${v.number} перенесена на ${v.time}`,
      text: (v: Visit & { oldTime: string; left: string }) =>
        `Запись ${v.number} в ${v.branch} перенесена: было ${v.oldTime}, стало ${v.time}. Перенести запись можно ещё ${v.left} раз(а).${SIGNATURE}`,
    },
    inApp: (v: Visit & { oldTime: string; left: string }) => `Было ${v.oldTime}, стало ${v.time}. Переносов осталось: ${v.left}.`,
  },
  'booking.cancelled': {
    category: 'BOOKING',
    urgent: false,
    secret: false,
    title: (v: Visit & { reason: string }) => `Запись ${v.number} отменена`,
    sms: (v: Visit & { reason: string }) => `МФЦ: запись ${v.number} на ${v.time} отменена`,
    email: {
      subject: (v: Visit & { reason: string }) => `Запись ${v.number} отменена`,
      text: (v: Visit & { reason: string }) => `Запись ${v.number} в ${v.branch} на ${v.time} отменена: ${v.reason}. Место освобождено.${SIGNATURE}`,
    },
    inApp: (v: Visit & { reason: string }) => `Запись на ${v.time} отменена: ${v.reason}.`,
  },
  'booking.expired': {
    category: 'BOOKING',
    urgent: false,
    secret: false,
    title: (v: Visit) => `Запись ${v.number} не подтверждена`,
    sms: (v: Visit) => `МФЦ: запись ${v.number} на ${v.time} не подтверждена вовремя и снята`,
    email: {
      subject: (v: Visit) => `Запись ${v.number} не подтверждена`,
      text: (v: Visit) => `Запись ${v.number} в ${v.branch} на ${v.time} не была подтверждена вовремя, место освобождено. Вы можете записаться снова в личном кабинете.${SIGNATURE}`,
    },
  },
  'booking.cancelled_by_branch': {
    category: 'BOOKING',
    urgent: true,
    secret: false,
    title: (v: Visit & { reason: string; link: string }) => `Запись ${v.number} отменена отделением`,
    sms: (v: Visit & { reason: string; link: string }) => `МФЦ: запись ${v.number} на ${v.time} отменена: ${v.reason}. Запишитесь снова в кабинете`,
    email: {
      subject: (v: Visit & { reason: string; link: string }) => `Запись ${v.number} отменена отделением`,
      text: (v: Visit & { reason: string; link: string }) =>
        `К сожалению, ${v.branch} не сможет принять вас ${v.time}: ${v.reason}. Запись ${v.number} отменена и не учитывается в ваших ограничениях. Записаться на другое время: ${v.link}${SIGNATURE}`,
    },
    inApp: (v: Visit & { reason: string; link: string }) => `Визит ${v.time} отменён: ${v.reason}. Записаться снова: ${v.link}`,
  },
  'booking.slot_held': {
    category: 'BOOKING',
    urgent: true,
    secret: false,
    title: (v: Visit & { confirmBy: string }) => `Для вас удерживается место на ${v.time}`,
    sms: (v: Visit & { confirmBy: string }) => `МФЦ: место на ${v.time} ждёт вас. Подтвердите запись до ${v.confirmBy}`,
    email: {
      subject: (v: Visit & { confirmBy: string }) => `Освободилось место на ${v.time}: оно ваше до ${v.confirmBy}`,
      text: (v: Visit & { confirmBy: string }) =>
        `В ${v.branch} освободилось место на ${v.time}, и мы записали вас (запись ${v.number}). Подтвердите запись в личном кабинете до ${v.confirmBy}, иначе место перейдёт следующему в листе ожидания.${SIGNATURE}`,
    },
  },
} satisfies Record<string, Template<never>>;
