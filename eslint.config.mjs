// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Architecture: src/core is pure; only src/jira talks to Jira; only src/store touches Forge storage. */
const forge = ['@forge/*'];
export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'dist/**', 'static/**/build/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        URLSearchParams: 'readonly',
        Response: 'readonly',
        Headers: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        window: 'readonly',
        document: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**'],
    ignores: ['src/jira/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='requestJira']",
          message: 'Only src/jira calls Jira.',
        },
        {
          selector: "ImportDeclaration[source.value='@forge/api'] ImportSpecifier[imported.name='route']",
          message: 'Only src/jira builds Jira routes.',
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@forge/kvs', message: 'Only src/store touches Forge storage.' }] },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forge, message: 'src/core is pure: no Forge imports.' },
            {
              group: ['**/jira', '**/jira/**', '**/store', '**/store/**', '**/resolvers/**'],
              message: 'src/core must not depend on src/jira, src/store or resolvers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/core does no I/O.' }],
    },
  },
);
