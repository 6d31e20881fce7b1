import js from '@eslint/js'
import tseslint from 'typescript-eslint'

import project from './eslint-rules/layers.mjs'

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next*/**',
      'data/**',
      'test-results/**',
      'bench/report.*',
      '.build/**',
      'migrations/**',
      'payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
      'src/markdown/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The core stays pure and the layers one-way (see eslint-rules/layers.mjs).
    plugins: { project },
    rules: { 'project/layers': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain Node scripts (run without tsx).
    files: ['scripts/**/*.mjs', 'src/render/boot.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The site's progressive enhancement runs in the browser.
    files: ['src/site/assets/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        location: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        FormData: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    // Test helpers read untyped JSON responses.
    files: ['integration/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
