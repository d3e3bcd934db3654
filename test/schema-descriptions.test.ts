/**
 * A schema that explains itself: every type, field, argument and enum value of the emitted schema
 * (schema/schema.graphql, which test/contract.test.ts keeps equal to what the code emits) has a
 * description that says more than its name, and everything deprecated says why and what replaces it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  type GraphQLSchema,
} from 'graphql';

interface Described {
  coordinate: string;
  description: string | null | undefined;
  deprecationReason?: string | null | undefined;
}

/** Every coordinate of the schema with its description (built-in scalars and introspection types are graphql-js's). */
function describedCoordinates(schema: GraphQLSchema): Described[] {
  const out: Described[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    out.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const f of Object.values(type.getFields())) {
        out.push({ coordinate: `${type.name}.${f.name}`, description: f.description, deprecationReason: f.deprecationReason });
        for (const a of f.args) out.push({ coordinate: `${type.name}.${f.name}(${a.name}:)`, description: a.description, deprecationReason: a.deprecationReason });
      }
    } else if (isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) out.push({ coordinate: `${type.name}.${f.name}`, description: f.description, deprecationReason: f.deprecationReason });
    } else if (isEnumType(type)) {
      for (const v of type.getValues()) out.push({ coordinate: `${type.name}.${v.name}`, description: v.description, deprecationReason: v.deprecationReason });
    }
  }
  return out;
}

const schema = buildASTSchema(parse(readFileSync('schema/schema.graphql', 'utf8')));
const all = describedCoordinates(schema);

/** The last part of a coordinate: `Type.field(arg:)` -> arg, `Type.field` -> field. */
const lastName = (coordinate: string) => coordinate.replace(/:\)$/, '').split(/[.(]/).pop() ?? coordinate;
const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

describe('schema descriptions', () => {
  it('the schema has a good number of coordinates to check (the walk sees fields, arguments and enum values)', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(all.some((d) => d.coordinate === 'Query.node(id:)')).toBe(true);
    expect(all.some((d) => d.coordinate === 'PageInfo.hasNextPage')).toBe(true);
  });

  it('every type, field, argument and enum value has a description', () => {
    const undescribed = all.filter((d) => !d.description?.trim()).map((d) => d.coordinate);
    expect(undescribed.join('\n'), `${undescribed.length} undescribed coordinates`).toBe('');
  });

  it('no description merely repeats its name', () => {
    const echo = all.filter((d) => d.description && words(d.description) === words(lastName(d.coordinate).replace(/([a-z])([A-Z])/g, '$1 $2')));
    expect(echo.map((d) => d.coordinate)).toEqual([]);
  });

  it('everything deprecated gives a reason that names what to use instead', () => {
    const deprecated = all.filter((d) => d.deprecationReason != null);
    const vague = deprecated.filter((d) => !/\buse\b/i.test(d.deprecationReason ?? '') || d.deprecationReason === 'No longer supported');
    expect(vague.map((d) => `${d.coordinate}: ${d.deprecationReason ?? ''}`)).toEqual([]);
  });

  it('the expensive and paged fields say what they cost and how large a page may be', () => {
    const missing: string[] = [];
    for (const d of all) {
      const m = /^(\w+)\.(\w+)\(first:\)$/.exec(d.coordinate);
      if (m && !/\b(at most|up to|\d+)\b/i.test(d.description ?? '')) missing.push(d.coordinate);
    }
    expect(missing, '`first` arguments without their limit').toEqual([]);
  });
});
