/**
 * The Node version the README names is true (reviewer, session 8): `npm ci` on it gives no EBADENGINE
 * warning, so it satisfies the `engines.node` of every package in package-lock.json, and package.json's
 * `engines` allows only Node versions that do.
 */
import fs from 'node:fs';
import path from 'node:path';

// semver is npm's own range reader (a dependency of many dev tools here); it has no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as { satisfies(version: string, range: string): boolean };

const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

/** [package path, engines.node] of every installed package in the lockfile that states one. */
const engines: [string, string][] = Object.entries(lock.packages).flatMap(([p, v]) => {
  const node = Array.isArray(v.engines) ? undefined : v.engines?.node;
  return p !== '' && node !== undefined ? [[p, node] as [string, string]] : [];
});

/** The packages whose engines.node `version` does not satisfy. */
const refusing = (version: string) => engines.filter(([, range]) => !semver.satisfies(version, range));

describe('the Node version the README names', () => {
  const named = /only Node (\d+)\.(\d+)\+/.exec(readme);

  it('is named as major.minor+ in the install instructions', () => {
    expect(named).not.toBeNull();
    expect(engines.length).toBeGreaterThan(100);
  });

  it("satisfies every package's engines in package-lock.json, and is the lowest of its major that does", () => {
    const [, major, minor] = named ?? [];
    const version = `${major}.${minor}.0`;
    expect(refusing(version)).toEqual([]);
    // One minor lower is refused by some package (else the README asks for more than needed).
    if (Number(minor) > 0) expect(refusing(`${major}.${Number(minor) - 1}.0`)).not.toEqual([]);
    expect(semver.satisfies(version, pkg.engines.node)).toBe(true);
  });

  it("package.json's engines allows only Node versions every package accepts (and the lockfile repeats it)", () => {
    const allowed: string[] = [];
    for (let major = 18; major <= 26; major++)
      for (let minor = 0; minor <= 40; minor++) {
        const v = `${major}.${minor}.0`;
        if (semver.satisfies(v, pkg.engines.node)) allowed.push(v);
      }
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.filter((v) => refusing(v).length > 0)).toEqual([]);
    const rootEngines = lock.packages['']?.engines;
    expect(Array.isArray(rootEngines) ? undefined : rootEngines?.node).toBe(pkg.engines.node);
  });
});
