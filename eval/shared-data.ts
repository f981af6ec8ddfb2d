/**
 * Where the shared reference data is (`shared/data`: Jira's OpenAPI specs, ADF, stories, smells, backlogs),
 * read in place by tests, the evaluation and the benchmarks, never copied. In this order:
 * 1. `VALUERANK_SHARED_DATA`;
 * 2. `shared/data` beside the repository (`../shared/data`);
 * 3. when the repository is a clone of a checkout on this machine (`git clone . /tmp/clean`), `shared/data`
 *    beside that checkout (read from `.git/config`, without running git).
 * The answer names every place it looked when none has the data.
 */
import fs from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..');

/** The local path a clone was made from (`[remote "origin"] url`), if it is a directory on this machine. */
export function localOrigin(repoRoot: string): string | undefined {
  let config: string;
  try {
    config = fs.readFileSync(path.join(repoRoot, '.git', 'config'), 'utf8');
  } catch {
    return undefined;
  }
  const origin = /\[remote "origin"\]([^[]*)/.exec(config)?.[1] ?? '';
  const url = /^\s*url\s*=\s*(.+?)\s*$/m.exec(origin)?.[1];
  if (!url) return undefined;
  const local = url.startsWith('file://') ? url.slice('file://'.length) : url;
  if (!path.isAbsolute(local) && !local.startsWith('.')) return undefined;
  const dir = path.resolve(repoRoot, local);
  return fs.existsSync(dir) ? dir : undefined;
}

/** The places searched, in order. */
export function sharedDataCandidates(repoRoot = REPO_ROOT): string[] {
  const env = process.env.VALUERANK_SHARED_DATA;
  if (env) return [path.resolve(env)];
  const beside = path.resolve(repoRoot, '..', 'shared', 'data');
  const origin = localOrigin(repoRoot);
  return origin ? [beside, path.resolve(origin, '..', 'shared', 'data')] : [beside];
}

/** The first of the candidates that exists, if any. */
export function findSharedData(repoRoot = REPO_ROOT): string | undefined {
  return sharedDataCandidates(repoRoot).find((dir) => fs.existsSync(dir));
}

/** The shared data directory; throws naming the places searched when none exists. */
export function sharedDataDir(repoRoot = REPO_ROOT): string {
  const found = findSharedData(repoRoot);
  if (found) return found;
  const candidates = sharedDataCandidates(repoRoot);
  throw new Error(
    `The shared reference data is not at ${candidates.join(' nor ')}: set VALUERANK_SHARED_DATA to its folder.`,
  );
}

/** A path inside the shared data directory. */
export const sharedDataPath = (...parts: string[]): string => path.join(sharedDataDir(), ...parts);
