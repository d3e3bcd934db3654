/**
 * Compiled execution: every operation Apollo has parsed and validated runs as JavaScript that
 * graphql-jit generated for it once (through Apollo's executor hook, the `gateway` option, with
 * the schema as it is), instead of graphql-js walking the selection field by field: no argument
 * coercion, path object or promise check per field of a 1,700-field branch list. The same
 * resolvers run (type-graphql's, with the input guard, API scopes and resolver spans wrapped
 * around them in the schema); errors keep their original error, so formatError answers the same.
 * An operation graphql-jit cannot compile runs on graphql-js as before, and so does a mutation
 * of more than one root field: graphql-jit starts them together, where the spec (and a client
 * guessing codes with aliases) needs each to finish before the next starts.
 *
 * A document is compiled at its GRAPHQL_COMPILE_AFTER-th run (2: a document sent once, as in a
 * flood of distinct queries, costs no compilation); compiled queries are kept per parsed document
 * (Apollo keeps one parsed document per query text in its bounded document store), so they go
 * when the document does.
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode, execute, getVariableValues, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Apollo's executor hook serving `schema`, compiling a document's operation at its `after`th run. */
export function compiledExecution(schema: GraphQLSchema, after: number): Gateway {
  const executor = compiledExecutor(schema, after);
  return {
    load: () => Promise.resolve({ schema, executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    stop: () => Promise.resolve(),
  };
}

/** An operation of a document: how often it ran, then its compiled query (null: graphql-js for good). */
type Entry = { runs: number; query?: CompiledQuery | null };

export function compiledExecutor(schema: GraphQLSchema, after: number): Executor {
  const entries = new WeakMap<DocumentNode, Map<string, Entry>>();
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byName = entries.get(document);
    if (!byName) entries.set(document, (byName = new Map<string, Entry>()));
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) byName.set(key, (entry = { runs: 0 }));
    if (entry.query !== undefined) return entry.query;
    // A document run once (a flood of distinct queries) is never worth compiling.
    if (++entry.runs < after) return null;
    const made = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    entry.query = isCompiledQuery(made) ? made : null;
    return entry.query;
  };
  return async (rc) => {
    const variables = rc.request.variables ?? {};
    const query = runsConcurrently(rc.operation) ? compiledFor(rc.document, rc.operationName) : null;
    if (!query) return execute({ schema, document: rc.document, operationName: rc.operationName, variableValues: variables, contextValue: rc.context });
    // Variables are checked by graphql-js first: its errors name the variable's node, which is how
    // Apollo tells a client's bad input (400, BAD_USER_INPUT) from a fault of the server.
    const refused = rc.operation.variableDefinitions?.length ? getVariableValues(schema, rc.operation.variableDefinitions, variables).errors : undefined;
    if (refused) return { errors: refused };
    const result = await query.query(undefined, rc.context, variables);
    return result.errors ? { ...result, errors: asGraphQLErrors(result.errors) } : result;
  };
}

/** A query, or a mutation of one root field (so the order of root fields cannot matter). */
function runsConcurrently(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== OperationTypeNode.MUTATION) return true;
  const [only, ...more] = operation.selectionSet.selections;
  return only?.kind === Kind.FIELD && more.length === 0;
}

/**
 * graphql-jit's errors as graphql-js makes them (extensions always an object, the original error
 * kept, the same locations and path), so the plugins and formatError see one kind of error. The
 * stack is the original error's, or none: the new error's own would only show this function.
 */
function asGraphQLErrors(errors: NonNullable<ExecutionResult['errors']>): GraphQLError[] {
  const frames = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return errors.map((e) => {
      const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
      if (e.locations) (error as { locations?: GraphQLError['locations'] }).locations = e.locations;
      return error;
    });
  } finally {
    Error.stackTraceLimit = frames;
  }
}
