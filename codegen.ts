/**
 * The typed SDK for integrators (and our own integration tests): a TypedDocumentNode for every
 * operation in schema/operations/**, generated against the committed schema/schema.graphql, usable
 * as is by Apollo Client, urql and graphql-request; and persisted-documents.json (sha256 of each
 * document's text -> the text) for servers that accept persisted document ids.
 * `npm run codegen` regenerates; test/sdk/sdk-package.test.ts fails when the output is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'src/sdk/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
        strictScalars: true,
        skipTypename: false,
      },
    },
  },
};

export default config;
