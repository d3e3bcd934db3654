/** Assertions on GraphQL answers shared by the integration tests. */
import { expect } from 'vitest';
import { GraphQLRequestError } from '../../src/sdk/client.js';

/** The GraphQLRequestError a call fails with (the test fails if it succeeds or fails otherwise). */
export async function errorOf(p: Promise<unknown>): Promise<GraphQLRequestError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GraphQLRequestError);
  return err as GraphQLRequestError;
}
