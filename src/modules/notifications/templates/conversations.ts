/** Answers from staff: a reply in a chat, an answer to feedback. */
import { SIGNATURE, type Template } from './template.js';

export const conversationTemplates = {
  'chat.reply': {
    category: 'CHAT',
    urgent: false,
    secret: false,
    title: (v: { subject: string; operator: string; excerpt: string }) => `Ответ в чате: ${v.subject}`,
    sms: () => 'МФЦ: новый ответ оператора в чате. Откройте личный кабинет',
    email: {
      subject: (v: { subject: string; operator: string; excerpt: string }) => `Ответ оператора МФЦ: ${v.subject}`,
      text: (v: { subject: string; operator: string; excerpt: string }) => `${v.operator} ответил(а) в чате «${v.subject}»:\n\n${v.excerpt}\n\nПродолжить переписку можно в личном кабинете.${SIGNATURE}`,
    },
    push: {
      title: (v: { subject: string; operator: string; excerpt: string }) => `${v.operator}: ${v.subject}`,
      body: (v: { subject: string; operator: string; excerpt: string }) => v.excerpt,
    },
    inApp: (v: { subject: string; operator: string; excerpt: string }) => `${v.operator}: ${v.excerpt}`,
  },
  'feedback.answered': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: { kind: string; excerpt: string }) => `Ответ на ${v.kind}`,
    sms: (v: { kind: string; excerpt: string }) => `МФЦ: получен ответ на ${v.kind}. Откройте личный кабинет`,
    email: {
      subject: (v: { kind: string; excerpt: string }) => `МФЦ ответил на ${v.kind}`,
      text: (v: { kind: string; excerpt: string }) => `На ваш(у) ${v.kind} получен ответ:\n\n${v.excerpt}${SIGNATURE}`,
    },
    inApp: (v: { kind: string; excerpt: string }) => v.excerpt,
  },
  'support.follow_up': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: { case: string; author: string; excerpt: string }) => `Новое сообщение по обращению ${v.case}`,
    sms: (v: { case: string; author: string; excerpt: string }) => `МФЦ: новое сообщение по обращению ${v.case}. Откройте личный кабинет`,
    email: {
      subject: (v: { case: string; author: string; excerpt: string }) => `Обращение ${v.case}: новое сообщение`,
      text: (v: { case: string; author: string; excerpt: string }) => `${v.author} написал(а) по обращению ${v.case}:\n\n${v.excerpt}${SIGNATURE}`,
    },
    inApp: (v: { case: string; author: string; excerpt: string }) => `${v.author}: ${v.excerpt}`,
  },
  'support.overdue': {
    category: 'SYSTEM',
    urgent: true,
    secret: false,
    title: (v: { case: string; priority: string; due: string }) => `Просрочен ответ по обращению ${v.case}`,
    sms: (v: { case: string; priority: string; due: string }) => `МФЦ: просрочен ответ по обращению ${v.case} (${v.priority}), срок был ${v.due}`,
    email: {
      subject: (v: { case: string; priority: string; due: string }) => `Просрочено обращение ${v.case}`,
      text: (v: { case: string; priority: string; due: string }) =>
        `Обращение ${v.case} (приоритет: ${v.priority}) не получило ответа в срок — до ${v.due}. Ответьте гражданину как можно скорее.${SIGNATURE}`,
    },
  },
} satisfies Record<string, Template<never>>;
