// The design's rules that a reader cannot see break: no module of src/ imports itself in a
// circle (imports of types only are left out: they are gone once compiled), and the domain
// imports nothing of ours outside it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The modules of ours a file imports at run time (not `import type`, not type-only braces). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+([^;]*?)\s+from\s+'(\.[^']+)';/gms)) {
    const [, what = '', from = ''] = match;
    if (/^type\s/.test(what)) continue;
    const braces = /^\{([^}]*)\}$/.exec(what.trim());
    const names =
      braces?.[1]
        ?.split(',')
        .map((n) => n.trim())
        .filter(Boolean) ?? [];
    if (braces && names.every((n) => n.startsWith('type '))) continue;
    found.push(normalize(join(dirname(file), from.replace(/\.js$/, '.ts'))));
  }
  for (const match of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g))
    found.push(normalize(join(dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts'))));
  return found;
}

describe('the shape of the code', () => {
  const files = sources(SRC);
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));

  it('has no circle of imports', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open')
          circles.push(
            [...path.slice(path.indexOf(next)), next].map((f) => relative(SRC, f)).join(' → '),
          );
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('keeps the domain free of the store, the server, the CLI and the web', () => {
    const outward = files
      .filter((f) => relative(SRC, f).startsWith('domain/'))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((to) => !relative(SRC, to).startsWith('domain/'))
          .map((to) => `${relative(SRC, f)} → ${relative(SRC, to)}`),
      );
    expect(outward).toEqual([]);
  });
});
