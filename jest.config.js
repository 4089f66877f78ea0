/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.csv$': '<rootDir>/test/support/csv-transform.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'csv'],
  testTimeout: 120000,
};
