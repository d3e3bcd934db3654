/**
 * One guard on every argument of every field, on HTTP and WebSocket alike (it wraps the schema's
 * resolvers and subscribers, so no transport and no resolver can skip it):
 * - a string anywhere in the input (arguments, input objects, lists, JSON values) with a NUL
 *   character or a lone UTF-16 surrogate is refused: PostgreSQL cannot store NUL in text and would
 *   answer with an internal error, and a lone surrogate is no text at all;
 * - an ID must be a UUID (every id of this API is one), so a malformed id never reaches SQL as a
 *   uuid cast that fails with an internal error. The few ID arguments that are names rather than
 *   row ids are listed in NON_UUID_IDS.
 * Both answer BAD_USER_INPUT naming the field at fault (`input.text`, `branchIds.0`).
 */
import {
  GraphQLList,
  GraphQLNonNull,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { badInput, type FieldProblem } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';

/** `Type.field(arg:)` coordinates whose ID is not a UUID (a configured provider's name). */
const NON_UUID_IDS = new Set(['Mutation.beginSsoLogin(providerId:)']);

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or null when it is fine. */
export function badText(value: string): string | null {
  if (NUL.test(value)) return 'Текст содержит недопустимый символ (NUL)';
  if (LONE_SURROGATE.test(value)) return 'Текст содержит недопустимую последовательность символов';
  return null;
}

function checkJson(value: unknown, path: string, problems: FieldProblem[]): void {
  if (typeof value === 'string') {
    const why = badText(value);
    if (why) problems.push({ field: path, message: why });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkJson(v, `${path}.${i}`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const why = badText(k);
      if (why) problems.push({ field: `${path}.${k}`, message: why });
      checkJson(v, `${path}.${k}`, problems);
    }
  }
}

function checkValue(type: GraphQLInputType, value: unknown, path: string, uuidIds: boolean, problems: FieldProblem[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue((type as GraphQLNonNull<GraphQLInputType>).ofType, value, path, uuidIds, problems);
  if (isListType(type)) {
    const inner = (type as GraphQLList<GraphQLInputType>).ofType;
    if (Array.isArray(value)) value.forEach((v, i) => checkValue(inner, v, `${path}.${i}`, uuidIds, problems));
    else checkValue(inner, value, path, uuidIds, problems);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    const fields = type.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) checkValue(field.type, v, `${path}.${name}`, true, problems);
    }
    return;
  }
  if (isScalarType(type)) {
    if (type.name === 'ID' && uuidIds && typeof value === 'string' && !isUuid(value)) {
      problems.push({ field: path, message: 'Неверный идентификатор' });
      return;
    }
    checkJson(value, path, problems);
  }
}

/** Whether an input type can carry a string anywhere (enums, numbers and booleans cannot). */
function carriesText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return !['Int', 'Float', 'Boolean'].includes(named.name);
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((f) => carriesText(f.type, seen));
  }
  return false;
}

function guard(coordinate: string, args: readonly GraphQLArgument[]): ((values: Record<string, unknown>) => void) | null {
  const relevant = args.filter((a) => carriesText(a.type));
  if (relevant.length === 0) return null;
  return (values) => {
    const problems: FieldProblem[] = [];
    for (const a of relevant) checkValue(a.type, values[a.name], a.name, !NON_UUID_IDS.has(`${coordinate}(${a.name}:)`), problems);
    if (problems.length > 0) throw badInput(problems);
  };
}

/** Wraps resolve and subscribe of every field with arguments that can carry text. Returns the same schema. */
export function guardInputs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
      const check = guard(`${type.name}.${field.name}`, field.args);
      if (!check) continue;
      const { resolve, subscribe } = field;
      if (resolve) {
        field.resolve = (source, args: Record<string, unknown>, ctx, info) => {
          check(args);
          return resolve(source, args, ctx, info);
        };
      }
      if (subscribe) {
        field.subscribe = (source, args: Record<string, unknown>, ctx, info) => {
          check(args);
          return subscribe(source, args, ctx, info);
        };
      }
    }
  }
  return schema;
}
