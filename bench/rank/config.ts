/** What `npm run bench:rank` measures, in full and with --quick. */
import type { ChangeKind } from './changes';

export interface BenchConfig {
  /** Real backlogs by name (CSV file name without `_deep-se.csv`); all of them when undefined. */
  realBacklogs: readonly string[] | undefined;
  /** Also all real backlogs joined into one. */
  joined: boolean;
  /** Sizes of generated backlogs (buildLargeSeed). */
  generated: readonly number[];
  changes: readonly ChangeKind[];
  /** planRank runs per row (the median is reported). */
  runs: number;
  /** Also run src/core's own exhaustive checker on every row. */
  coreCheck: boolean;
  /** Site runs: a backlog (a real one by name, or `generated <n>`) and a change, at `latencyMs`. */
  site: ReadonlyArray<{ backlog: string; change: ChangeKind }>;
  latencyMs: number;
}

export const FULL: BenchConfig = {
  realBacklogs: undefined,
  joined: true,
  generated: [10_000],
  changes: ['few', 'tenth', 'shuffle'],
  runs: 5,
  coreCheck: true,
  site: [
    { backlog: 'mesos', change: 'tenth' },
    { backlog: 'generated 10000', change: 'tenth' },
  ],
  latencyMs: 100,
};

/** The two smallest real backlogs, and one small site run: well under 30 s. */
export const QUICK: BenchConfig = {
  realBacklogs: ['CONFCLOUD', 'COMPASS'],
  joined: false,
  generated: [],
  changes: ['few', 'tenth', 'shuffle'],
  runs: 5,
  coreCheck: true,
  site: [{ backlog: 'CONFCLOUD', change: 'tenth' }],
  latencyMs: 100,
};
