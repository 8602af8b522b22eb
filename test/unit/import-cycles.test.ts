// No module in src/ imports itself back through others, type-only imports included: a circle is where a
// feature stops being a room of its own (ARCHITECTURE.md). The finder is checked on a made-up circle first,
// so a finder that found nothing because it read nothing would fail here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Graph = Map<string, Set<string>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function importGraph(files: Map<string, string>): Graph {
  const resolve = (from: string, spec: string) => {
    const base = path.normalize(path.join(path.dirname(from), spec));
    return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) => files.has(c));
  };
  const graph: Graph = new Map();
  for (const [file, text] of files) {
    const edges = new Set<string>();
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      const target = resolve(file, m[1]!);
      if (target) edges.add(target);
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function circles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test('the finder sees a circle through a type-only import and none in a line', () => {
  const made = new Map([
    ['/x/a.ts', "import { b } from './b';\n"],
    ['/x/b.ts', "import type { C } from './c';\nexport const b = 1;\n"],
    ['/x/c.ts', "import {\n  a,\n} from './a';\nexport type C = number;\n"],
    ['/x/d.ts', "import { a } from './a';\n"],
  ]);
  expect(circles(importGraph(made))).toEqual([['/x/a.ts', '/x/b.ts', '/x/c.ts']]);
  made.set('/x/c.ts', 'export type C = number;\n');
  expect(circles(importGraph(made))).toEqual([]);
});

test('no import circle inside src/', () => {
  const root = path.join(__dirname, '..', '..', 'src');
  const files = new Map(sourceFiles(root).map((f) => [f, readFileSync(f, 'utf8')] as const));
  expect(files.size).toBeGreaterThan(100);
  expect(circles(importGraph(files)).map((c) => c.map((f) => path.relative(root, f)))).toEqual([]);
});
