import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs files in parallel; `timing` holds the tests that read
// overlaps and speed-ups from real runs, so it runs alone, one file at a time
// (npm run test:timing passes --no-file-parallelism), or it would measure the test runner.
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{common,workers,web,cli,main,renderer,test}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.timing.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'timing',
          include: ['{common,workers,web,cli,test}/**/*.timing.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
