/**
 * `valuerank criteria`: checks acceptance criteria in a JSON file (no site needed), in one issue, or in the
 * issues a JQL query finds, with the default configuration; each item's verdict, quality and findings.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_CONFIG } from '../core/criteria';
import { fieldsFor } from '../features/readiness';
import { checkItem, ITEM_KINDS, type ItemKind, type ItemResult } from '../features/readiness/items';
import type { Values } from './args';
import { UsageError } from './errors';
import { printJsonOrNothing, type Io } from './output';
import { clientFor } from './site';

/** At most this many issues are checked for one --jql. */
const MAX_CRITERIA_ISSUES = 1000;

export async function criteria(values: Values, io: Io): Promise<void> {
  const sources = [values.file, values.issue, values.jql].filter((v) => v !== undefined).length;
  if (sources !== 1) throw new UsageError('criteria needs exactly one of --file F, --issue KEY, --jql QUERY');
  let results: ItemResult[];
  if (values.file !== undefined) {
    const as = (values.as ?? 'issue') as ItemKind;
    if (!ITEM_KINDS.includes(as)) throw new UsageError(`--as must be one of ${ITEM_KINDS.join(', ')}`);
    const items = await readJsonFile(values.file);
    if (!Array.isArray(items))
      throw new UsageError(
        `${values.file} holds JSON but not an array; give an array of Jira REST v3 issues or { id, text } objects`,
      );
    results = items.map((item, i) => checkItem(item, as, DEFAULT_CONFIG, i));
  } else {
    const jira = clientFor(values, io.env);
    const fields = fieldsFor(DEFAULT_CONFIG);
    const issues = values.issue
      ? [await jira.issue(values.issue, fields)]
      : (await jira.search({ jql: values.jql!, fields })).slice(0, MAX_CRITERIA_ISSUES);
    results = issues.map((issue, i) => checkItem(issue, 'issue', DEFAULT_CONFIG, i));
  }
  const nothing =
    values.file !== undefined
      ? `nothing to check: ${values.file} holds an empty array; add issues or { id, text } objects to it`
      : values.issue !== undefined
        ? `nothing to check in ${values.issue}`
        : `no issues match the JQL ${JSON.stringify(values.jql)}; check the query in Jira's issue search`;
  if (printJsonOrNothing(values.json, io, results, results.length > 0, nothing)) return;
  for (const r of results) {
    io.stdout.write(`${r.id}  ${r.ready ? 'Ready' : 'Not ready'}  quality ${r.score}/100\n`);
    for (const f of r.findings) {
      const where =
        f.start !== undefined
          ? ` at ${f.start}-${f.end}${f.criterion !== undefined ? ` of criterion ${f.criterion + 1}` : ''}`
          : f.criterion !== undefined
            ? ` in criterion ${f.criterion + 1}`
            : '';
      const words = f.words !== undefined ? ` "${f.words}"` : '';
      io.stdout.write(`  ${f.severity.padEnd(7)} ${f.kind}${words}${where}: ${f.message}\n`);
    }
  }
}

/** What a file system error means, in words, with what to do about it. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file; check the path',
  EACCES: 'permission denied; check the file is readable by you',
  EPERM: 'permission denied; check the file is readable by you',
  EISDIR: 'it is a folder; give the path of a JSON file',
};

/** The JSON in `file`, or one usage error naming the file, the cause and the fix. */
async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = FILE_ERRORS[code] ?? `${(error as Error).message.split('\n')[0]}; check the path`;
    throw new UsageError(`Cannot read ${file}: ${why}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(
      `${file} is not valid JSON (${(error as Error).message.split('\n')[0]}); it must hold a JSON array of issues or { id, text } objects`,
    );
  }
}
