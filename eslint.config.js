// @ts-check
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The packages that must stay pure (ARCHITECTURE.md): no I/O, no clock, no randomness. */
const PURE_PACKAGES = ['model', 'feel', 'dmn', 'engine', 'insights'];
const PURE_MESSAGE = 'pure package: pass time/ids/randomness through the context (ARCHITECTURE.md)';

const TEST_FILES = ['**/*.test.ts', 'packages/*/test/**/*.ts'];

/** STYLE.md rule 6: one public entry per package. */
const deepImportPatterns = [
  {
    regex: '^@operon/[^/]+/.+',
    message: "import the package's public entry ('@operon/<name>'), not a file inside it (STYLE.md rule 6)",
  },
];

const enumRestriction = {
  selector: 'TSEnumDeclaration',
  message: 'use a const object plus a union type instead of `enum` (STYLE.md rule 8)',
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'packages/web/dist/',
      'coverage/',
      'bench/results/',
      'operon-data/',
      '.tmp/',
    ],
  },

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      // Workspace packages are ours: follow them, so that no-cycle also sees cycles between packages.
      'import-x/internal-regex': '^@operon/',
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'],
          conditionNames: ['import', 'default'],
        }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Records keyed by id are the state's shape (plain, serializable data); deleting a key is how an applier removes one.
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],

      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-relative-packages': 'error',
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],

      'no-restricted-imports': ['error', { patterns: deepImportPatterns }],
      'no-restricted-syntax': ['error', enumRestriction],
    },
  },

  // The pure packages. Options of a rule do not merge across config objects, so the
  // deep-import and enum restrictions are repeated here.
  {
    files: PURE_PACKAGES.map((name) => `packages/${name}/src/**/*.ts`),
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: PURE_MESSAGE })),
          patterns: [...deepImportPatterns, { group: ['node:*'], message: PURE_MESSAGE }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: PURE_MESSAGE },
        { object: 'Math', property: 'random', message: PURE_MESSAGE },
        { object: 'performance', property: 'now', message: PURE_MESSAGE },
        { object: 'crypto', property: 'randomUUID', message: PURE_MESSAGE },
        { object: 'crypto', property: 'getRandomValues', message: PURE_MESSAGE },
        ...['process', 'setTimeout', 'setInterval', 'setImmediate', 'performance', 'crypto'].map((property) => ({
          object: 'globalThis',
          property,
          message: PURE_MESSAGE,
        })),
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'setTimeout',
          'setInterval',
          'setImmediate',
          'clearTimeout',
          'clearInterval',
          'clearImmediate',
          'queueMicrotask',
          'performance',
          'crypto',
          'fetch',
          'Buffer',
          'require',
          '__dirname',
          '__filename',
        ].map((name) => ({ name, message: PURE_MESSAGE })),
      ],
      'no-restricted-syntax': [
        'error',
        enumRestriction,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: PURE_MESSAGE },
        { selector: "CallExpression[callee.name='Date']", message: PURE_MESSAGE },
        { selector: 'ImportExpression[source.value=/^node:/]', message: PURE_MESSAGE },
      ],
    },
  },

  // Tests and benchmarks: the types are still checked, but fixtures may assert what they know.
  {
    files: [...TEST_FILES, 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },

  // Plain JavaScript (this file and other tool configs) is outside the TypeScript project.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
