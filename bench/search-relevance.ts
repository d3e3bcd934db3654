/**
 * The relevance set of the catalog search: queries citizens actually type (plain, colloquial, with
 * typos), each with the demo catalog service (scripts/demo-data.ts) that must come first; `orFirst`
 * lists services that answer the query just as well (the two foreign passports).
 */
export interface RelevanceCase {
  query: string;
  expect: string;
  orFirst?: readonly string[];
}

const BOTH_FOREIGN = ['foreign-passport-5'];
const BOTH_LICENCES = ['intl-driver-license'];

export const RELEVANCE_SET: readonly RelevanceCase[] = [
  // What people say (the synonym dictionary).
  { query: 'загранпаспорт', expect: 'foreign-passport-10', orFirst: BOTH_FOREIGN },
  { query: 'прописка', expect: 'registration-residence' },
  { query: 'временная прописка', expect: 'registration-stay' },
  { query: 'права', expect: 'driver-license-replace', orFirst: BOTH_LICENCES },
  { query: 'международные права', expect: 'intl-driver-license' },
  { query: 'маткапитал', expect: 'maternity-capital' },
  { query: 'страховое свидетельство', expect: 'snils-issue' },
  { query: 'идентификационный номер налогоплательщика', expect: 'inn-issue' },
  { query: 'медполис', expect: 'oms-policy' },
  { query: 'справка о несудимости', expect: 'criminal-record' },
  { query: 'развод', expect: 'divorce' },
  { query: 'свадьба', expect: 'marriage' },
  { query: 'садик', expect: 'kindergarten-queue' },
  { query: 'соцкарта', expect: 'social-card' },
  { query: 'коммуналка', expect: 'housing-subsidy' },
  { query: 'росреестр', expect: 'egrn-extract' },
  { query: 'открыть ип', expect: 'ip-registration' },
  { query: 'выписаться', expect: 'deregistration' },
  // Typos.
  { query: 'паспрт', expect: 'passport-rf' },
  { query: 'загранпаспрт', expect: 'foreign-passport-10', orFirst: BOTH_FOREIGN },
  { query: 'матерински капитал', expect: 'maternity-capital' },
  { query: 'замена водительсого удостоверения', expect: 'driver-license-replace' },
  { query: 'субсидя на коммунальные услуги', expect: 'housing-subsidy' },
  { query: 'снилз', expect: 'snils-issue' },
  { query: 'детский сат', expect: 'kindergarten-queue' },
  { query: 'выпска из егрн', expect: 'egrn-extract' },
  { query: 'налоговый вычед', expect: 'tax-deduction' },
  { query: 'ипотеко', expect: 'mortgage-registration' },
  { query: 'регистрацыя брака', expect: 'marriage' },
  { query: 'полис омc', expect: 'oms-policy' },
  // Plain words.
  { query: 'замена паспорта', expect: 'passport-rf' },
  { query: 'справка о судимости', expect: 'criminal-record' },
  { query: 'регистрация рождения', expect: 'birth-registration' },
  { query: 'расторжение брака', expect: 'divorce' },
  { query: 'материнский капитал', expect: 'maternity-capital' },
  { query: 'многодетная семья', expect: 'large-family' },
  { query: 'выписка из егрн', expect: 'egrn-extract' },
  { query: 'право собственности', expect: 'property-rights' },
  { query: 'земельный участок', expect: 'land-plot' },
  { query: 'социальная карта', expect: 'social-card' },
  { query: 'ветеран труда', expect: 'veteran-certificate' },
  { query: 'налоговый вычет', expect: 'tax-deduction' },
  { query: 'пенсия по старости', expect: 'pension-assignment' },
  { query: 'полис омс', expect: 'oms-policy' },
  { query: 'регистрация ип', expect: 'ip-registration' },
  { query: 'штрафы гибдд', expect: 'fines-payment' },
];
