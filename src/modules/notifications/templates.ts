/**
 * Every message text in one place, per template and channel, in Russian. SMS texts stay within
 * one or two Cyrillic segments (70 / 134 characters); templates.test.ts renders each with
 * realistic values and checks it. Codes are the only 6-digit numbers a message may contain.
 */
export type NotificationCategory = 'APPLICATION_STATUS' | 'BOOKING' | 'DOCUMENT_EXPIRY' | 'LOAD_ALERT' | 'SECURITY' | 'CHAT' | 'SYSTEM';

interface Template<V> {
  category: NotificationCategory;
  /** Skips quiet hours and goes out at once. */
  urgent: boolean;
  /** Carries a secret (a code): kept out of the in-app feed. */
  secret: boolean;
  title: (v: V) => string;
  sms: (v: V) => string;
  email: { subject: (v: V) => string; text: (v: V) => string };
  /** Web push; defaults to the title and the SMS text. */
  push?: { title: (v: V) => string; body: (v: V) => string };
  /** The in-app feed's body; defaults to the SMS text. */
  inApp?: (v: V) => string;
}

const SIGNATURE = '\n\n—\nЛичный кабинет МФЦ. Это письмо отправлено автоматически, отвечать на него не нужно.';

const code = (purpose: string, title: string) =>
  ({
    category: 'SECURITY',
    urgent: true,
    secret: true,
    title: () => title,
    sms: (v: { code: string }) => `${v.code} — код ${purpose}. Никому его не сообщайте`,
    email: {
      subject: () => title,
      text: (v: { code: string }) => `Ваш код ${purpose}: ${v.code}\n\nКод действует 5 минут. Никому его не сообщайте, сотрудники МФЦ его не спрашивают.${SIGNATURE}`,
    },
  }) satisfies Template<{ code: string }>;

const security = <V>(t: Omit<Template<V>, 'category' | 'urgent' | 'secret'>): Template<V> => ({ category: 'SECURITY', urgent: true, secret: false, ...t });

export const templates = {
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
  'auth.code.registration': code('регистрации в МФЦ', 'Код подтверждения регистрации'),
  'auth.code.login': code('входа в МФЦ', 'Код для входа'),
  'auth.code.password_reset': code('сброса пароля МФЦ', 'Код для сброса пароля'),
  'auth.code.contact_change': code('смены контакта МФЦ', 'Код подтверждения контакта'),
  'security.login': security<{ time: string; device: string; ip: string }>({
    title: () => 'Вход в личный кабинет',
    sms: (v) => `МФЦ: вход в кабинет ${v.time}. Не вы? Смените пароль`,
    email: {
      subject: () => 'Выполнен вход в личный кабинет МФЦ',
      text: (v) => `Выполнен вход в личный кабинет.\nВремя: ${v.time}\nУстройство: ${v.device}\nIP-адрес: ${v.ip}\n\nЕсли это были не вы, смените пароль и завершите чужие сеансы в разделе «Безопасность».${SIGNATURE}`,
    },
  }),
  'security.locked': security<{ until: string }>({
    title: () => 'Вход заблокирован',
    sms: (v) => `МФЦ: 3 неверных пароля, вход заблокирован до ${v.until}`,
    email: {
      subject: () => 'Вход в личный кабинет МФЦ временно заблокирован',
      text: (v) => `Трижды подряд был введён неверный пароль, поэтому вход заблокирован до ${v.until}.\n\nЕсли это были не вы, после разблокировки смените пароль.${SIGNATURE}`,
    },
  }),
  'security.password_changed': security<Record<string, never>>({
    title: () => 'Пароль изменён',
    sms: () => 'МФЦ: пароль изменён. Не вы? Обратитесь в поддержку',
    email: {
      subject: () => 'Пароль от личного кабинета МФЦ изменён',
      text: () => `Пароль от личного кабинета изменён, другие устройства отключены.\n\nЕсли это были не вы, восстановите доступ через «Забыли пароль?» и обратитесь в поддержку.${SIGNATURE}`,
    },
  }),
  'security.two_factor_enabled': security<{ method: string }>({
    title: () => 'Включена двухфакторная защита',
    sms: (v) => `МФЦ: вход теперь подтверждается: ${v.method}`,
    email: {
      subject: () => 'Включено подтверждение входа',
      text: (v) => `Теперь вход в личный кабинет подтверждается: ${v.method}.${SIGNATURE}`,
    },
  }),
  'security.two_factor_disabled': security<Record<string, never>>({
    title: () => 'Двухфакторная защита отключена',
    sms: () => 'МФЦ: подтверждение входа отключено. Не вы? Смените пароль',
    email: {
      subject: () => 'Подтверждение входа отключено',
      text: () => `Подтверждение входа вторым фактором отключено.\n\nЕсли это были не вы, смените пароль.${SIGNATURE}`,
    },
  }),
  'security.session_family_revoked': security<Record<string, never>>({
    title: () => 'Сеанс завершён из соображений безопасности',
    sms: () => 'МФЦ: сеанс завершён: замечен повторный вход. Войдите снова',
    email: {
      subject: () => 'Сеанс в личном кабинете МФЦ завершён',
      text: () => `Мы заметили повторное использование ключа сеанса и завершили сеанс на всех его устройствах. Войдите снова; если вход был не ваш, смените пароль.${SIGNATURE}`,
    },
  }),
  'security.contact_changed': security<{ channel: string }>({
    title: () => 'Контакт изменён',
    sms: (v) => `МФЦ: изменён ${v.channel}. Не вы? Обратитесь в поддержку`,
    email: {
      subject: () => 'Контактные данные в личном кабинете МФЦ изменены',
      text: (v) => `В личном кабинете изменён ${v.channel}.\n\nЕсли это были не вы, обратитесь в поддержку.${SIGNATURE}`,
    },
  }),
  'security.identifier_removed': security<{ identifier: string }>({
    title: (v) => `${v.identifier} удалён из профиля`,
    sms: (v) => `МФЦ: ${v.identifier} удалён из профиля: он подтверждён у другого человека`,
    email: {
      subject: (v) => `${v.identifier} удалён из вашего профиля в МФЦ`,
      text: (v) =>
        `${v.identifier}, указанный в вашем профиле, подтвердил его владелец (через Госуслуги или проверку документа оператором), поэтому мы удалили его из вашего профиля.\n\nЕсли это ваш ${v.identifier}, подтвердите его: войдите через Госуслуги или покажите документ оператору МФЦ.${SIGNATURE}`,
    },
  }),
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
    title: (v: { number: string; branch: string; time: string }) => `Завтра визит в МФЦ: ${v.time}`,
    sms: (v: { number: string; branch: string; time: string }) => `МФЦ: напоминаем о визите ${v.time}, запись ${v.number}`,
    email: {
      subject: (v: { number: string; branch: string; time: string }) => `Напоминание: визит в МФЦ ${v.time}`,
      text: (v: { number: string; branch: string; time: string }) => `Напоминаем: ${v.time} вас ждут в ${v.branch}. Номер записи: ${v.number}. Возьмите паспорт и талон с QR-кодом.${SIGNATURE}`,
    },
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
  'system.staff_account_created': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: { role: string }) => `Учётная запись ${v.role}`,
    sms: (v: { role: string }) => `МФЦ: создана учётная запись ${v.role}. Пароль выдаст администратор`,
    email: {
      subject: () => 'Для вас создана служебная учётная запись МФЦ',
      text: (v: { role: string }) => `Для вас создана учётная запись ${v.role}. Пароль выдаст администратор; смените его при первом входе.${SIGNATURE}`,
    },
  },
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
