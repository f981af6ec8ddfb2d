/**
 * CLI tests: the `valuerank` command run in-process with its output captured, against the local Jira site
 * (dev/site alone, no harness) seeded with the demo product.
 */
import { buildDemoSeed } from '../../dev/demo';
import { parseSeed, startJiraSite } from '../../dev/site';
import { main } from '../../src/cli/main';

export type StartedJiraSite = Awaited<ReturnType<typeof startJiraSite>>;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `valuerank <args>` as `main` does, with `env` as its whole environment; answers the exit code and output. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
  });
  return { code, stdout, stderr };
}

/**
 * Registers `beforeAll` (start the demo Jira site on a free port), `afterAll` (close it) and, with
 * `resetBeforeEach`, `beforeEach` (reload the seed) for this file; answers the site to use in its tests
 * (its properties throw before `beforeAll` has started it).
 */
export function useDemoJiraSite(options: { resetBeforeEach?: boolean } = {}): StartedJiraSite {
  let started: StartedJiraSite | undefined;
  beforeAll(async () => {
    started = await startJiraSite({ seed: parseSeed(buildDemoSeed()) });
  });
  afterAll(() => started?.close());
  const running = (): StartedJiraSite => {
    if (!started) throw new Error('The demo Jira site is not running: use it inside a test or a hook.');
    return started;
  };
  if (options.resetBeforeEach)
    beforeEach(async () => {
      await fetch(`${running().url}/_local/reset`, { method: 'POST' });
    });
  return {
    get url() {
      return running().url;
    },
    get site() {
      return running().site;
    },
    close: () => running().close(),
  };
}
