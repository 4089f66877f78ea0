// ESLint flat config. Besides typescript-eslint and the office-addins rules, it guards the
// architecture: arrows point down only (data → domain → plan → renderers → shells), only src/excel
// names Office/Excel, only src/xlsx imports exceljs, a shell reaches a renderer only through its index,
// and hyperformula (GPL) never enters src/.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

const OFFICE_GLOBALS = ['Excel', 'Office', 'OfficeExtension'].map((name) => ({
  name,
  message: 'Only src/excel talks to Office.js; go through its public functions.',
}));

// A shell (src/taskpane, src/cli) reaches a renderer only through its public index (src/excel/index.ts,
// src/xlsx/index.ts): `../excel` yes, `../excel/watchdog` no. Export what a shell needs from the index.
const RENDERER_INTERNALS = {
  group: ['**/excel/*', '!**/excel/index', '**/xlsx/*', '!**/xlsx/index'],
  message:
    "A shell imports a renderer only through its public index ('../excel', '../xlsx'): export it there.",
};

const layer = (files, forbidden, extra = []) => ({
  files,
  // Tests may use fixtures from any layer (and HyperFormula as the oracle).
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((l) => ({
            group: [`**/${l}`, `**/${l}/**`],
            message: `Layer rule: this layer must not import from src/${l} (arrows point down only).`,
          })),
          { group: ['hyperformula'], message: 'HyperFormula is GPL: test code only.' },
          ...extra,
        ],
      },
    ],
  },
});

module.exports = tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '*.config.js'] },
  js.configs.recommended,
  // The Node scripts (scripts/*.js, test/support/*.js, test/browser/*.js) are linted like the rest.
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-throw-literal': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/excel/**', 'src/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...OFFICE_GLOBALS] },
  },
  {
    files: ['src/excel/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  layer(
    ['src/domain/**/*.ts'],
    ['data', 'plan', 'excel', 'xlsx', 'taskpane', 'cli', 'messages'],
    [{ group: ['papaparse', 'exceljs'], message: 'The domain is pure: no I/O libraries.' }],
  ),
  layer(
    ['src/data/**/*.ts'],
    ['plan', 'excel', 'xlsx', 'taskpane', 'cli', 'messages'],
    [{ group: ['exceljs'], message: 'Only src/xlsx imports exceljs.' }],
  ),
  layer(['src/messages/**/*.ts'], ['data', 'plan', 'excel', 'xlsx', 'taskpane', 'cli']),
  layer(
    ['src/plan/**/*.ts'],
    ['excel', 'xlsx', 'taskpane', 'cli'],
    [{ group: ['exceljs', 'papaparse'], message: 'The plan is pure data.' }],
  ),
  layer(
    ['src/excel/**/*.ts'],
    ['xlsx', 'taskpane', 'cli', 'data'],
    [{ group: ['exceljs'], message: 'Only src/xlsx imports exceljs.' }],
  ),
  layer(['src/xlsx/**/*.ts'], ['excel', 'taskpane', 'cli', 'data']),
  layer(
    ['src/taskpane/**/*.ts'],
    ['xlsx', 'cli'],
    [{ group: ['exceljs'], message: 'Only src/xlsx imports exceljs.' }, RENDERER_INTERNALS],
  ),
  layer(
    ['src/cli/**/*.ts'],
    [],
    [{ group: ['exceljs'], message: 'Only src/xlsx imports exceljs.' }, RENDERER_INTERNALS],
  ),
);
