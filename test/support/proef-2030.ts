import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { registerEditionFolder } from '../../src/data';

/** The data-only test edition (a manifest and a CSV): a new regeling (line 22) and the year 2030. */
export const PROEF_2030_DIR = join(__dirname, '..', 'fixtures', 'editions', 'proef-2030');

/** Its data files by name (everything but edition.json), as text. */
export function proef2030Files(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(PROEF_2030_DIR))
    if (name !== 'edition.json') files[name] = readFileSync(join(PROEF_2030_DIR, name), 'utf8');
  return files;
}

/** Registers proef-2030 as `--edities-map` would (the loader checks its manifest and files). */
export function registerProef2030(): void {
  registerEditionFolder({
    dir: PROEF_2030_DIR,
    manifest: JSON.parse(readFileSync(join(PROEF_2030_DIR, 'edition.json'), 'utf8')) as unknown,
    files: proef2030Files(),
  });
}
