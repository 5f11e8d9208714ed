import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,shared,electron,renderer,tools}/**/*.test.{ts,tsx}'],
    environment: 'node',
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
