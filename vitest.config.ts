import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'gateway',
          root: './gateway',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'solution',
          root: './solution',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'controls',
          root: './controls',
          include: ['**/*.test.{ts,tsx}'],
          exclude: ['node_modules/**', 'out/**'],
          environment: 'jsdom',
          // Fluent UI is thousands of modules: bundled once for all test files instead of loaded per file.
          deps: { optimizer: { client: { enabled: true, include: ['@fluentui/react', 'react', 'react-dom', '@testing-library/react', '@azure/msal-browser'] } } },
        },
      },
      {
        test: {
          name: 'cross-package',
          root: './test',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
