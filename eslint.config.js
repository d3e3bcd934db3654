// Type-aware linting: floating and misused promises and non-exhaustive switches are bugs here.
import tseslint from 'typescript-eslint';
import { moduleBoundaries } from './scripts/lint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'src/sdk/generated/**', 'src/sdk/dist/**', 'test/sdk/consumer/**', 'drizzle/**', 'eslint.config.js', 'scripts/lint/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The plan of the code: front doors, no transport in modules; small files and functions.
    plugins: { local: { rules: { 'module-boundaries': moduleBoundaries } } },
    files: ['src/**/*.ts', 'workers/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'local/module-boundaries': 'error' },
  },
  {
    files: ['src/**/*.ts', 'workers/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60 }],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
