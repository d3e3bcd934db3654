/**
 * The search's synonym dictionary as shipped: what citizens type, the catalog's words for it, and
 * the demo catalog service that must then come first (search-synonyms.test.ts checks every entry
 * against the demo catalog). The migration seeds the search_synonyms table from this list; admins
 * edit the table afterwards (setSearchSynonym / deleteSearchSynonym) without a deploy.
 * Phrases are lower case with ё as е; longer phrases win over shorter ones they contain.
 */
export interface SynonymEntry {
  phrase: string;
  expansion: string;
  /** Code of the demo service that must come first for this phrase. */
  expect: string;
  /** Services that answer the phrase just as well and may come first instead (both foreign passports). */
  orFirst?: readonly string[];
}

export const SEARCH_SYNONYMS: readonly SynonymEntry[] = [
  { phrase: 'загранпаспорт', expansion: 'заграничный паспорт', expect: 'foreign-passport-10', orFirst: ['foreign-passport-5'] },
  { phrase: 'загран', expansion: 'заграничный паспорт', expect: 'foreign-passport-10', orFirst: ['foreign-passport-5'] },
  { phrase: 'прописка', expansion: 'регистрация по месту жительства', expect: 'registration-residence' },
  { phrase: 'прописку', expansion: 'регистрация по месту жительства', expect: 'registration-residence' },
  { phrase: 'временная прописка', expansion: 'регистрация по месту пребывания', expect: 'registration-stay' },
  { phrase: 'выписаться', expansion: 'снятие с регистрационного учета', expect: 'deregistration' },
  { phrase: 'выписка из квартиры', expansion: 'снятие с регистрационного учета', expect: 'deregistration' },
  { phrase: 'права', expansion: 'водительское удостоверение', expect: 'driver-license-replace', orFirst: ['intl-driver-license'] },
  { phrase: 'водительские права', expansion: 'водительское удостоверение', expect: 'driver-license-replace', orFirst: ['intl-driver-license'] },
  { phrase: 'международные права', expansion: 'международное водительское удостоверение', expect: 'intl-driver-license' },
  { phrase: 'маткапитал', expansion: 'материнский капитал', expect: 'maternity-capital' },
  { phrase: 'страховой номер индивидуального лицевого счета', expansion: 'снилс', expect: 'snils-issue' },
  { phrase: 'страховое свидетельство', expansion: 'снилс', expect: 'snils-issue' },
  { phrase: 'идентификационный номер налогоплательщика', expansion: 'инн', expect: 'inn-issue' },
  { phrase: 'обязательное медицинское страхование', expansion: 'полис омс', expect: 'oms-policy' },
  { phrase: 'медполис', expansion: 'полис омс', expect: 'oms-policy' },
  { phrase: 'несудимость', expansion: 'справка о судимости', expect: 'criminal-record' },
  { phrase: 'справка о несудимости', expansion: 'справка о судимости', expect: 'criminal-record' },
  { phrase: 'развод', expansion: 'расторжение брака', expect: 'divorce' },
  { phrase: 'свадьба', expansion: 'заключение брака', expect: 'marriage' },
  { phrase: 'детсад', expansion: 'детский сад', expect: 'kindergarten-queue' },
  { phrase: 'садик', expansion: 'детский сад', expect: 'kindergarten-queue' },
  { phrase: 'соцкарта', expansion: 'социальная карта', expect: 'social-card' },
  { phrase: 'коммуналка', expansion: 'субсидия коммунальных услуг', expect: 'housing-subsidy' },
  { phrase: 'росреестр', expansion: 'выписка егрн', expect: 'egrn-extract' },
  { phrase: 'ооо', expansion: 'регистрация юридического лица', expect: 'llc-registration' },
  { phrase: 'ип', expansion: 'индивидуальный предприниматель', expect: 'ip-registration', orFirst: ['ip-closing'] },
  { phrase: 'открыть ип', expansion: 'регистрация индивидуального предпринимателя', expect: 'ip-registration' },
  { phrase: 'закрыть ип', expansion: 'прекращение деятельности ип', expect: 'ip-closing' },
];
