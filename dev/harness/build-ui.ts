/**
 * Building the Custom UI (static/ → static/build with Vite), and knowing when a build is fresh: every
 * entry HTML of the `ui` resource exists and is newer than static/src, static/*.html, the Vite config
 * and manifest.yml. Used by `npm start` and by jest's globalSetup.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadManifest, MANIFEST_PATH, REPO_ROOT } from './manifest';

export const STATIC_DIR = path.join(REPO_ROOT, 'static');
export const UI_BUILD_DIR = path.join(STATIC_DIR, 'build');
export const VITE_CONFIG = path.join(STATIC_DIR, 'vite.config.ts');

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

/** The inputs of the UI build: what makes a build stale when it changes. */
export function uiInputs(): string[] {
  const htmls = readdirSync(STATIC_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(STATIC_DIR, f));
  return [
    path.join(STATIC_DIR, 'src'),
    VITE_CONFIG,
    MANIFEST_PATH,
    ...htmls,
    path.join(REPO_ROOT, 'src', 'resolvers'),
  ];
}

/** The built entry HTML files the manifest's `ui` resource names. */
export function uiEntryFiles(outDir = UI_BUILD_DIR): string[] {
  const manifest = loadManifest();
  const files = new Set<string>();
  for (const m of manifest.uiModules) {
    files.add(path.join(outDir, m.entryFile));
    if (m.edit) files.add(path.join(outDir, m.edit.entryFile));
  }
  return [...files];
}

export function uiBuildIsFresh(outDir = UI_BUILD_DIR): boolean {
  const entries = uiEntryFiles(outDir);
  if (entries.length === 0 || !entries.every((f) => existsSync(f))) return false;
  const built = Math.min(...entries.map((f) => statSync(f).mtimeMs));
  return uiInputs().every((input) => newestMtime(input) <= built);
}

/** Runs `vite build --config static/vite.config.ts`; resolves with the time it took. */
export function buildUi(options: { quiet?: boolean } = {}): Promise<{ ms: number }> {
  const started = performance.now();
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', VITE_CONFIG, '--logLevel', options.quiet ? 'error' : 'warn'],
      {
        cwd: REPO_ROOT,
        // jest sets NODE_ENV=test, which would make Vite bundle React's development build.
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', options.quiet ? 'pipe' : 'inherit', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve({ ms: performance.now() - started });
      else reject(new Error(`vite build failed (exit ${code})${stderr ? `:\n${stderr.slice(-4000)}` : ''}`));
    });
  });
}
