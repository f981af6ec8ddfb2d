/**
 * The first-load budget: the JS each Custom UI entry loads before it can render (its module script, the
 * modulepreloads in its HTML and every chunk those import statically), gzipped, is at most 200 KB.
 * Lazy chunks (dynamic import()) are not counted. Reuses a fresh build (jest's globalSetup makes one).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildUi, UI_BUILD_DIR, uiBuildIsFresh } from '../../../dev/harness/build-ui';
import { loadManifest } from '../../../dev/harness/manifest';

const BUDGET_BYTES = 200 * 1000;

/** The JS files an entry HTML loads up front, following static imports between chunks. */
function firstLoadScripts(htmlFile: string): string[] {
  const dir = path.dirname(htmlFile);
  const html = readFileSync(htmlFile, 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => path.resolve(dir, m[1] as string));
  const seen = new Set<string>();
  const queue = [...refs];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`.
    for (const m of code.matchAll(
      /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    ))
      queue.push(path.resolve(path.dirname(file), m[1] as string));
  }
  return [...seen];
}

beforeAll(async () => {
  if (!uiBuildIsFresh()) await buildUi({ quiet: true });
}, 120_000);

const entries = [
  ...new Set(loadManifest().uiModules.flatMap((m) => [m.entryFile, ...(m.edit ? [m.edit.entryFile] : [])])),
];

it.each(entries)('%s loads at most 200 KB of gzipped JS', (entryFile) => {
  const html = path.join(UI_BUILD_DIR, entryFile);
  expect(existsSync(html)).toBe(true);
  const scripts = firstLoadScripts(html);
  expect(scripts.length).toBeGreaterThan(0);
  const sizes = scripts.map((file) => ({
    file: path.relative(UI_BUILD_DIR, file),
    raw: readFileSync(file).length,
    gzip: gzipSync(readFileSync(file), { level: 9 }).length,
  }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(
    `${entryFile}: ${(total / 1000).toFixed(1)} KB gzipped JS on first load (budget ${BUDGET_BYTES / 1000} KB)\n` +
      sizes
        .map((s) => `  ${s.file}: ${(s.gzip / 1000).toFixed(1)} KB gzip, ${(s.raw / 1000).toFixed(1)} KB raw`)
        .join('\n'),
  );
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
