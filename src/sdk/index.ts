/**
 * The published entry of @mfc/account-sdk: the client, every generated TypedDocumentNode and its
 * result and variable types, and `graphql()` for the documented operations by their text.
 */
export * from './client.js';
export * from './generated/graphql.js';
export { graphql } from './generated/gql.js';
