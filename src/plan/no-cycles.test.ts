import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

/**
 * No import circles in src/plan: a sheet section receives the anchors of the sheets it refers to, so
 * the modules form a tree from build.ts down (data flows one way). Every `import … from` and
 * `export … from` counts, `import type` too: a circle of types is a circle of knowledge.
 */
const ROOT = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The src/plan modules a file imports (relative specifiers resolved to .ts files; others skipped). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map(
    (m) => m[1] ?? '',
  );
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s))
    .map((p) => [`${p}.ts`, join(p, 'index.ts')].find((c) => existsSync(c)) ?? '')
    .filter((p) => p.startsWith(ROOT + '/'));
}

/** Every cycle found by a depth-first search, as a list of paths relative to src/plan. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found.map((c) => c.map((p) => relative(ROOT, p)));
}

describe('src/plan has no import cycles', () => {
  const graph = new Map(sources(ROOT).map((f) => [f, importsOf(f)]));

  it('reads the imports of every module', () => {
    expect(graph.get(join(ROOT, 'build.ts'))).toContain(join(ROOT, 'begroting', 'index.ts'));
  });

  it('finds a cycle when there is one (the search works)', () => {
    const g = new Map([
      ['/a', ['/b']],
      ['/b', ['/c']],
      ['/c', ['/a']],
    ]);
    expect(cycles(g)).toHaveLength(1);
  });

  it('has none', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });
});
