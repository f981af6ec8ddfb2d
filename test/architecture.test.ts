/**
 * The house rules, enforced: src/core is pure (no Forge, no Jira, no storage, no I/O); only src/jira
 * calls Jira; only src/store touches Forge storage; only static/src/bridge.ts talks to @forge/bridge.
 * Imports in src run one way, down the floors of {@link FLOORS} (only src/index.ts imports the resolvers
 * and handlers), and no files of src import each other in a circle.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'build' ? [] : files(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

export interface Violation {
  file: string;
  rule: string;
  detail: string;
}

const IO_MODULES = /^(node:)?(fs|fs\/promises|http|https|net|child_process|dgram|tls|worker_threads)$/;

/** Imports (static, dynamic, require) and Jira-calling expressions of one file. */
function scan(file: string, text: string) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports: string[] = [];
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      imports.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const arg = node.arguments[0];
      if (
        (callee.kind === ts.SyntaxKind.ImportKeyword ||
          (ts.isIdentifier(callee) && callee.text === 'require')) &&
        arg &&
        ts.isStringLiteral(arg)
      ) {
        imports.push(arg.text);
      }
      if (ts.isPropertyAccessExpression(callee) && ['requestJira', 'fetchProduct'].includes(callee.name.text))
        calls.push(callee.name.text);
      if (ts.isIdentifier(callee) && callee.text === 'fetch') calls.push('fetch');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, calls };
}

/**
 * The floors of src, top down: a file imports its own room or rooms on lower floors, never a room on its
 * own floor or above. Features may use each other (one room), without circles.
 */
export const FLOORS: ReadonlyArray<readonly string[]> = [
  ['src/index.ts'],
  ['src/resolvers', 'src/handlers', 'src/cli'],
  ['src/features'],
  ['src/jobs'],
  ['src/shared'],
  ['src/jira', 'src/store'],
  ['src/core'],
];

/** The room of a path under src (`src/features`, `src/core`, …) and its floor (0 = top). */
export function roomOf(rel: string): { room: string; floor: number } | undefined {
  for (const [floor, rooms] of FLOORS.entries())
    for (const room of rooms) if (rel === room || rel.startsWith(room + '/')) return { room, floor };
  return undefined;
}

/** The src file a relative import names (with its extension), or undefined. */
export function resolveImport(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** Violations of the one direction: an import of a room on the same floor or above. */
export function checkDirection(file: string, imports: readonly string[]): Violation[] {
  const rel = path.relative(root, file);
  const from = roomOf(rel);
  if (!from) return [];
  const out: Violation[] = [];
  for (const spec of imports) {
    if (!spec.startsWith('.')) continue;
    const target = path.relative(root, path.resolve(path.dirname(file), spec));
    const to = roomOf(target);
    if (!to || to.room === from.room) continue;
    if (to.floor <= from.floor)
      out.push({ file: rel, rule: 'imports run down the floors', detail: `imports ${to.room} (${spec})` });
  }
  return out;
}

/** The circles among files: strongly connected components of more than one file (Tarjan). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

function resolvesInto(fromFile: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(fromFile), spec);
  return target === dir || target.startsWith(dir + path.sep);
}

export function checkFile(file: string, text: string): Violation[] {
  const rel = path.relative(root, file);
  const { imports, calls } = scan(file, text);
  const out: Violation[] = [];
  const inDir = (d: string) => rel === d || rel.startsWith(d + '/');
  const dirs = {
    jira: path.join(root, 'src/jira'),
    store: path.join(root, 'src/store'),
    resolvers: path.join(root, 'src/resolvers'),
  };
  for (const spec of imports) {
    if (inDir('src/core')) {
      if (spec.startsWith('@forge/'))
        out.push({ file: rel, rule: 'core is pure', detail: `imports ${spec}` });
      if (IO_MODULES.test(spec)) out.push({ file: rel, rule: 'core does no I/O', detail: `imports ${spec}` });
      for (const [name, dir] of Object.entries(dirs)) {
        if (resolvesInto(file, spec, dir))
          out.push({
            file: rel,
            rule: 'core depends on nothing outside core',
            detail: `imports src/${name}`,
          });
      }
    }
    if (spec === '@forge/kvs' && !inDir('src/store') && inDir('src'))
      out.push({ file: rel, rule: 'only src/store touches storage', detail: spec });
    if (spec === '@forge/api' && !inDir('src/jira') && inDir('src'))
      out.push({ file: rel, rule: 'only src/jira calls Jira', detail: spec });
    if (spec === '@forge/bridge' && inDir('static') && rel !== 'static/src/bridge.ts') {
      out.push({ file: rel, rule: 'only static/src/bridge.ts talks to the bridge', detail: spec });
    }
    if (inDir('static') && (spec.includes('/src/jira') || spec.includes('/src/store'))) {
      out.push({ file: rel, rule: 'the UI talks to the back end only through invoke', detail: spec });
    }
  }
  if (inDir('src') && !inDir('src/jira')) {
    for (const call of calls)
      out.push({ file: rel, rule: 'only src/jira calls Jira', detail: `calls ${call}()` });
  }
  return [...out, ...checkDirection(file, imports)];
}

describe('architecture', () => {
  const all = [...files(path.join(root, 'src')), ...files(path.join(root, 'static/src'))];

  it('every source file keeps to its room', () => {
    const violations = all.flatMap((f) => checkFile(f, fs.readFileSync(f, 'utf8')));
    expect(violations).toEqual([]);
    expect(all.length).toBeGreaterThan(10);
  });

  it('no files of src import each other in a circle', () => {
    const graph = new Map<string, string[]>();
    for (const f of files(path.join(root, 'src'))) {
      const targets = scan(f, fs.readFileSync(f, 'utf8'))
        .imports.map((spec) => resolveImport(f, spec))
        .filter((t): t is string => t !== undefined);
      graph.set(f, targets);
    }
    expect(circles(graph).map((c) => c.map((f) => path.relative(root, f)))).toEqual([]);
    expect(graph.size).toBeGreaterThan(50);
  });

  it('finds a circle, and an import that runs up', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c']]);
    const at = (rel: string) => path.join(root, rel);
    const up = (file: string, spec: string) => checkFile(at(file), `import { x } from '${spec}';`);
    expect(up('src/features/prioritize/x.ts', '../../resolvers/api')[0]?.detail).toBe(
      'imports src/resolvers (../../resolvers/api)',
    );
    expect(up('src/cli/main.ts', '../resolvers/define')[0]?.rule).toBe('imports run down the floors');
    expect(up('src/jobs/x.ts', '../features/prioritize')[0]?.rule).toBe('imports run down the floors');
    expect(up('src/store/x.ts', '../jira/client')[0]?.rule).toBe('imports run down the floors');
    expect(up('src/shared/x.ts', '../features/vision')[0]?.rule).toBe('imports run down the floors');
    expect(up('src/resolvers/x.ts', '../handlers/jobs')[0]?.rule).toBe('imports run down the floors');
    // down the floors, or within one room, is fine
    expect(up('src/index.ts', './resolvers')).toEqual([]);
    expect(up('src/resolvers/x.ts', '../features/vision/service')).toEqual([]);
    expect(up('src/features/health/x.ts', '../prioritize/stored')).toEqual([]);
    expect(up('src/features/vision/x.ts', '../../shared/errors')).toEqual([]);
  });

  it('the rules catch each kind of breach', () => {
    const at = (rel: string) => path.join(root, rel);
    expect(checkFile(at('src/core/x.ts'), "import api from '@forge/api';").map((v) => v.rule)).toEqual([
      'core is pure',
      'only src/jira calls Jira',
    ]);
    expect(checkFile(at('src/core/x.ts'), "import { JiraClient } from '../jira/client';")[0]?.detail).toBe(
      'imports src/jira',
    );
    expect(checkFile(at('src/core/scoring/x.ts'), "const s = require('../../store/keys');")[0]?.detail).toBe(
      'imports src/store',
    );
    expect(checkFile(at('src/core/x.ts'), "import fs from 'node:fs';")[0]?.rule).toBe('core does no I/O');
    expect(checkFile(at('src/resolvers/x.ts'), "import { kvs } from '@forge/kvs';")[0]?.rule).toBe(
      'only src/store touches storage',
    );
    expect(
      checkFile(at('src/resolvers/x.ts'), 'export const f = (api: any) => api.asUser().requestJira(r);')[0]
        ?.detail,
    ).toBe('calls requestJira()');
    expect(
      checkFile(at('src/resolvers/x.ts'), "fetch('https://x.atlassian.net/rest/api/3/myself');")[0]?.detail,
    ).toBe('calls fetch()');
    expect(
      checkFile(at('static/src/modules/a/App.tsx'), "import { invoke } from '@forge/bridge';"),
    ).toHaveLength(1);
    expect(
      checkFile(at('src/jira/client.ts'), "import api from '@forge/api'; api.asUser().requestJira(r);"),
    ).toEqual([]);
    expect(checkFile(at('static/src/bridge.ts'), "import { invoke } from '@forge/bridge';")).toEqual([]);
  });
});
