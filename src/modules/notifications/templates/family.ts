/** Messages of the family module: dependants checked or come of age, profile changes reviewed. */
import { SIGNATURE, type Template } from './template.js';

type Name = { name: string };
type NameReason = { name: string; reason: string };
type Reason = { reason: string };

export const familyTemplates = {
  'family.dependant_verified': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: NameReason) => `${v.name}: документ проверен`,
    sms: (v: NameReason) => `МФЦ: документ члена семьи ${v.name} проверен`,
    email: {
      subject: (v: NameReason) => `Документ члена семьи ${v.name} проверен`,
      text: (v: NameReason) => `Оператор МФЦ проверил документ члена семьи ${v.name}. Теперь вы можете подавать за него заявления в личном кабинете.${SIGNATURE}`,
    },
  },
  'family.dependant_rejected': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: NameReason) => `${v.name}: документ не принят`,
    sms: (v: NameReason) => `МФЦ: документ члена семьи ${v.name} не принят. Причина в кабинете`,
    email: {
      subject: (v: NameReason) => `Документ члена семьи ${v.name} не принят`,
      text: (v: NameReason) => `Оператор МФЦ не принял документ члена семьи ${v.name}.\nПричина: ${v.reason}\n\nИсправьте данные или загрузите новый скан в разделе «Семья».${SIGNATURE}`,
    },
  },
  'family.came_of_age': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: Name) => `${v.name}: 18 лет`,
    sms: (v: Name) => `МФЦ: ${v.name} исполнилось 18 лет, профиль перенесён в историю`,
    email: {
      subject: (v: Name) => `${v.name} исполнилось 18 лет`,
      text: (v: Name) => `${v.name} исполнилось 18 лет. Совершеннолетний получает услуги сам, поэтому его профиль больше не входит в ваш кабинет и перенесён в историю. Записи и заявления, поданные раньше, сохранены.${SIGNATURE}`,
    },
  },
  'family.now_adult': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: () => 'Вам исполнилось 18 лет',
    sms: () => 'МФЦ: вам 18 лет, теперь вы получаете услуги в своём кабинете',
    email: {
      subject: () => 'Вам исполнилось 18 лет',
      text: (v: Name) => `Здравствуйте, ${v.name}! Вам исполнилось 18 лет: теперь вы получаете услуги МФЦ сами, в своём личном кабинете. Родитель больше не видит ваш профиль в своём кабинете.${SIGNATURE}`,
    },
  },
  'profile.change_approved': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: () => 'Изменение данных одобрено',
    sms: () => 'МФЦ: изменение ваших личных данных одобрено и внесено в профиль',
    email: {
      subject: () => 'Изменение личных данных одобрено',
      text: (v: Reason) => `Оператор МФЦ проверил ваш запрос и внёс изменения в профиль.${v.reason ? `\nКомментарий: ${v.reason}` : ''}${SIGNATURE}`,
    },
  },
  'profile.change_rejected': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: () => 'Изменение данных отклонено',
    sms: () => 'МФЦ: запрос на изменение данных отклонён. Причина в кабинете',
    email: {
      subject: () => 'Запрос на изменение личных данных отклонён',
      text: (v: Reason) => `Оператор МФЦ отклонил ваш запрос на изменение личных данных.\nПричина: ${v.reason}\n\nВы можете подать новый запрос с исправленными данными или сканами.${SIGNATURE}`,
    },
  },
} satisfies Record<string, Template<never>>;
