import { defineConfig } from 'vitest/config';

// `npm test`: everything that needs nothing beside the project. The suites that read the shared
// corpus in place live in tests/corpus and run with `npm run test:corpus` (vitest.corpus.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    // end-to-end tests spawn the CLI; the segmenter's dictionary takes a moment per process
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
