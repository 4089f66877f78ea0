/** scripts/build-cli.js: `npm run werkboek` builds the CLI only when dist/cli.js is missing or stale. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleBecause } = require('../../scripts/build-cli.js') as {
  staleBecause: (dir: string) => string | undefined;
};

describe('staleBecause', () => {
  let dir: string;
  const file = (p: string, age: number) => {
    const f = path.join(dir, p);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, p);
    const t = new Date(Date.now() - age * 1000);
    fs.utimesSync(f, t, t);
    // The folders it was made in get the same time (a checkout long ago).
    for (let d = path.dirname(f); d !== dir; d = path.dirname(d)) fs.utimesSync(d, t, t);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-build-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds when dist/cli.js is missing, not when it is newer than every input, again when one changes', () => {
    file('src/cli/main.ts', 100);
    file('data/vws-2026-04/edition.json', 100);
    file('package.json', 100);
    expect(staleBecause(dir)).toBe('dist/cli.js ontbreekt');
    file('dist/cli.js', 50);
    expect(staleBecause(dir)).toBeUndefined();
    file('data/vws-2026-04/edition.json', 10);
    expect(staleBecause(dir)).toBe('data is nieuwer dan dist/cli.js');
    file('dist/cli.js', 5);
    expect(staleBecause(dir)).toBeUndefined();
    file('webpack.config.js', 1);
    expect(staleBecause(dir)).toBe('webpack.config.js is nieuwer dan dist/cli.js');
  });

  it('a removed source file makes it stale (the folder changes)', () => {
    file('src/cli/main.ts', 100);
    file('src/cli/old.ts', 100);
    file('dist/cli.js', 50);
    expect(staleBecause(dir)).toBeUndefined();
    fs.rmSync(path.join(dir, 'src/cli/old.ts'));
    expect(staleBecause(dir)).toBe('src is nieuwer dan dist/cli.js');
  });
});
