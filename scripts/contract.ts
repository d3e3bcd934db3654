/**
 * Contract coverage: which coordinates of ../shared/api/contract.graphql the emitted schema does
 * not have yet (they must be listed in schema/contract-pending.txt), and whether what it has is
 * compatible (graphql-inspector finds no breaking change from the contract, minus the pending
 * coordinates, to the emitted schema). Used by test/contract.test.ts and
 * `npm run contract:pending`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  isIntrospectionType,
  Kind,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  type TypeNode,
} from 'graphql';

const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../..' : '..', import.meta.url));
export const paths = {
  contract: `${root}/../shared/api/contract.graphql`,
  emitted: `${root}/schema/schema.graphql`,
  pending: `${root}/schema/contract-pending.txt`,
};

/** Every coordinate of a schema: types, fields, arguments (Type.field(arg:)), enum values. */
export function coordinates(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    out.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.add(`${type.name}.${field.name}`);
        for (const arg of field.args) out.add(`${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) out.add(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const v of type.getValues()) out.add(`${type.name}.${v.name}`);
    }
  }
  return out;
}

export function readPending(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Whether `coord` is covered by a pending entry: itself, its type, or (for an argument) its field. */
export function isCovered(coord: string, pending: ReadonlySet<string>): boolean {
  if (pending.has(coord)) return true;
  const type = coord.split('.')[0] ?? coord;
  if (pending.has(type)) return true;
  const field = coord.replace(/\(.*$/, '');
  return pending.has(field);
}

/** The contract without the pending coordinates: what the emitted schema must already honour. */
export function pruneContract(contract: DocumentNode, pending: ReadonlySet<string>): DocumentNode {
  const definitions: DefinitionNode[] = [];
  const keptTypes = new Set<string>();
  for (const def of contract.definitions) {
    if (!('name' in def) || !def.name || def.kind === Kind.DIRECTIVE_DEFINITION) {
      definitions.push(def);
      continue;
    }
    const name = def.name.value;
    if (pending.has(name)) continue;
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      def.kind === Kind.OBJECT_TYPE_EXTENSION ||
      def.kind === Kind.INTERFACE_TYPE_EXTENSION
    ) {
      const fields = (def.fields ?? [])
        .filter((f) => !pending.has(`${name}.${f.name.value}`))
        .map((f) => ({ ...f, arguments: (f.arguments ?? []).filter((a) => !pending.has(`${name}.${f.name.value}(${a.name.value}:)`)) }));
      if (fields.length === 0) continue;
      definitions.push({ ...def, fields });
    } else if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      const fields = (def.fields ?? []).filter((f) => !pending.has(`${name}.${f.name.value}`));
      if (fields.length === 0) continue;
      definitions.push({ ...def, fields });
    } else if (def.kind === Kind.ENUM_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_EXTENSION) {
      definitions.push({ ...def, values: (def.values ?? []).filter((v) => !pending.has(`${name}.${v.name.value}`)) });
    } else {
      definitions.push(def);
    }
    keptTypes.add(name);
  }
  // A member whose type is a pending (so pruned) type is pending with it: a field of a built type
  // that returns a type not built yet (Branch.forecast: VisitForecast) cannot be checked yet either.
  const typeKept = (t: TypeNode): boolean => (t.kind === Kind.NAMED_TYPE ? !pending.has(t.name.value) : typeKept(t.type));
  const withKnownTypes = (d: DefinitionNode): DefinitionNode => {
    if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.INTERFACE_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) {
      return { ...d, fields: (d.fields ?? []).filter((f) => typeKept(f.type)).map((f) => ({ ...f, arguments: (f.arguments ?? []).filter((a) => typeKept(a.type)) })) };
    }
    if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) return { ...d, fields: (d.fields ?? []).filter((f) => typeKept(f.type)) };
    return d;
  };
  return {
    kind: Kind.DOCUMENT,
    definitions: definitions
      .map(withKnownTypes)
      .map((d) =>
        d.kind === Kind.SCHEMA_DEFINITION
          ? { ...d, operationTypes: d.operationTypes.filter((o) => keptTypes.has(o.type.name.value)) }
          : d.kind === Kind.OBJECT_TYPE_DEFINITION
            ? { ...d, interfaces: (d.interfaces ?? []).filter((i) => keptTypes.has(i.name.value)) }
            : d,
      ),
  };
}

export interface ContractReport {
  /** Contract coordinates the emitted schema lacks. */
  missing: string[];
  /** Missing coordinates not covered by the pending list. */
  unlisted: string[];
  /** Pending entries the emitted schema already has (the list must shrink). */
  stale: string[];
  /** Incompatible shapes between the contract (minus pending) and the emitted schema. */
  breaking: Change[];
}

export async function checkContract(opts: { contractSdl: string; emittedSdl: string; pending: string[] }): Promise<ContractReport> {
  const contractDoc = parse(opts.contractSdl);
  const contract = buildASTSchema(contractDoc);
  const emitted = buildASTSchema(parse(opts.emittedSdl));
  const have = coordinates(emitted);
  const pendingSet = new Set(opts.pending);
  const missing = [...coordinates(contract)].filter((c) => !have.has(c));
  const unlisted = missing.filter((c) => !isCovered(c, pendingSet));
  const stale = opts.pending.filter((p) => have.has(p));
  const pruned = buildASTSchema(pruneContract(contractDoc, pendingSet));
  const changes = await diff(pruned, emitted);
  return { missing, unlisted, stale, breaking: changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking) };
}

/** The shortest pending list for the current state: whole types where a type is missing, else members. */
export function minimalPending(missing: string[], emittedSdl: string): string[] {
  const emittedTypes = new Set(Object.keys(buildASTSchema(parse(emittedSdl)).getTypeMap()));
  const out = new Set<string>();
  for (const c of missing) {
    const type = c.split('.')[0] ?? c;
    if (!emittedTypes.has(type)) out.add(type);
    else if (c.includes('(') && !missing.includes(c.replace(/\(.*$/, ''))) out.add(c);
    else if (!c.includes('(')) out.add(c);
  }
  return [...out].sort();
}

export function readFiles() {
  return {
    contractSdl: readFileSync(paths.contract, 'utf8'),
    emittedSdl: readFileSync(paths.emitted, 'utf8'),
    pendingText: readFileSync(paths.pending, 'utf8'),
  };
}
