/**
 * The house rules, enforced: src/core is pure (no Forge, no Jira, no storage, no I/O); only src/jira
 * calls Jira; only src/store touches Forge storage; only static/src/bridge.ts talks to @forge/bridge.
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

function resolvesInto(fromFile: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(fromFile), spec);
  return target === dir || target.startsWith(dir + path.sep);
}

export function checkFile(file: string, text: string): Violation[] {
  const rel = path.relative(root, file);
  const out: Violation[] = [];
  const { imports, calls } = scan(file, text);
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
  return out;
}

describe('architecture', () => {
  const all = [...files(path.join(root, 'src')), ...files(path.join(root, 'static/src'))];

  it('every source file keeps to its room', () => {
    const violations = all.flatMap((f) => checkFile(f, fs.readFileSync(f, 'utf8')));
    expect(violations).toEqual([]);
    expect(all.length).toBeGreaterThan(10);
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
