import { defineConfig, mergeConfig } from 'vitest/config';

import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      // Only unit tests: Playwright's e2e/*.spec.ts must never be collected here.
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/testing/setup-tests.ts'],
      restoreMocks: true,
      // The tests wait for conditions, never for time; on a machine busy compiling, a test that types
      // and clicks through a form takes seconds, far more than Vitest's default 5 s allows.
      testTimeout: 60_000,
    },
  }),
);
