/** A citizen's cases: documents checked or expiring, applications changing. */
import { SIGNATURE, type Template } from './template.js';

export const caseTemplates = {
  'document.verified': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: { document: string; reason: string }) => `${v.document}: проверен`,
    sms: (v: { document: string; reason: string }) => `МФЦ: документ «${v.document}» проверен`,
    email: {
      subject: (v: { document: string; reason: string }) => `Документ «${v.document}» проверен`,
      text: (v: { document: string; reason: string }) => `Оператор МФЦ проверил документ «${v.document}»: данные подтверждены.${SIGNATURE}`,
    },
  },
  'document.rejected': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: { document: string; reason: string }) => `${v.document}: нужны исправления`,
    sms: (v: { document: string; reason: string }) => `МФЦ: документ «${v.document}» не принят. Причина в кабинете`,
    email: {
      subject: (v: { document: string; reason: string }) => `Документ «${v.document}» не принят`,
      text: (v: { document: string; reason: string }) => `Оператор МФЦ не принял документ «${v.document}».\nПричина: ${v.reason}\n\nИсправьте данные или загрузите новый скан в разделе «Документы».${SIGNATURE}`,
    },
  },
  'document.expiring': {
    category: 'DOCUMENT_EXPIRY',
    urgent: false,
    secret: false,
    title: (v: { document: string; date: string }) => `${v.document}: срок до ${v.date}`,
    sms: (v: { document: string; date: string }) => `МФЦ: срок документа «${v.document}» истекает ${v.date}`,
    email: {
      subject: (v: { document: string; date: string }) => `Срок действия документа истекает ${v.date}`,
      text: (v: { document: string; date: string }) => `Срок действия документа «${v.document}» истекает ${v.date}. Замените его заранее: запишитесь в МФЦ или подайте заявление в личном кабинете.${SIGNATURE}`,
    },
  },
  'application.status': {
    category: 'APPLICATION_STATUS',
    urgent: false,
    secret: false,
    title: (v: { number: string; status: string; service: string; comment: string }) => `Заявление ${v.number}: ${v.status}`,
    sms: (v: { number: string; status: string; service: string; comment: string }) => `МФЦ: заявление ${v.number} — ${v.status}`,
    email: {
      subject: (v: { number: string; status: string; service: string; comment: string }) => `Заявление ${v.number}: ${v.status}`,
      text: (v: { number: string; status: string; service: string; comment: string }) =>
        `Статус заявления ${v.number} («${v.service}»): ${v.status}.${v.comment ? `\nКомментарий: ${v.comment}` : ''}\n\nХод рассмотрения — в личном кабинете, раздел «Заявления».${SIGNATURE}`,
    },
  },
  'application.amended': {
    category: 'APPLICATION_STATUS',
    urgent: false,
    secret: false,
    title: (v: { number: string; version: string }) => `Заявление ${v.number} изменено`,
    sms: (v: { number: string; version: string }) => `МФЦ: заявление ${v.number} изменено, версия ${v.version}`,
    email: {
      subject: (v: { number: string; version: string }) => `Заявление ${v.number} изменено`,
      text: (v: { number: string; version: string }) => `В заявление ${v.number} внесены изменения: это версия ${v.version}. Все версии сохранены в личном кабинете.${SIGNATURE}`,
    },
  },
  'application.comment': {
    category: 'APPLICATION_STATUS',
    urgent: false,
    secret: false,
    title: (v: { number: string; text: string }) => `Заявление ${v.number}: комментарий специалиста`,
    sms: (v: { number: string; text: string }) => `МФЦ: новый комментарий по заявлению ${v.number}`,
    email: {
      subject: (v: { number: string; text: string }) => `Комментарий по заявлению ${v.number}`,
      text: (v: { number: string; text: string }) => `Специалист МФЦ оставил комментарий по заявлению ${v.number}:\n\n${v.text}\n\nОтветить можно в личном кабинете.${SIGNATURE}`,
    },
  },
  'application.result': {
    category: 'APPLICATION_STATUS',
    urgent: false,
    secret: false,
    title: (v: { number: string }) => `Заявление ${v.number}: результат готов`,
    sms: (v: { number: string }) => `МФЦ: результат по заявлению ${v.number} — в личном кабинете`,
    email: {
      subject: (v: { number: string }) => `Результат по заявлению ${v.number}`,
      text: (v: { number: string }) => `К заявлению ${v.number} приложен документ с результатом. Скачайте его в личном кабинете, раздел «Заявления».${SIGNATURE}`,
    },
  },
} satisfies Record<string, Template<never>>;
