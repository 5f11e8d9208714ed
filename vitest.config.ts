import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,shared,electron,renderer,tools,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Property tests and whole-corpus checks take seconds on a loaded 2-core machine; speed is
    // measured in bench/, never by a test's timeout.
    testTimeout: 60_000,
  },
});
