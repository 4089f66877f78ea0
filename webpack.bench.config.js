/* eslint-disable @typescript-eslint/no-require-imports */
// Bundles the benchmark script (bench/run.ts) for Node. Not shipped; it may use dev dependencies
// (HyperFormula, playwright-core), which stay external and load from node_modules.
const path = require('path');
const nodeExternals = require('webpack-node-externals');

module.exports = {
  name: 'bench',
  mode: 'production',
  target: 'node20',
  devtool: false,
  entry: { bench: './bench/run.ts' },
  output: { path: path.resolve(__dirname, 'build/bench'), filename: '[name].js', clean: true },
  externals: [nodeExternals()],
  externalsPresets: { node: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { configFile: 'tsconfig.json', transpileOnly: true } },
      },
      { test: /\.csv$/, type: 'asset/source' },
    ],
  },
  optimization: { minimize: false },
};
