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
    include: ['{client,server,simulator,shared,scripts}/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
  },
});
