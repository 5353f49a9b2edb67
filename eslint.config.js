// Lint rules: typescript-eslint's type-aware recommended set, plus the habits in STYLE.md
// (no `any`, no non-null assertions, no empty catch blocks).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.scratch/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // The web app: hooks called in the same order every render, with complete dependencies.
    files: ['web/**/*.tsx', 'web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The domain core stays pure: nothing from the other layers, no I/O modules.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../store/*', '../server/*', '../cli/*', '../demo/*'],
              message: 'The domain core imports nothing from the other layers.',
            },
            {
              group: [
                'node:fs',
                'node:net',
                'node:http',
                'node:child_process',
                'fs',
                'pg',
                'better-sqlite3',
                'kysely',
              ],
              message: 'The domain core does no I/O.',
            },
          ],
        },
      ],
    },
  },
);
