/** Finding ../shared/data: the env variable, beside the repo, or beside the checkout a clone was made from. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findSharedData, localOrigin, sharedDataCandidates, sharedDataDir } from '../../eval/shared-data';

let root: string;
const saved = process.env.VALUERANK_SHARED_DATA;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vr-shared-'));
  delete process.env.VALUERANK_SHARED_DATA;
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  if (saved === undefined) delete process.env.VALUERANK_SHARED_DATA;
  else process.env.VALUERANK_SHARED_DATA = saved;
});

/** A checkout at <root>/work/main with <root>/work/shared/data, and a clone of it at <root>/tmp/clean. */
function layout(originUrl: (checkout: string) => string) {
  const checkout = path.join(root, 'work', 'main');
  const data = path.join(root, 'work', 'shared', 'data');
  const clone = path.join(root, 'tmp', 'clean');
  fs.mkdirSync(checkout, { recursive: true });
  fs.mkdirSync(data, { recursive: true });
  fs.mkdirSync(path.join(clone, '.git'), { recursive: true });
  fs.writeFileSync(
    path.join(clone, '.git', 'config'),
    `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${originUrl(checkout)}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "main"]\n\tremote = origin\n`,
  );
  return { checkout, data, clone };
}

describe('shared data', () => {
  it('is found beside the checkout a clone elsewhere was made from', () => {
    const { checkout, data, clone } = layout((c) => c);
    expect(localOrigin(clone)).toBe(checkout);
    expect(sharedDataCandidates(clone)).toEqual([path.join(root, 'tmp', 'shared', 'data'), data]);
    expect(sharedDataDir(clone)).toBe(data);
  });

  it('takes file:// and relative origins, ignores remote URLs', () => {
    expect(localOrigin(layout((c) => `file://${c}`).clone)).toBe(path.join(root, 'work', 'main'));
    fs.rmSync(root, { recursive: true, force: true });
    expect(localOrigin(layout(() => '../../work/main').clone)).toBe(path.join(root, 'work', 'main'));
    fs.rmSync(root, { recursive: true, force: true });
    const { clone } = layout(() => 'git@github.com:acme/valuerank.git');
    expect(localOrigin(clone)).toBeUndefined();
    expect(findSharedData(clone)).toBeUndefined();
  });

  it('prefers VALUERANK_SHARED_DATA, and names the places searched when nothing is there', () => {
    const { clone } = layout(() => 'https://example.com/valuerank.git');
    expect(() => sharedDataDir(clone)).toThrow(
      `The shared reference data is not at ${path.join(root, 'tmp', 'shared', 'data')}: set VALUERANK_SHARED_DATA`,
    );
    process.env.VALUERANK_SHARED_DATA = path.join(root, 'elsewhere');
    expect(sharedDataCandidates(clone)).toEqual([path.join(root, 'elsewhere')]);
    expect(() => sharedDataDir(clone)).toThrow(/elsewhere: set VALUERANK_SHARED_DATA/);
  });
});
