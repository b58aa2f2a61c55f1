import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // end-to-end tests spawn the CLI; the segmenter's dictionary takes a moment per process
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
