/** Codes (registration, login, password reset, contact change, certificate binding), security notices and new staff accounts. */
import { SIGNATURE, type Template } from './template.js';

/** A one-time code: urgent, secret (kept out of the feed), one SMS segment. */
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

export const accountTemplates = {
  'auth.code.registration': code('регистрации в МФЦ', 'Код подтверждения регистрации'),
  'auth.code.login': code('входа в МФЦ', 'Код для входа'),
  'auth.code.password_reset': code('сброса пароля МФЦ', 'Код для сброса пароля'),
  'auth.code.contact_change': code('смены контакта МФЦ', 'Код подтверждения контакта'),
  'auth.code.certificate_binding': code('привязки подписи в МФЦ', 'Код привязки электронной подписи'),
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
  'security.registration_attempt': security<{ contact: string }>({
    title: () => 'Попытка регистрации с вашим контактом',
    sms: (v) => `МФЦ: кто-то пытался зарегистрироваться, указав ваш ${v.contact}. Код не отправлялся`,
    email: {
      subject: () => 'Попытка регистрации в МФЦ с вашим контактом',
      text: (v) =>
        `Кто-то пытался зарегистрироваться в личном кабинете МФЦ, указав ваш ${v.contact}. Код подтверждения не отправлялся, новая учётная запись с ним не создана.\n\nЕсли это были вы, войдите в свой кабинет или восстановите пароль через «Забыли пароль?».${SIGNATURE}`,
    },
  }),
  'security.contact_claim_attempt': security<{ contact: string }>({
    title: () => 'Ваш контакт пытались привязать к другой учётной записи',
    sms: (v) => `МФЦ: ваш ${v.contact} пытались привязать к другой учётной записи. Код не отправлялся`,
    email: {
      subject: () => 'Ваш контакт пытались привязать к другой учётной записи МФЦ',
      text: (v) =>
        `Кто-то пытался указать ваш ${v.contact} в другой учётной записи личного кабинета МФЦ. Код подтверждения не отправлялся, контакт остался за вами.\n\nЕсли это были вы из другой учётной записи, сначала уберите контакт из этой.${SIGNATURE}`,
    },
  }),
  'security.passkey_counter': security<{ passkey: string }>({
    title: () => 'Вход по ключу доступа отклонён',
    sms: (v) => `МФЦ: вход по ключу «${v.passkey}» отклонён, возможна копия ключа. Проверьте ключи`,
    email: {
      subject: () => 'Вход по ключу доступа в личный кабинет МФЦ отклонён',
      text: (v) =>
        `Вход по ключу доступа «${v.passkey}» отклонён: счётчик подписей ключа не увеличился. Так бывает, когда ключ скопирован на другое устройство.\n\nЕсли это были не вы, удалите этот ключ в разделе «Безопасность» и смените пароль.${SIGNATURE}`,
    },
  }),
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
