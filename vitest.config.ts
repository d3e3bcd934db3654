import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; Vite would pick the ESM one and the schema
    // would be built from "another module or realm". One graphql for everyone.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Fault tests take minutes (child processes, outages): `npm run test:faults`; SDK package tests install from the registry: `npm run test:sdk`.
    exclude: ['test/faults/**', 'test/sdk/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: '.reports/vitest.json' },
  },
});
