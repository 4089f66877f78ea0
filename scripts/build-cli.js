#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// `npm run werkboek` (and `npm run cli`): builds dist/cli.js with webpack only when it is missing or older
// than what it is made of, so the main job does not pay 10 s of webpack for a 3 s run.
// Inputs: every file and folder under src/ and data/ (a folder's mtime changes when a file in it is
// added, removed or renamed), webpack.config.js, tsconfig.json, package.json and package-lock.json (a
// changed dependency). A git checkout gives the files it writes the current time, so a pull or a
// branch switch makes the bundle stale. `--force` builds anyway; `--check` only says (exit 1 = stale).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const FILES = ['webpack.config.js', 'tsconfig.json', 'package.json', 'package-lock.json'];
const FOLDERS = ['src', 'data'];

/** The newest mtime (ms) of a file or, recursively, of a folder and everything in it; 0 when absent. */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  let t = st.mtimeMs;
  if (st.isDirectory()) for (const name of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, name)));
  return t;
}

/** Why dist/cli.js under `dir` must be built (Dutch, for stderr), or undefined when it is up to date. */
function staleBecause(dir = root) {
  let built;
  try {
    built = fs.statSync(path.join(dir, 'dist', 'cli.js')).mtimeMs;
  } catch {
    return 'dist/cli.js ontbreekt';
  }
  for (const p of [...FILES, ...FOLDERS])
    if (newest(path.join(dir, p)) > built) return `${p} is nieuwer dan dist/cli.js`;
  return undefined;
}

function main(args) {
  const reason = args.includes('--force') ? '--force' : staleBecause();
  if (args.includes('--check')) {
    process.stderr.write(reason === undefined ? 'dist/cli.js is actueel.\n' : `${reason}.\n`);
    return reason === undefined ? 0 : 1;
  }
  if (reason === undefined) return 0;
  process.stderr.write(`CLI bouwen (${reason}) …\n`);
  const webpack = path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js');
  const r = spawnSync(process.execPath, [webpack, '--mode', 'production', '--config-name', 'cli'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    process.stderr.write('Fout: de CLI is niet gebouwd (zie hierboven). Draai npm ci en probeer opnieuw.\n');
    return r.status ?? 1;
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { staleBecause, newest };
