/**
 * The browser test: the production task pane (dist/taskpane.html) in headless Debian Chromium, driven by
 * playwright-core. Run with `npm run test:browser` (builds what it needs first). Kept out of the unit run:
 * its files end in .browser.ts, not .test.ts.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.csv$': '<rootDir>/test/support/csv-transform.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'csv'],
  testTimeout: 120000,
  maxWorkers: 1,
};
