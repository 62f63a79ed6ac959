import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-offline/', 'node_modules/', 'bench/out/', 'tests/browser/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // core and geo are shared by the browser and the CLI: no DOM, no Node.
    files: ['src/core/**/*.ts', 'src/geo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'url'], message: 'core/geo must not import Node modules' },
            {
              group: [
                'react',
                'react-dom',
                'leaflet',
                'react-leaflet',
                '../map/*',
                '../ui/*',
                '../web/*',
                '../cli/*',
              ],
              message: 'core/geo must not import UI code',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'navigator',
        'localStorage',
        'fetch',
        'process',
      ],
    },
  },
  {
    // The library's store is browser storage only: no React, no map, no UI (the UI uses it).
    files: ['src/library/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'url'], message: 'the library runs in the browser' },
            {
              group: ['react', 'react-dom', 'leaflet', 'react-leaflet', '**/ui/*', '**/map/*', '**/web/*'],
              message: 'the library must not import UI code',
            },
          ],
        },
      ],
    },
  },
);
