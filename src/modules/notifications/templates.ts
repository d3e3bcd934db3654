/**
 * Every message text in one place, per template and channel, in Russian. SMS texts stay within
 * one or two Cyrillic segments (70 / 134 characters); templates.test.ts renders each with
 * realistic values and checks it. Codes are the only 6-digit numbers a message may contain.
 * The texts live in templates/, one file per subject area; this file gathers and renders them.
 */
import { accountTemplates } from './templates/account.js';
import { bookingChangeTemplates } from './templates/booking-changes.js';
import { caseTemplates } from './templates/cases.js';
import { conversationTemplates } from './templates/conversations.js';
import { familyTemplates } from './templates/family.js';
import { paymentTemplates } from './templates/payments.js';
import { integrationTemplates } from './templates/integrations.js';
import type { NotificationCategory, Template } from './templates/template.js';
import { visitTemplates } from './templates/visits.js';

export type { NotificationCategory } from './templates/template.js';

export const templates = {
  ...conversationTemplates,
  ...accountTemplates,
  ...visitTemplates,
  ...bookingChangeTemplates,
  ...caseTemplates,
  ...familyTemplates,
  ...paymentTemplates,
  ...integrationTemplates,
} satisfies Record<string, Template<never>>;

export type TemplateName = keyof typeof templates;
export type TemplateVars<N extends TemplateName> = (typeof templates)[N] extends Template<infer V> ? V : never;

export interface Rendered {
  category: NotificationCategory;
  urgent: boolean;
  secret: boolean;
  title: string;
  body: string;
  sms: string;
  email: { subject: string; text: string };
  push: { title: string; body: string };
}

export function renderTemplate<N extends TemplateName>(name: N, vars: TemplateVars<N>): Rendered {
  const t = templates[name] as unknown as Template<TemplateVars<N>>;
  const email = { subject: t.email.subject(vars), text: t.email.text(vars) };
  const title = t.title(vars);
  const sms = t.sms(vars);
  const push = t.push ? { title: t.push.title(vars), body: t.push.body(vars) } : { title, body: sms };
  return { category: t.category, urgent: t.urgent, secret: t.secret, title, body: t.inApp ? t.inApp(vars) : sms, sms, email, push };
}

/** SMS segments: GSM-7 fits 160 (153 per part), anything else (Cyrillic) UCS-2 70 (67 per part). */
export function smsSegments(text: string): number {
  const gsm = /^[\x20-\x7E\n\r£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿äöñüà]*$/.test(text);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return text.length <= single ? 1 : Math.ceil(text.length / multi);
}
