/**
 * Wiring: every `call('<key>')` in the UI has a resolver definition and a payload schema, every
 * definition is reachable from the UI, every manifest handler is an exported function, and every
 * module's resource entry has its page in static/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { payloads } from '../src/resolvers/api';
import { definitions } from '../src/resolvers';

const root = path.resolve(__dirname, '..');

interface Manifest {
  modules: Record<
    string,
    Array<{
      key: string;
      handler?: string;
      resource?: string;
      resolver?: { function: string };
      function?: string;
    }>
  >;
  resources: Array<{ key: string; path: string; entry?: Record<string, string> }>;
}
const manifest = parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as Manifest;

function uiFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return uiFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The resolver keys the UI calls through static/src/bridge.ts's `call('<key>', ...)`. */
function uiCalls(): Map<string, string[]> {
  const calls = new Map<string, string[]>();
  for (const file of uiFiles(path.join(root, 'static/src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bcall\(\s*['"]([^'"]+)['"]/g)) {
      calls.set(m[1]!, [...(calls.get(m[1]!) ?? []), path.relative(root, file)]);
    }
    if (/\bcall\(\s*[^'"\s)]/.test(text.replace(/function call\(|const call = |call\(key/g, ''))) {
      throw new Error(`${path.relative(root, file)} calls a resolver with a computed key; use a literal key`);
    }
  }
  return calls;
}

describe('wiring', () => {
  const calls = uiCalls();
  const defined = Object.keys(definitions).sort();

  it('the UI calls resolvers that exist, with a payload schema', () => {
    expect(calls.size).toBeGreaterThan(0);
    for (const [key, files] of calls) {
      expect({ key, files, defined: defined.includes(key), schema: key in payloads }).toEqual({
        key,
        files,
        defined: true,
        schema: true,
      });
    }
  });

  it('every resolver definition has a schema and is used by the UI', () => {
    expect(Object.keys(payloads).sort()).toEqual(defined);
    expect(defined.filter((key) => !calls.has(key))).toEqual([]);
  });

  it('every manifest function handler is an exported function', () => {
    const functions = manifest.modules.function ?? [];
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const [file, exported] = fn.handler!.split('.');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(root, 'src', file!)) as Record<string, unknown>;
      expect({ handler: fn.handler, type: typeof mod[exported!] }).toEqual({
        handler: fn.handler,
        type: 'function',
      });
    }
  });

  it('every module names a declared function and an existing UI entry', () => {
    const functionKeys = new Set((manifest.modules.function ?? []).map((f) => f.key));
    const resources = new Map(manifest.resources.map((r) => [r.key, r]));
    for (const [type, modules] of Object.entries(manifest.modules)) {
      if (type === 'function') continue;
      for (const mod of modules) {
        const fnKey = mod.resolver?.function ?? mod.function;
        if (fnKey)
          expect({ module: mod.key, fn: fnKey, declared: functionKeys.has(fnKey) }).toEqual({
            module: mod.key,
            fn: fnKey,
            declared: true,
          });
        if (!mod.resource) continue;
        const [resourceKey, entryKey] = mod.resource.split('/');
        const entryFile = resources.get(resourceKey!)?.entry?.[entryKey!];
        expect({ module: mod.key, entryFile }).toEqual({ module: mod.key, entryFile: `${entryKey}.html` });
        expect(fs.existsSync(path.join(root, 'static', entryFile!))).toBe(true);
        expect(fs.existsSync(path.join(root, 'static/src/modules', entryKey!, 'main.tsx'))).toBe(true);
      }
    }
  });
});
