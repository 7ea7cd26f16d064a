import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One copy of graphql-js, or type-graphql and Apollo disagree ("another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/support/setup.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    pool: 'forks',
    // The files mostly wait on sockets, PostgreSQL and child processes: vitest's default of one fork less than the
    // cores left a 2-core machine running them one at a time; two there halved the time, a third gained nothing.
    maxWorkers: Math.max(2, os.availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
