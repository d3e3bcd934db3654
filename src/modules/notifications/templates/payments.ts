/** Messages about money: a new charge, an approaching due date, a payment received, a refund. */
import { SIGNATURE } from './template.js';

type Charge = { what: string; purpose: string; amount: string; due: string };
type Due = { purpose: string; amount: string; date: string };
type Money = { purpose: string; amount: string };

export const paymentTemplates = {
  'charge.issued': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: Charge) => `${v.what}: ${v.amount} ₽`,
    sms: (v: Charge) => `МФЦ: ${v.what.toLowerCase()} ${v.amount} ₽${v.due ? `, оплатить до ${v.due}` : ''}. Оплата в личном кабинете`,
    email: {
      subject: (v: Charge) => `${v.what} на ${v.amount} ₽`,
      text: (v: Charge) => `Вам выставлено начисление: ${v.what.toLowerCase()} — «${v.purpose}», ${v.amount} ₽.${v.due ? ` Оплатить до ${v.due}.` : ''}\n\nОплатить картой или через СБП можно в личном кабинете, раздел «Платежи».${SIGNATURE}`,
    },
  },
  'charge.due': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: Due) => `Срок оплаты ${v.date}: ${v.amount} ₽`,
    sms: (v: Due) => `МФЦ: ${v.date} истекает срок оплаты ${v.amount} ₽. Оплата в личном кабинете`,
    email: {
      subject: (v: Due) => `Срок оплаты истекает ${v.date}`,
      text: (v: Due) => `Начисление «${v.purpose}» на ${v.amount} ₽ нужно оплатить до ${v.date}. Оплатить можно в личном кабинете, раздел «Платежи».${SIGNATURE}`,
    },
  },
  'payment.succeeded': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: Money) => `Оплачено ${v.amount} ₽`,
    sms: (v: Money) => `МФЦ: платёж ${v.amount} ₽ получен. Чек — в личном кабинете`,
    email: {
      subject: (v: Money) => `Платёж ${v.amount} ₽ получен`,
      text: (v: Money) => `Платёж «${v.purpose}» на ${v.amount} ₽ получен. Электронный чек (PDF) — в личном кабинете, раздел «Платежи».${SIGNATURE}`,
    },
  },
  'payment.refunded': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: Money) => `Возврат ${v.amount} ₽`,
    sms: (v: Money) => `МФЦ: вам возвращено ${v.amount} ₽ за «${v.purpose.slice(0, 30)}»`,
    email: {
      subject: (v: Money) => `Возврат ${v.amount} ₽`,
      text: (v: Money) => `По платежу «${v.purpose}» оформлен возврат ${v.amount} ₽. Деньги придут тем же способом, которым вы платили, обычно в течение нескольких дней.${SIGNATURE}`,
    },
  },
} as const;
