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
} satisfies Record<string, Template<never>>;
