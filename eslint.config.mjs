// Lint is part of `npm test`. The workflows/ zone is sealed: only SDK primitives, sibling workflow files,
// pure domain code and type-only imports of activities, so a non-deterministic import fails CI.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'src/generated/**',
      '.tools/**',
      '.data/**',
      'dist/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts', 'src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'workflows and domain code are deterministic: no Node built-ins',
            })),
            { name: '@prisma/client', message: 'no database access from workflows' },
            { name: 'nodemailer', message: 'send e-mail from an activity' },
            { name: 'express', message: 'no HTTP in workflows' },
            { name: '@temporalio/activity', message: 'activities are called through proxyActivities' },
            { name: '@temporalio/worker', message: 'worker code does not belong in the sandbox' },
            { name: '@temporalio/client', message: 'start child workflows or activities instead' },
          ],
          patterns: [
            {
              group: ['**/src/*', '!**/src/domain', '**/src/!(domain)/**'],
              message: 'workflows may import only src/domain from src/',
            },
            { group: ['**/generated/**'], message: 'no Prisma in workflows' },
            {
              group: ['**/activities', '**/activities/**'],
              allowTypeImports: true,
              message: 'import activity types only (import type)',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'use sleep() from @temporalio/workflow' },
        { name: 'setInterval', message: 'use sleep() in a loop' },
        { name: 'process', message: 'no process access in workflows' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use uuid4() or workflow-safe randomness' },
      ],
    },
  },
  // The layers (ARCHITECTURE.md): use cases never speak HTTP, so the console and the portal can call them.
  {
    files: ['src/{org,calendar,petitions,reception,conferences,reports}/**/*.{ts,tsx}'],
    ignores: ['src/*/client.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'express', message: 'use cases are HTTP-free: map the request in src/api/routes' }],
          patterns: [
            { group: ['**/api', '**/api/**'], message: 'use cases are HTTP-free: they import src/errors, not src/api' },
            {
              group: ['**/workflows/**'],
              message: "only the feature's client.ts starts, signals or updates workflows",
            },
          ],
        },
      ],
    },
  },
  // A feature's client.ts is its one door to Temporal; it still speaks no HTTP.
  {
    files: ['src/*/client.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'express', message: 'use cases are HTTP-free' }],
          patterns: [
            { group: ['**/api', '**/api/**'], message: 'use cases are HTTP-free: they import src/errors, not src/api' },
          ],
        },
      ],
    },
  },
  // The edge and the pages reach workflows only through the features' clients.
  {
    files: [
      'src/{api,console,portal,web}/**/*.{ts,tsx}',
      'src/main.ts',
      'src/config.ts',
      'src/errors.ts',
      'src/platform/{db,mail,runtime,blob,metrics}/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/workflows', '**/workflows/**'],
              message: "only a feature's client.ts, src/service.ts and src/platform/temporal import workflows",
            },
          ],
        },
      ],
    },
  },
  // Activities run in the worker: they never import the HTTP edge or a feature's workflow client.
  {
    files: ['activities/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'express', message: 'no HTTP in activities' }],
          patterns: [
            { group: ['**/src/api', '**/src/api/**'], message: 'activities never import src/api' },
            { group: ['**/src/*/client'], message: 'activities never start workflows through a client.ts' },
          ],
        },
      ],
    },
  },
);
