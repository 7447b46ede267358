// One lint config for the repository. The import-boundary rules below keep the layers honest:
// the engine and core are pure and import nothing from server, db, web or cli.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (name, door) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `${door}`,
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'e2e/artifacts/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    // tests may read fixture files; the engine itself may not do I/O
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('server', 'The engine is pure: pass data in through plan(input, options).'),
            layer('db', 'The engine is pure: the server builds its input from the database.'),
            layer('web', 'The engine is pure: the web app calls the API, not the engine.'),
            layer('cli', 'The engine is pure: the CLI calls the engine, not the other way.'),
            layer('core', 'The engine stands alone: it depends on nothing else in Tandem.'),
            { group: ['node:*'], message: 'The engine does no I/O: no node:* modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('server', 'core is shared by every side: put server code in src/server.'),
            layer('db', 'core is pure: repositories in src/server/areas/*/repo.ts do the SQL.'),
            layer('web', 'core is shared by every side: put UI code in src/web.'),
            layer('cli', 'core is shared by every side: put commands in src/cli.'),
            { group: ['node:*'], message: 'core is pure: no node:* modules (it runs in the browser too).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('server', 'The web app talks to the server over HTTP: use src/web/api/client.ts.'),
            layer('db', 'The web app talks to the server over HTTP: use src/web/api/client.ts.'),
            layer('cli', 'The web app does not import CLI code.'),
            layer('engine', 'The web app does not run the engine; the server does.'),
            {
              group: ['**/core/roles'],
              importNames: ['can', 'permissionTable'],
              message:
                "The web app never evaluates permissions: read the record's `can`, or `me.can` through useSession().",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
