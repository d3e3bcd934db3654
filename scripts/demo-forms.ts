/**
 * Application forms (JSON Schema, draft-07) of the demo services. Every form starts with the
 * applicant's block, whose field names match the profile so a new draft arrives prefilled
 * (src/shared/forms/form-schema.ts, prefill in src/modules/applications/applications.rules.ts); each service adds what its real paper form asks.
 */
type Schema = Record<string, unknown>;

const text = (title: string, extra: Schema = {}): Schema => ({ type: 'string', title, minLength: 1, maxLength: 300, ...extra });
const date = (title: string): Schema => ({ type: 'string', format: 'date', title });
const choice = (title: string, values: string[]): Schema => ({ type: 'string', title, enum: values });

/** The applicant as in the passport; filled from the profile and the passport document. */
const applicant: Schema = {
  type: 'object',
  title: 'Заявитель',
  required: ['lastName', 'firstName', 'birthDate', 'passportSeries', 'passportNumber'],
  properties: {
    lastName: text('Фамилия'),
    firstName: text('Имя'),
    middleName: text('Отчество', { minLength: 0 }),
    birthDate: date('Дата рождения'),
    snils: { type: 'string', title: 'СНИЛС', pattern: '^\\d{3}-?\\d{3}-?\\d{3}[ -]?\\d{2}$', 'x-message': 'СНИЛС — 11 цифр' },
    passportSeries: { type: 'string', title: 'Серия паспорта', pattern: '^\\d{4}$', 'x-message': 'Серия паспорта — 4 цифры' },
    passportNumber: { type: 'string', title: 'Номер паспорта', pattern: '^\\d{6}$', 'x-message': 'Номер паспорта — 6 цифр' },
    passportIssuedAt: date('Дата выдачи паспорта'),
    phone: { type: 'string', title: 'Телефон', pattern: '^\\+7\\d{10}$', 'x-message': 'Телефон в формате +79991234567' },
    email: { type: 'string', title: 'Электронная почта', format: 'email' },
  },
};

function form(title: string, required: string[], properties: Schema): Schema {
  return { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', title, required: ['applicant', ...required], properties: { applicant, ...properties }, additionalProperties: false };
}

export const demoForms: Record<string, Schema> = {
  'passport-rf': form('Заявление о выдаче (замене) паспорта', ['reason', 'registrationAddress'], {
    reason: choice('Причина', ['Достижение 14 лет', 'Достижение 20 лет', 'Достижение 45 лет', 'Смена фамилии, имени или отчества', 'Утрата или хищение', 'Непригодность']),
    registrationAddress: text('Адрес регистрации'),
    previousLastName: text('Прежняя фамилия', { minLength: 0 }),
  }),
  'registration-stay': form('Заявление о регистрации по месту пребывания', ['address', 'from', 'to'], {
    address: text('Адрес места пребывания'),
    from: date('С какого числа'),
    to: date('По какое число'),
    ownerConsent: { type: 'boolean', title: 'Собственник жилья согласен' },
  }),
  'criminal-record': form('Запрос справки о судимости', ['purpose', 'birthPlace'], {
    purpose: text('Для предъявления в'),
    birthPlace: text('Место рождения'),
    previousNames: text('Прежние ФИО', { minLength: 0 }),
  }),
  'unified-allowance': form('Заявление о назначении единого пособия', ['children', 'bankAccount'], {
    children: {
      type: 'array',
      title: 'Дети',
      minItems: 1,
      maxItems: 12,
      items: { type: 'object', required: ['fullName', 'birthDate'], properties: { fullName: text('ФИО ребёнка'), birthDate: date('Дата рождения ребёнка') }, additionalProperties: false },
    },
    bankAccount: { type: 'string', title: 'Счёт для выплаты', pattern: '^\\d{20}$', 'x-message': 'Номер счёта — 20 цифр' },
  }),
  'kindergarten-queue': form('Заявление о постановке в очередь в детский сад', ['childName', 'childBirthDate', 'desiredDate'], {
    childName: text('ФИО ребёнка'),
    childBirthDate: date('Дата рождения ребёнка'),
    desiredDate: date('Желаемая дата зачисления'),
    preferredKindergartens: { type: 'array', title: 'Желаемые детские сады', maxItems: 3, items: text('Детский сад') },
  }),
  'driver-license-replace': form('Заявление о замене водительского удостоверения', ['reason', 'licenseNumber'], {
    reason: choice('Причина', ['Истёк срок действия', 'Смена фамилии', 'Утрата', 'Непригодность']),
    licenseNumber: { type: 'string', title: 'Номер удостоверения', pattern: '^\\d{10}$', 'x-message': 'Серия и номер удостоверения — 10 цифр' },
  }),
  'parking-permit': form('Заявление о резидентном парковочном разрешении', ['plate', 'zone'], {
    plate: { type: 'string', title: 'Госномер', pattern: '^[АВЕКМНОРСТУХ]\\d{3}[АВЕКМНОРСТУХ]{2}\\d{2,3}$', 'x-message': 'Госномер, например А123ВС77' },
    zone: text('Зона платной парковки'),
  }),
  'tax-deduction': form('Заявление о налоговом вычете', ['deductionType', 'year', 'amount'], {
    deductionType: choice('Вид вычета', ['Имущественный', 'Социальный: лечение', 'Социальный: обучение', 'Инвестиционный']),
    year: { type: 'integer', title: 'За какой год', minimum: 2020, maximum: 2026 },
    amount: { type: 'number', title: 'Сумма расходов, ₽', exclusiveMinimum: 0 },
  }),
  'clinic-attachment': form('Заявление о прикреплении к поликлинике', ['clinic', 'residentialAddress'], {
    clinic: text('Поликлиника'),
    residentialAddress: text('Адрес проживания'),
  }),
  'egrn-extract': form('Запрос выписки из ЕГРН', ['cadastralNumber'], {
    cadastralNumber: { type: 'string', title: 'Кадастровый номер', pattern: '^\\d{2}:\\d{2}:\\d{6,7}:\\d+$', 'x-message': 'Кадастровый номер, например 77:01:0001001:1234' },
  }),
};
