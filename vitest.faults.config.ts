import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Fault tests (`npm run test:faults`): the application in child processes while PostgreSQL is
 * dropped, Redis restarts empty, a worker is killed, SIGTERM arrives under load. One file at a
 * time: they measure timings on a shared machine.
 */
export default defineConfig({
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    globalSetup: ['test/faults/build.ts', 'test/global-setup.ts'],
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default'],
  },
});
