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
