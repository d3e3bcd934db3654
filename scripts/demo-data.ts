/**
 * Demo catalog and branches: real MFC service names with their documents and state fees (Tax Code
 * amounts of 2026 where a fee applies), three regions in three time zones, thirty branches with
 * plausible addresses and coordinates, and the public holidays. Used by `cli seed-demo`, the dev
 * command and the benchmarks.
 */
import { demoForms } from './demo-forms.js';
export type DocumentKind = 'PASSPORT_RF' | 'FOREIGN_PASSPORT' | 'SNILS' | 'INN' | 'OMS_POLICY' | 'DRIVER_LICENSE' | 'BIRTH_CERTIFICATE' | 'MILITARY_ID' | 'VEHICLE_REGISTRATION';
export type ServiceKind = 'DOCUMENT_ISSUE' | 'CERTIFICATE' | 'REGISTRATION' | 'APPLICATION' | 'CONSULTATION' | 'PAYMENT';
export type TrustLevel = 'SIMPLIFIED' | 'STANDARD' | 'CONFIRMED';

export interface DemoService {
  code: string;
  categorySlug: string;
  title: string;
  description: string;
  kind: ServiceKind;
  requiredDocuments: Array<{ kind: DocumentKind | null; title: string; optional: boolean }>;
  processingDays: number;
  feeAmount: string | null;
  availableOnline: boolean;
  requiresAppointment: boolean;
  minTrustLevel: TrustLevel;
  appointmentMinutes: number;
  applicationForm: Record<string, unknown> | null;
}

export interface DemoBranch {
  key: string;
  name: string;
  regionCode: string;
  locality: string;
  address: string;
  lat: number;
  lon: number;
  timezone: string;
  phone: string;
  windows: number;
  hours?: Array<{ weekday: number; opens: string; closes: string; breakStart?: string; breakEnd?: string }>;
}

export const demoCategories = [
  { slug: 'passports', title: 'Паспорта, регистрация, визы' },
  { slug: 'family', title: 'Семья и дети' },
  { slug: 'transport', title: 'Транспорт и вождение' },
  { slug: 'property', title: 'Недвижимость и земля' },
  { slug: 'social', title: 'Социальная поддержка' },
  { slug: 'taxes', title: 'Налоги и финансы' },
  { slug: 'pension', title: 'Пенсии, пособия и страхование' },
  { slug: 'business', title: 'Бизнес и предпринимательство' },
  { slug: 'health', title: 'Здоровье и медицина' },
] as const;

const PASSPORT = { kind: 'PASSPORT_RF', title: 'Паспорт гражданина РФ', optional: false } as const;
const SNILS = { kind: 'SNILS', title: 'СНИЛС', optional: true } as const;
const doc = (title: string, optional = false) => ({ kind: null, title, optional });

type S = [code: string, category: string, title: string, description: string, kind: ServiceKind, days: number, fee: string | null, online: boolean, minutes: number, level: TrustLevel, docs: DemoService['requiredDocuments']];

const rows: S[] = [
  ['passport-rf', 'passports', 'Выдача и замена паспорта гражданина РФ', 'Замена паспорта при достижении 14, 20 и 45 лет, при смене фамилии, порче или утрате.', 'DOCUMENT_ISSUE', 10, '300.00', true, 15, 'SIMPLIFIED', [doc('Свидетельство о рождении'), doc('Две фотографии 35×45 мм'), doc('Квитанция об уплате госпошлины', true)]],
  ['foreign-passport-10', 'passports', 'Оформление заграничного паспорта нового образца', 'Биометрический заграничный паспорт сроком на 10 лет для взрослых.', 'DOCUMENT_ISSUE', 30, '6000.00', true, 30, 'STANDARD', [PASSPORT, doc('Военный билет для мужчин 18–30 лет', true)]],
  ['foreign-passport-5', 'passports', 'Оформление заграничного паспорта старого образца', 'Заграничный паспорт сроком на 5 лет.', 'DOCUMENT_ISSUE', 30, '2000.00', true, 30, 'STANDARD', [PASSPORT]],
  ['registration-residence', 'passports', 'Регистрация по месту жительства', 'Постановка на регистрационный учёт по месту жительства.', 'REGISTRATION', 3, null, true, 15, 'STANDARD', [PASSPORT, doc('Документ-основание для вселения')]],
  ['registration-stay', 'passports', 'Регистрация по месту пребывания', 'Временная регистрация по месту пребывания.', 'REGISTRATION', 3, null, true, 15, 'STANDARD', [PASSPORT, doc('Согласие собственника жилья')]],
  ['deregistration', 'passports', 'Снятие с регистрационного учёта', 'Снятие с регистрации по месту жительства.', 'REGISTRATION', 3, null, true, 15, 'STANDARD', [PASSPORT]],
  ['criminal-record', 'passports', 'Справка о наличии (отсутствии) судимости', 'Справка о судимости и (или) факте уголовного преследования.', 'CERTIFICATE', 30, null, true, 15, 'STANDARD', [PASSPORT]],
  ['birth-registration', 'family', 'Государственная регистрация рождения', 'Регистрация рождения ребёнка и выдача свидетельства о рождении.', 'REGISTRATION', 1, null, true, 30, 'SIMPLIFIED', [PASSPORT, doc('Медицинское свидетельство о рождении')]],
  ['marriage', 'family', 'Государственная регистрация заключения брака', 'Приём заявления о регистрации брака.', 'REGISTRATION', 30, '350.00', true, 30, 'STANDARD', [PASSPORT, doc('Паспорт второго супруга')]],
  ['divorce', 'family', 'Государственная регистрация расторжения брака', 'Расторжение брака по взаимному согласию супругов без общих несовершеннолетних детей.', 'REGISTRATION', 30, '5000.00', false, 30, 'STANDARD', [PASSPORT, doc('Свидетельство о заключении брака')]],
  ['maternity-capital', 'family', 'Выдача сертификата на материнский (семейный) капитал', 'Оформление сертификата на материнский (семейный) капитал.', 'CERTIFICATE', 5, null, true, 15, 'STANDARD', [PASSPORT, doc('Свидетельства о рождении детей')]],
  ['unified-allowance', 'family', 'Единое пособие на детей и беременных', 'Назначение единого пособия семьям с детьми до 17 лет и беременным женщинам.', 'APPLICATION', 10, null, true, 15, 'STANDARD', [PASSPORT, SNILS]],
  ['kindergarten-queue', 'family', 'Постановка в очередь в детский сад', 'Запись ребёнка в очередь на зачисление в детский сад.', 'APPLICATION', 7, null, true, 15, 'STANDARD', [PASSPORT, { kind: 'BIRTH_CERTIFICATE', title: 'Свидетельство о рождении ребёнка', optional: false }]],
  ['large-family', 'family', 'Удостоверение многодетной семьи', 'Выдача удостоверения многодетной семьи.', 'CERTIFICATE', 10, null, true, 15, 'STANDARD', [PASSPORT, doc('Свидетельства о рождении детей')]],
  ['driver-license-replace', 'transport', 'Замена водительского удостоверения', 'Замена по истечении срока действия, при смене фамилии или утрате.', 'DOCUMENT_ISSUE', 1, '2000.00', true, 15, 'STANDARD', [PASSPORT, { kind: 'DRIVER_LICENSE', title: 'Водительское удостоверение', optional: false }, doc('Медицинское заключение')]],
  ['intl-driver-license', 'transport', 'Международное водительское удостоверение', 'Выдача международного водительского удостоверения.', 'DOCUMENT_ISSUE', 1, '1600.00', true, 15, 'STANDARD', [PASSPORT, { kind: 'DRIVER_LICENSE', title: 'Водительское удостоверение', optional: false }]],
  ['vehicle-registration', 'transport', 'Регистрация транспортного средства', 'Постановка автомобиля на учёт и изменение регистрационных данных.', 'REGISTRATION', 1, '2850.00', true, 30, 'STANDARD', [PASSPORT, doc('Договор купли-продажи'), doc('ОСАГО')]],
  ['parking-permit', 'transport', 'Разрешение на парковку для жителей', 'Резидентное парковочное разрешение.', 'APPLICATION', 5, null, true, 15, 'STANDARD', [PASSPORT, { kind: 'VEHICLE_REGISTRATION', title: 'Свидетельство о регистрации ТС', optional: false }]],
  ['disabled-parking', 'transport', 'Внесение сведений в реестр инвалидов для бесплатной парковки', 'Парковочное разрешение для автомобиля, перевозящего инвалида.', 'APPLICATION', 5, null, true, 15, 'STANDARD', [PASSPORT, doc('Справка МСЭ')]],
  ['egrn-extract', 'property', 'Выписка из ЕГРН об объекте недвижимости', 'Сведения о собственниках, обременениях и характеристиках объекта.', 'CERTIFICATE', 3, '460.00', true, 15, 'SIMPLIFIED', [PASSPORT]],
  ['property-rights', 'property', 'Государственная регистрация права собственности', 'Регистрация права собственности на квартиру, дом или землю.', 'REGISTRATION', 9, '2000.00', false, 30, 'CONFIRMED', [PASSPORT, doc('Договор или иной документ-основание')]],
  ['cadastral-registration', 'property', 'Кадастровый учёт объекта недвижимости', 'Постановка на кадастровый учёт вновь созданного объекта.', 'REGISTRATION', 7, null, false, 30, 'CONFIRMED', [PASSPORT, doc('Технический план')]],
  ['mortgage-registration', 'property', 'Регистрация ипотеки', 'Государственная регистрация ипотеки и снятие обременения.', 'REGISTRATION', 7, '1000.00', false, 30, 'CONFIRMED', [PASSPORT, doc('Договор ипотеки')]],
  ['land-plot', 'property', 'Предоставление земельного участка', 'Предоставление участка в собственность или аренду без торгов.', 'APPLICATION', 30, null, false, 45, 'CONFIRMED', [PASSPORT, doc('Схема расположения участка', true)]],
  ['housing-subsidy', 'social', 'Субсидия на оплату жилого помещения и коммунальных услуг', 'Назначение субсидии малообеспеченным семьям.', 'APPLICATION', 10, null, true, 15, 'STANDARD', [PASSPORT, doc('Сведения о доходах'), doc('Платёжные документы за ЖКУ')]],
  ['low-income-status', 'social', 'Признание семьи малоимущей', 'Признание семьи или одиноко проживающего гражданина малоимущими.', 'APPLICATION', 10, null, true, 15, 'STANDARD', [PASSPORT, doc('Справки о доходах')]],
  ['social-card', 'social', 'Выдача социальной карты', 'Выдача и замена социальной карты жителя.', 'DOCUMENT_ISSUE', 30, null, true, 15, 'STANDARD', [PASSPORT, SNILS, doc('Фотография', true)]],
  ['veteran-certificate', 'social', 'Удостоверение ветерана труда', 'Присвоение звания «Ветеран труда» и выдача удостоверения.', 'CERTIFICATE', 30, null, false, 15, 'STANDARD', [PASSPORT, doc('Документы о награждении')]],
  ['inn-issue', 'taxes', 'Получение свидетельства ИНН', 'Постановка на учёт в налоговом органе и выдача свидетельства ИНН.', 'DOCUMENT_ISSUE', 5, null, true, 15, 'SIMPLIFIED', [PASSPORT]],
  ['tax-deduction', 'taxes', 'Имущественный и социальный налоговый вычет', 'Приём декларации 3-НДФЛ для получения налогового вычета.', 'APPLICATION', 30, null, true, 30, 'STANDARD', [PASSPORT, { kind: 'INN', title: 'ИНН', optional: true }, doc('Декларация 3-НДФЛ')]],
  ['tax-benefit', 'taxes', 'Льгота по имущественным налогам', 'Заявление о предоставлении льготы по налогу на имущество, землю или транспорт.', 'APPLICATION', 30, null, true, 15, 'STANDARD', [PASSPORT]],
  ['snils-issue', 'pension', 'Регистрация в системе индивидуального учёта (СНИЛС)', 'Оформление СНИЛС и выдача уведомления о регистрации.', 'DOCUMENT_ISSUE', 5, null, true, 15, 'SIMPLIFIED', [PASSPORT]],
  ['pension-assignment', 'pension', 'Назначение страховой пенсии по старости', 'Приём заявления о назначении пенсии.', 'APPLICATION', 10, null, true, 30, 'CONFIRMED', [PASSPORT, SNILS, doc('Трудовая книжка')]],
  ['pension-statement', 'pension', 'Выписка из индивидуального лицевого счёта', 'Сведения о пенсионных правах и стаже.', 'CERTIFICATE', 5, null, true, 15, 'STANDARD', [PASSPORT, SNILS]],
  ['oms-policy', 'health', 'Оформление полиса ОМС', 'Выбор страховой медицинской организации и получение полиса ОМС.', 'DOCUMENT_ISSUE', 1, null, true, 15, 'SIMPLIFIED', [PASSPORT, SNILS]],
  ['clinic-attachment', 'health', 'Прикрепление к поликлинике', 'Прикрепление к медицинской организации по месту жительства.', 'APPLICATION', 3, null, true, 15, 'STANDARD', [PASSPORT, { kind: 'OMS_POLICY', title: 'Полис ОМС', optional: false }]],
  ['ip-registration', 'business', 'Регистрация индивидуального предпринимателя', 'Государственная регистрация физического лица в качестве ИП.', 'REGISTRATION', 3, null, true, 30, 'STANDARD', [PASSPORT, doc('Заявление Р21001')]],
  ['ip-closing', 'business', 'Прекращение деятельности ИП', 'Государственная регистрация прекращения деятельности индивидуального предпринимателя.', 'REGISTRATION', 5, '160.00', true, 15, 'STANDARD', [PASSPORT, doc('Заявление Р26001')]],
  ['llc-registration', 'business', 'Регистрация юридического лица', 'Создание общества с ограниченной ответственностью.', 'REGISTRATION', 3, null, false, 45, 'CONFIRMED', [PASSPORT, doc('Устав'), doc('Решение о создании')]],
  ['egrul-extract', 'business', 'Выписка из ЕГРЮЛ / ЕГРИП', 'Сведения о юридическом лице или индивидуальном предпринимателе.', 'CERTIFICATE', 5, '200.00', true, 15, 'SIMPLIFIED', [PASSPORT]],
  ['consultation', 'business', 'Консультация по мерам поддержки бизнеса', 'Консультация специалиста центра «Мой бизнес».', 'CONSULTATION', 0, null, false, 30, 'SIMPLIFIED', []],
  ['fines-payment', 'taxes', 'Оплата штрафов и налогов', 'Проверка и оплата штрафов ГИБДД, налогов и пошлин.', 'PAYMENT', 0, null, true, 15, 'SIMPLIFIED', [PASSPORT]],
];

export const demoServices: DemoService[] = rows.map(([code, categorySlug, title, description, kind, processingDays, feeAmount, availableOnline, appointmentMinutes, minTrustLevel, requiredDocuments]) => ({
  code,
  categorySlug,
  title,
  description,
  kind,
  processingDays,
  feeAmount,
  availableOnline,
  requiresAppointment: kind !== 'PAYMENT',
  minTrustLevel,
  appointmentMinutes,
  requiredDocuments,
  applicationForm: demoForms[code] ?? null,
}));

export const demoRegions = [
  { code: '77', name: 'Москва' },
  { code: '66', name: 'Свердловская область' },
  { code: '54', name: 'Новосибирская область' },
] as const;

const EXTENDED = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' }));
const WITH_LUNCH = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00', breakStart: '13:00', breakEnd: '14:00' }));

type B = [key: string, name: string, locality: string, address: string, lat: number, lon: number, windows: number, hours?: DemoBranch['hours']];

const msk: B[] = [
  ['msk-tverskoy', 'МФЦ района Тверской', 'Москва', 'ул. Тверская, д. 7', 55.7601, 37.6111, 18, EXTENDED],
  ['msk-khamovniki', 'МФЦ района Хамовники', 'Москва', 'ул. Льва Толстого, д. 17', 55.7339, 37.5874, 12],
  ['msk-arbat', 'МФЦ района Арбат', 'Москва', 'ул. Новый Арбат, д. 36', 55.7527, 37.5822, 10],
  ['msk-basmanny', 'МФЦ Басманного района', 'Москва', 'ул. Старая Басманная, д. 18', 55.7668, 37.6647, 10],
  ['msk-presnensky', 'МФЦ Пресненского района', 'Москва', 'ул. Красная Пресня, д. 24', 55.7625, 37.5638, 14],
  ['msk-zamoskvorechye', 'МФЦ района Замоскворечье', 'Москва', 'ул. Большая Ордынка, д. 40', 55.7369, 37.6247, 8],
  ['msk-sokolniki', 'МФЦ района Сокольники', 'Москва', 'ул. Русаковская, д. 13', 55.7852, 37.6807, 9],
  ['msk-maryino', 'МФЦ района Марьино', 'Москва', 'ул. Люблинская, д. 163', 55.6507, 37.7437, 16, EXTENDED],
  ['msk-yasenevo', 'МФЦ района Ясенево', 'Москва', 'Новоясеневский пр-т, д. 32', 55.6080, 37.5436, 12],
  ['msk-mitino', 'МФЦ района Митино', 'Москва', 'ул. Митинская, д. 33', 55.8457, 37.3621, 11],
  ['msk-otradnoe', 'МФЦ района Отрадное', 'Москва', 'ул. Декабристов, д. 22', 55.8636, 37.6050, 10],
  ['msk-zelenograd', 'МФЦ Зеленограда', 'Зеленоград', 'Центральный пр-т, корп. 1', 55.9825, 37.1814, 12],
];
const ekb: B[] = [
  ['ekb-center', 'МФЦ Екатеринбург, Центральный', 'Екатеринбург', 'ул. Малышева, д. 51', 56.8385, 60.6060, 16, EXTENDED],
  ['ekb-uralmash', 'МФЦ Екатеринбург, Уралмаш', 'Екатеринбург', 'пр-т Космонавтов, д. 23', 56.8937, 60.6127, 10],
  ['ekb-vtuzgorodok', 'МФЦ Екатеринбург, Втузгородок', 'Екатеринбург', 'ул. Мира, д. 33', 56.8431, 60.6532, 8],
  ['ekb-botanika', 'МФЦ Екатеринбург, Ботанический', 'Екатеринбург', 'ул. Шварца, д. 10', 56.7968, 60.6283, 8],
  ['ekb-akademichesky', 'МФЦ Екатеринбург, Академический', 'Екатеринбург', 'ул. Академика Сахарова, д. 55', 56.7882, 60.5246, 9],
  ['ekb-sortirovka', 'МФЦ Екатеринбург, Сортировка', 'Екатеринбург', 'ул. Бебеля, д. 138', 56.8736, 60.5451, 6, WITH_LUNCH],
  ['pervouralsk', 'МФЦ Первоуральска', 'Первоуральск', 'ул. Ватутина, д. 41', 56.9080, 59.9429, 8, WITH_LUNCH],
  ['nizhny-tagil', 'МФЦ Нижнего Тагила', 'Нижний Тагил', 'пр-т Ленина, д. 31', 57.9101, 59.9713, 10],
];
const nsk: B[] = [
  ['nsk-center', 'МФЦ Новосибирск, Центральный', 'Новосибирск', 'ул. Ленина, д. 12', 55.0302, 82.9204, 16, EXTENDED],
  ['nsk-zaeltsovsky', 'МФЦ Новосибирск, Заельцовский', 'Новосибирск', 'Красный пр-т, д. 157', 55.0759, 82.9316, 9],
  ['nsk-leninsky', 'МФЦ Новосибирск, Ленинский', 'Новосибирск', 'ул. Станиславского, д. 52', 54.9836, 82.8672, 12],
  ['nsk-oktyabrsky', 'МФЦ Новосибирск, Октябрьский', 'Новосибирск', 'ул. Восход, д. 20', 55.0201, 82.9469, 10],
  ['nsk-kalininsky', 'МФЦ Новосибирск, Калининский', 'Новосибирск', 'ул. Богдана Хмельницкого, д. 14/3', 55.0794, 82.9778, 8],
  ['nsk-sovetsky', 'МФЦ Новосибирск, Советский (Академгородок)', 'Новосибирск', 'пр-т Академика Лаврентьева, д. 6', 54.8461, 83.1058, 8, WITH_LUNCH],
  ['nsk-kirovsky', 'МФЦ Новосибирск, Кировский', 'Новосибирск', 'ул. Петухова, д. 18', 54.9681, 82.9035, 8],
  ['berdsk', 'МФЦ Бердска', 'Бердск', 'ул. Ленина, д. 89/8', 54.7589, 83.0989, 8, WITH_LUNCH],
  ['nsk-dzerzhinsky', 'МФЦ Новосибирск, Дзержинский', 'Новосибирск', 'пр-т Дзержинского, д. 16', 55.0425, 82.9815, 9],
  ['iskitim', 'МФЦ Искитима', 'Искитим', 'ул. Пушкина, д. 51', 54.6385, 83.3060, 6, WITH_LUNCH],
];

const build = (list: B[], regionCode: string, timezone: string, phone: string): DemoBranch[] =>
  list.map(([key, name, locality, address, lat, lon, windows, hours], i) => ({
    key,
    name,
    regionCode,
    locality,
    address,
    lat,
    lon,
    timezone,
    phone: `${phone}-${String(10 + i).padStart(2, '0')}`,
    windows,
    ...(hours ? { hours } : {}),
  }));

export const demoBranches: DemoBranch[] = [
  ...build(msk, '77', 'Europe/Moscow', '+7 (495) 777-77'),
  ...build(ekb, '66', 'Asia/Yekaterinburg', '+7 (343) 354-73'),
  ...build(nsk, '54', 'Asia/Novosibirsk', '+7 (383) 228-60'),
];

/** Public holidays of 2026 and early 2027 (closed), and the short New Year's Eve. */
export const demoHolidays = [
  ...['2026-12-31'].map((date) => ({ date, closed: false, opens: '10:00', closes: '15:00', note: 'Предпраздничный день' })),
  ...['2026-11-04', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-02-23', '2027-03-08'].map((date) => ({
    date,
    closed: true,
    note: 'Праздничный день',
  })),
];
