// The controls' lint: Microsoft's Power Apps checker rules (paCheckerHosted), typescript-eslint
// and React. pcf-scripts build runs it on each control folder; `npm run lint` on everything here.
import eslintjs from '@eslint/js';
import microsoftPowerApps from '@microsoft/eslint-plugin-power-apps';
import pluginPromise from 'eslint-plugin-promise';
import reactPlugin from 'eslint-plugin-react';
import globals from 'globals';
import typescriptEslint from 'typescript-eslint';

export default typescriptEslint.config(
  { ignores: ['**/generated/**', 'out/**', 'node_modules/**'] },
  eslintjs.configs.recommended,
  ...typescriptEslint.configs.recommendedTypeChecked,
  ...typescriptEslint.configs.stylisticTypeChecked,
  pluginPromise.configs['flat/recommended'],
  microsoftPowerApps.configs.paCheckerHosted,
  reactPlugin.configs.flat.recommended,
  {
    plugins: { '@microsoft/power-apps': microsoftPowerApps },
    languageOptions: {
      globals: { ...globals.browser, ComponentFramework: true },
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
    },
    settings: { react: { version: '16.14' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      // TypeScript checks the props; prop-types would repeat it at run time.
      'react/prop-types': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'shared/testing/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Tests spell out the absolute redirect URL MSAL is configured with.
      '@microsoft/power-apps/use-cached-webresource': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    ...typescriptEslint.configs.disableTypeChecked,
    languageOptions: { ...typescriptEslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
);
