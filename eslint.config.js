import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'src/migrations/Migration*.ts', 'web/dist/', 'web/src/gql/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    // Tenancy is chosen, never defaulted: a bare fork of the ORM would see every tenant (docs/architecture.md, "Tenancy").
    files: ['src/**/*.ts'],
    ignores: ['src/core/db/tenancy.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='fork'][callee.object.property.name='em'][callee.object.object.name='orm'], CallExpression[callee.property.name='fork'][callee.object.property.name='em'][callee.object.object.property.name='orm']",
          message: 'Choose the tenancy: tenantEm(orm, merchantId) to act for one merchant, crossTenantEm(orm) for work that is no one tenant\'s (src/core/db/tenancy.ts).',
        },
      ],
    },
  },
  {
    // Transports are codecs: parse, authenticate, call one service method, render (docs/architecture.md).
    files: ['src/compat-*/**/*.ts', 'src/resolvers/**/*.ts', 'src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@mikro-orm/*'], message: 'Transports hold no ORM access: call a service (src/services) instead.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='em'][property.name=/^(find|findOne|findOneOrFail|findAndCount|count|flush|persist|remove|populate|getReference|getConnection|transactional|nativeInsert|nativeUpdate|nativeDelete|createQueryBuilder|qb|execute|clear|refresh)$/]",
          message: 'Transports hold no ORM access: call a service (src/services) instead.',
        },
        {
          selector: "MemberExpression[object.name='orm']",
          message: 'Transports hold no ORM access: call a service (src/services) instead.',
        },
      ],
    },
  },
  {
    // The browser app (web/): browser globals and the rules of hooks; it talks only to GraphQL, so no ORM rule here.
    files: ['web/**/*.{ts,tsx}', 'test/unit/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
);
