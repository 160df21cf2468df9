import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs live in e2e/ and must not be collected here.
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'content/**/*.test.ts'],
    environment: 'node',
  },
});
