/* eslint-disable @typescript-eslint/no-require-imports */
// Bundles the fake Excel host (test/support/fake-excel) for the browser test: build/fake-host.js puts
// `window.SpukFakeExcel` (the module's exports, e.g. FakeExcel) on the page. Test-only; never shipped.
// Type checking is left to `tsc --noEmit`; this bundle only transpiles.
const path = require('path');

module.exports = {
  name: 'test-host',
  mode: 'development',
  target: 'web',
  devtool: false,
  entry: './test/support/fake-excel/index.ts',
  output: {
    path: path.resolve(__dirname, 'build'),
    filename: 'fake-host.js',
    library: { name: 'SpukFakeExcel', type: 'window' },
    clean: false,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { configFile: 'tsconfig.json', transpileOnly: true } },
      },
    ],
  },
  performance: { hints: false },
};
