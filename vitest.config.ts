import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// libchdb binds one data directory per process, so every test file runs in its own forked
// process with its own temporary DATA_DIR (see tests/helpers/).
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@shared': `${root}shared`,
      '@client': `${root}client`,
      '@server': `${root}server`,
      '@simulator': `${root}simulator`,
    },
  },
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    exclude: ['node_modules/**', 'dist/**'],
    // Two Chromium walls at once on two cores (SwiftShader draws on the CPU) made each take minutes
    // and time out: the browser tests run after the others, one file at a time.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['{client,server,simulator,shared,scripts}/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['node_modules/**', 'dist/**', 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
