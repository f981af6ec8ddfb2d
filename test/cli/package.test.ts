/**
 * The CLI ships: `npm pack` builds it (prepack → `npm run build`, tsc to dist/) and packs bin/ and dist/;
 * installed from the tarball into an empty folder with production dependencies only, offline from the npm
 * cache, `valuerank` runs `criteria --file` and `backlog` against the local site, and stops quietly when its
 * output is piped into `head`.
 *
 * Offline, npm cannot resolve versions (it has no registry metadata), so the empty folder gets a lockfile:
 * the repository's own, production packages only, plus the tarball. That is what
 * `npm install --omit=dev <tarball>` resolves to; `npm ci --offline` then takes every package from the
 * local npm cache (filled by the repository's `npm ci`).
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { useDemoJiraSite } from '../support/cli';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const site = useDemoJiraSite();

/** The environment of a user's shell: no NODE_OPTIONS, NODE_PATH or jest settings. */
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() };

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

/**
 * The repository's lockfile, production packages only, with the packed tarball (`spec`, e.g.
 * `file:../valuerank-0.1.0.tgz`) as the one dependency.
 */
function installLock(tarball: string, spec: string): unknown {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
    engines: Record<string, string>;
  };
  const packages: Record<string, LockEntry> = {};
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where === '' || entry.dev || entry.devOptional || entry.link) continue;
    // The repository's lock names no tarball URLs; offline, npm needs them (it cannot ask the registry).
    const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const file = `${name.split('/').pop()}-${entry.version}.tgz`;
    packages[where] = { resolved: `https://registry.npmjs.org/${name}/-/${file}`, ...entry };
  }
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  packages[`node_modules/${pkg.name}`] = {
    version: pkg.version,
    resolved: spec,
    integrity,
    license: 'UNLICENSED',
    dependencies: pkg.dependencies,
    bin: pkg.bin,
    engines: pkg.engines,
  };
  packages[''] = {
    name: 'valuerank-install-check',
    version: '1.0.0',
    dependencies: { [pkg.name]: spec },
  };
  return { name: 'valuerank-install-check', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

let dir: string;
let bin: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vr-package-'));
  // The repository's .npmrc turns scripts off (ADR 3); packing must run prepack, which builds dist/.
  await run('npm', ['pack', '--ignore-scripts=false', '--pack-destination', dir, '--silent'], {
    cwd: root,
    env: { ...env, npm_config_loglevel: 'error' },
    maxBuffer: 10 * 1024 * 1024,
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  const app = path.join(dir, 'app');
  const { stdout: listing } = await run('tar', ['tzf', path.join(dir, tarball)]);
  expect(listing.split('\n')).toEqual(
    expect.arrayContaining(['package/bin/valuerank.js', 'package/dist/cli/main.js', 'package/package.json']),
  );
  expect(listing).not.toMatch(/^package\/(src|test|dev|static)\//m);

  mkdirSync(app);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({
      name: 'valuerank-install-check',
      version: '1.0.0',
      private: true,
      dependencies: { valuerank: `file:../${tarball}` },
    }),
  );
  const lock = installLock(path.join(dir, tarball), `file:../${tarball}`);
  writeFileSync(path.join(app, 'package-lock.json'), JSON.stringify(lock, null, 2));
  // --legacy-peer-deps: nested @atlaskit packages (under @atlaskit/tokens) declare React 18 peers that the
  // lock satisfies as the repository does; without it npm re-resolves them and needs the registry.
  await run(
    'npm',
    ['ci', '--omit=dev', '--offline', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund'],
    {
      cwd: app,
      env: { ...env, npm_config_loglevel: 'error' },
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  bin = path.join(app, 'node_modules', '.bin', 'valuerank');
}, 170_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const valuerank = (args: string[]) =>
  run(process.execPath, [bin, ...args], { cwd: dir, env, maxBuffer: 20 * 1024 * 1024 });

describe('the packed valuerank CLI, installed without dev dependencies', () => {
  it('has no dev dependency to lean on', () => {
    const modules = path.join(dir, 'app', 'node_modules');
    expect(existsSync(path.join(modules, 'valuerank', 'dist', 'cli', 'main.js'))).toBe(true);
    for (const dev of ['tsx', 'typescript', 'jest', 'ts-jest', 'esbuild'])
      expect({ dev, installed: existsSync(path.join(modules, dev)) }).toEqual({ dev, installed: false });
    for (const prod of ['zod', 'wink-nlp', 'wink-eng-lite-web-model'])
      expect({ prod, installed: existsSync(path.join(modules, prod)) }).toEqual({ prod, installed: true });
  });

  it('checks acceptance criteria in a file', async () => {
    const file = path.join(dir, 'stories.json');
    writeFileSync(
      file,
      JSON.stringify([
        { id: 'A', text: 'Given a signed-in user\nWhen they open the page\nThen they see their name' },
        { id: 'B', text: 'The page should be fast and user-friendly.' },
      ]),
    );
    const { stdout, stderr } = await valuerank(['criteria', '--file', file, '--as', 'criterion', '--json']);
    expect(stderr).toBe('');
    const results = JSON.parse(stdout) as Array<{ id: string; findings: unknown[] }>;
    expect(results.map((r) => r.id)).toEqual(['A', 'B']);
    expect(results[1]!.findings.length).toBeGreaterThan(0);
  });

  it('reads a board backlog from the local site', async () => {
    const { stdout, stderr } = await valuerank(['backlog', '--board', '1', '--site', site.url, '--json']);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout) as { board: { id: number }; items: Array<{ key: string }> };
    expect(out.board.id).toBe(1);
    expect(out.items.length).toBeGreaterThanOrEqual(300);
  });

  it('stops quietly with exit 0 when its output is piped into head (no EPIPE)', async () => {
    const file = path.join(dir, 'many.json');
    writeFileSync(
      file,
      JSON.stringify(
        Array.from({ length: 3000 }, (_, i) => ({ id: `S-${i}`, text: 'The page should be fast.' })),
      ),
    );
    const script = 'set -o pipefail; "$NODE" "$BIN" criteria --file "$FILE" --as criterion | head -n 1';
    const child = spawn('bash', ['-c', script], {
      env: { ...env, NODE: process.execPath, BIN: bin, FILE: file },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
