import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/**
 * The docstrings of the domain, data and CLI layers point to other source files by path
 * (`src/plan/begroting/`, `src/data/manifest.ts`): every path they name must exist, so a file that
 * moves (src/plan/sheets-begroting.ts became src/plan/begroting/) does not leave stale pointers.
 */
const ROOT = join(__dirname, '..', '..');
const LAYERS = ['src/domain', 'src/data', 'src/cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(`${dir}/${e.name}`)
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [`${dir}/${e.name}`]
        : [],
  );
}

describe('source paths named in docstrings', () => {
  const named = LAYERS.flatMap(sourceFiles).flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\bsrc\/[A-Za-z0-9_./-]*[A-Za-z0-9_/]/g)].map(
      (m) => ({
        file,
        path: m[0],
      }),
    ),
  );

  it('finds some', () => {
    expect(named.length).toBeGreaterThan(5);
  });

  it('exist', () => {
    expect(named.filter((n) => !existsSync(join(ROOT, n.path)))).toEqual([]);
  });

  it('name no file of src/plan by a bare sheets-*.ts name that is not there', () => {
    const bare = LAYERS.flatMap(sourceFiles).flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?<![/\w])(sheets-[a-z-]+\.ts)/g)].map((m) => ({
        file,
        name: m[1] ?? '',
      })),
    );
    expect(bare.filter((b) => !existsSync(join(ROOT, 'src/plan', b.name)))).toEqual([]);
  });
});
