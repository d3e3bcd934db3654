/**
 * The typed SDK for integrators (and our own integration tests): typed document strings for every
 * operation in schema/operations/**, generated against the committed schema/schema.graphql.
 * `npm run codegen` regenerates; test/integration/sdk.test.ts fails when the output is stale.
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
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
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
