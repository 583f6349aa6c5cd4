// Lint (typescript-eslint): the recommended rules, plus promises that nobody awaits or catches.
// Import directions are checked by dependency-cruiser (.dependency-cruiser.cjs), dead exports by knip.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-*/', 'e2e/.output/', 'public/', 'assets/', 'bench-results/', 'data/'] },
  {
    // Directives written for rules this set does not turn on (eslint's own recommended set) are harmless.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      // Type-aware rules read the same tsconfig as `tsc`.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise left alone swallows its error: await it, catch it, or mark it `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests build deliberately broken exhibitions; `any` is how they get past the types.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain JavaScript configs and scripts: syntax only.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
