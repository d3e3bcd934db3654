/**
 * Application forms are JSON Schemas (draft-07) kept in the service catalog. This shared rule
 * compiles them with ajv (all errors, string formats from ajv-formats, Russian messages from
 * ajv-i18n) and turns ajv's errors into field problems a citizen can act on
 * ("data.passport.series: …"). Both the catalog (is an admin's schema usable?) and applications
 * (does the citizen's data fit it?) use it, so neither module depends on the other for it.
 *
 * Annotations a form may use (ignored by validation): `title` names a field in messages,
 * `x-message` replaces the message of a failed `pattern`, and `x-prefill` names the profile value
 * a field takes (applications fill drafts from the profile with it, see applications.rules.ts).
 */
import { createHash } from 'node:crypto';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import addFormatsModule from 'ajv-formats';
import type { FieldProblem } from '../errors.js';

// ajv-formats is CommonJS with `exports.default`; ajv-i18n's localizers are a bare
// `module.exports = function`, which its typings misdescribe as a default export.
const addFormats = addFormatsModule.default;
const localizeRu = createRequire(import.meta.url)('ajv-i18n/localize/ru') as (errors: ErrorObject[] | null | undefined) => void;

const ajv = new Ajv({ allErrors: true, strict: false, messages: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
ajv.addKeyword({ keyword: 'x-prefill', schemaType: 'string' });

export type JsonObject = Record<string, unknown>;

const cache = new Map<string, ValidateFunction>();
const CACHE_MAX = 500;

/** The compiled validator of a form (cached by the schema's content). Throws on an invalid schema. */
function compiled(schema: JsonObject): ValidateFunction {
  const key = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  let fn = cache.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, fn);
  }
  return fn;
}

/** Why a form schema cannot be used, or null when it compiles (for the catalog's admin edits). */
export function formSchemaProblem(schema: unknown): string | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'JSON Schema формы — это объект';
  if ((schema as JsonObject).type !== 'object') return 'Форма описывает объект: укажите "type": "object"';
  try {
    compiled(schema as JsonObject);
    return null;
  } catch (err) {
    return `Некорректная JSON Schema: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** The sub-schema at a JSON pointer into the data (through properties and items). */
function schemaAt(schema: JsonObject, segments: string[]): JsonObject | null {
  let node: unknown = schema;
  for (const seg of segments) {
    if (typeof node !== 'object' || node === null) return null;
    const n = node as JsonObject;
    const props = n.properties as JsonObject | undefined;
    if (props && seg in props) node = props[seg];
    else if (n.items && /^\d+$/.test(seg)) node = n.items;
    else return null;
  }
  return typeof node === 'object' && node !== null ? (node as JsonObject) : null;
}

const pointer = (path: string) => (path ? path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : []);

function problemOf(schema: JsonObject, e: ErrorObject, prefix: string): FieldProblem {
  const segments = pointer(e.instancePath);
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required' && typeof params.missingProperty === 'string') segments.push(params.missingProperty);
  if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') segments.push(params.additionalProperty);
  const field = [prefix, ...segments].join('.');
  const sub = schemaAt(schema, segments);
  const title = typeof sub?.title === 'string' ? `«${sub.title}»` : null;
  switch (e.keyword) {
    case 'required':
      return { field, message: title ? `Заполните поле ${title}` : 'Заполните это поле' };
    case 'additionalProperties':
      return { field, message: 'Такого поля в форме нет' };
    case 'pattern':
      return { field, message: typeof sub?.['x-message'] === 'string' ? sub['x-message'] : `${title ?? 'Поле'} заполнено в неверном формате` };
    case 'format':
      return { field, message: `${title ?? 'Поле'}: ${params.format === 'date' ? 'укажите дату ГГГГ-ММ-ДД' : params.format === 'email' ? 'укажите адрес электронной почты' : 'неверный формат'}` };
    case 'enum':
      return { field, message: `${title ?? 'Поле'}: выберите значение из списка` };
    default:
      return { field, message: title ? `${title}: ${e.message ?? 'неверное значение'}` : (e.message ?? 'Неверное значение') };
  }
}

/**
 * Every problem of `data` against the form, field by field (paths under `prefix`, e.g.
 * "data.passport.series"). A service without a form accepts any object.
 */
export function validateForm(schema: JsonObject | null, data: unknown, prefix = 'data'): FieldProblem[] {
  if (!schema) return typeof data === 'object' && data !== null && !Array.isArray(data) ? [] : [{ field: prefix, message: 'Данные заявления — объект' }];
  const validate = compiled(schema);
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  localizeRu(errors);
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const e of errors) {
    // if/then/else and anyOf add summary errors next to the real ones; keep the specific ones.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const p = problemOf(schema, e, prefix);
    const key = `${p.field}|${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}
