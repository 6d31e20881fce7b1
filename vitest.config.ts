import { defineConfig } from 'vitest/config'

/**
 * Two projects: `unit` (pure code, `*.test.ts` beside it, run in parallel) and `integration`
 * (a real database through Payload's Local and REST APIs, one Payload instance shared by every
 * file, so files run one after another in a single worker).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'collections/**/*.test.ts',
            'scripts/**/*.test.ts',
            'eslint-rules/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['integration/**/*.int.test.ts'],
          globalSetup: ['integration/globalSetup.ts'],
          setupFiles: ['integration/setup.ts'],
          fileParallelism: false,
          isolate: false,
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
