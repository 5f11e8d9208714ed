import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,shared,electron,renderer,tools,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
