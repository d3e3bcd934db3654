import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * SDK package tests (`npm run test:sdk`, after `npm run build`): the packed @mfc/account-sdk is
 * installed into a temp dir outside the repository (npm install: slow, needs the registry) and
 * used with its own client, Apollo Client and urql, and from headless Chromium on another origin.
 */
export default defineConfig({
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/sdk/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default'],
  },
});
