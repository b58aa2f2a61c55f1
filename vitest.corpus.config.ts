import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: the suites that read real postings from the shared corpus, in place
// ($JDLENS_CORPUS, else ../shared/corpus beside the project).
export default defineConfig({
  test: {
    include: ['tests/corpus/**/*.test.ts'],
    globalSetup: ['tests/corpus/setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
