/**
 * The real backlogs of the benchmark: `../shared/data/backlogs/*.csv` (`issuekey,title,description,storypoint`,
 * TAWOS files add `created`), read at run time and never copied into the repo. Each file is one backlog, its
 * rows in file order taken as the current rank order.
 */
import { parseCsv } from '../../eval/csv';
import { sharedDataDir } from '../../eval/shared-data';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BenchIssue {
  key: string;
  /** Story points; undefined when the issue has none (or not a number). */
  storyPoints: number | undefined;
}

export interface Backlog {
  name: string;
  /** Where it comes from, for the report: a file name, "all CSV files", "buildLargeSeed(10000)". */
  source: string;
  /** In current rank order. */
  issues: BenchIssue[];
}

export function backlogsDir(): string {
  const dir = path.join(sharedDataDir(), 'backlogs');
  if (!fs.existsSync(dir)) {
    throw new Error(
      `No backlogs at ${dir}: the benchmark reads the real backlogs from ../shared/data/backlogs ` +
        `(set VALUERANK_SHARED_DATA to the shared/data directory)`,
    );
  }
  return dir;
}

/** One CSV file as a backlog: keys and story points, in file order. */
export function readBacklogCsv(file: string): Backlog {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const keyAt = header.indexOf('issuekey');
  const pointsAt = header.indexOf('storypoint');
  if (keyAt < 0 || pointsAt < 0) throw new Error(`${file}: expected columns issuekey and storypoint`);
  const issues = rows.slice(1).map((row, i): BenchIssue => {
    const key = row[keyAt]?.trim() ?? '';
    if (!/^[A-Z][A-Z0-9_]*-\d+$/.test(key))
      throw new Error(`${file}: row ${i + 2}: not an issue key: ${key}`);
    const points = Number(row[pointsAt]);
    return { key, storyPoints: row[pointsAt]?.trim() && Number.isFinite(points) ? points : undefined };
  });
  const seen = new Set<string>();
  for (const issue of issues) {
    if (seen.has(issue.key)) throw new Error(`${file}: issue ${issue.key} appears twice`);
    seen.add(issue.key);
  }
  const name = path.basename(file, '.csv').replace(/_deep-se$/, '');
  return { name, source: path.basename(file), issues };
}

/** Every CSV of the backlogs directory, by file name. */
export function readRealBacklogs(names?: readonly string[]): Backlog[] {
  const dir = backlogsDir();
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  const backlogs = files.map((f) => readBacklogCsv(path.join(dir, f)));
  if (!names) return backlogs;
  return names.map((name) => {
    const found = backlogs.find((b) => b.name === name);
    if (!found)
      throw new Error(`No backlog ${name} in ${dir} (have ${backlogs.map((b) => b.name).join(', ')})`);
    return found;
  });
}

/** All backlogs as one, in the given (file) order. */
export function concatBacklogs(backlogs: readonly Backlog[], name = 'all'): Backlog {
  const issues = backlogs.flatMap((b) => b.issues);
  if (new Set(issues.map((i) => i.key)).size !== issues.length)
    throw new Error('the backlogs share issue keys: cannot join them');
  return { name, source: `${backlogs.length} CSV files`, issues };
}
