/**
 * `valuerank <command>`: the same core as the app, over HTTPS with an email and API token (or the
 * local site). Errors are one line on stderr and a non-zero exit; `--json` prints JSON only.
 */
import { parseArgs } from 'node:util';
import { fieldsNeeded, summarize, toBacklogItem } from '../core/backlog/items';
import { JiraClient } from '../jira/client';
import { JiraError } from '../jira/errors';
import { httpTransport, parseSiteUrl } from '../jira/http-transport';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

export class UsageError extends Error {}

const USAGE = `Usage: valuerank <command> [options]

Commands:
  boards  --project KEY            the project's boards
  backlog --board ID               the board's backlog, in rank order

Options:
  --site URL      the Jira site (or env VALUERANK_SITE), e.g. https://your-domain.atlassian.net;
                  the local site is http://127.0.0.1:8080
  --as ACCOUNTID  on the local site, act as this user (default: the Product Owner)
  --json          print machine-readable JSON only
  -h, --help      this help

Credentials: JIRA_EMAIL and JIRA_API_TOKEN (not needed for the local site).`;

const OPTIONS = {
  site: { type: 'string' },
  as: { type: 'string' },
  project: { type: 'string' },
  board: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function clientFor(values: Values, env: Io['env']): JiraClient {
  const site = values.site ?? env.VALUERANK_SITE;
  if (!site) throw new UsageError('Give the site with --site URL (or VALUERANK_SITE)');
  let url: URL;
  try {
    url = parseSiteUrl(site);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const local = url.protocol === 'http:';
  const email = env.JIRA_EMAIL;
  const apiToken = env.JIRA_API_TOKEN;
  if (!local && (!email || !apiToken)) {
    throw new UsageError('Set JIRA_EMAIL and JIRA_API_TOKEN (an Atlassian API token) to reach ' + url.origin);
  }
  if (values.as && !local)
    throw new UsageError('--as works on the local site only; on a real site the token says who you are');
  return new JiraClient(
    httpTransport({
      siteUrl: url.origin,
      ...(email && apiToken ? { email, apiToken } : {}),
      ...(values.as ? { headers: { 'X-Local-User': values.as } } : {}),
    }),
  );
}

function positiveInt(name: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive whole number, not ${JSON.stringify(value)}`);
  return n;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, c) => cell.padEnd(widths[c]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

async function boards(values: Values, io: Io): Promise<void> {
  if (!values.project) throw new UsageError('--project KEY is required');
  const list = await clientFor(values, io.env).boards({ projectKeyOrId: values.project });
  const out = list.map(({ id, name, type }) => ({ id, name, type }));
  if (values.json) return void io.stdout.write(JSON.stringify(out) + '\n');
  if (out.length === 0) return void io.stdout.write(`No boards in ${values.project} that you can see.\n`);
  io.stdout.write(table([['ID', 'TYPE', 'NAME'], ...out.map((b) => [String(b.id), b.type, b.name])]));
}

async function backlog(values: Values, io: Io): Promise<void> {
  const boardId = positiveInt('board', values.board);
  const jira = clientFor(values, io.env);
  const settings = await jira.boardSettings(boardId);
  const map = { estimationFieldId: settings.estimationFieldId };
  const items = (await jira.boardBacklog(boardId, { fields: fieldsNeeded(map) })).map((i) =>
    toBacklogItem(i, map),
  );
  const summary = summarize(items);
  if (values.json) {
    return void io.stdout.write(
      JSON.stringify({ board: { id: settings.boardId, name: settings.name }, summary, items }) + '\n',
    );
  }
  io.stdout.write(
    `${settings.name}: ${summary.count} issues, ${summary.estimated} estimated, ${summary.totalPoints} points\n`,
  );
  io.stdout.write(
    table([
      ['RANK', 'KEY', 'TYPE', 'POINTS', 'SUMMARY'],
      ...items.map((item, i) => [
        String(i + 1),
        item.key,
        item.issueType,
        item.storyPoints === undefined ? '-' : String(item.storyPoints),
        item.summary,
      ]),
    ]),
  );
}

const COMMANDS: Record<string, (values: Values, io: Io) => Promise<void>> = { boards, backlog };

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [command, ...rest] = parsed.positionals;
    if (parsed.values.help || !command) {
      io.stdout.write(USAGE + '\n');
      return command || parsed.values.help ? 0 : 2;
    }
    const run = COMMANDS[command];
    if (!run)
      throw new UsageError(
        `Unknown command ${JSON.stringify(command)}; try: ${Object.keys(COMMANDS).join(', ')}`,
      );
    if (rest.length > 0) throw new UsageError(`Unexpected argument ${JSON.stringify(rest[0])}`);
    await run(parsed.values, io);
    return 0;
  } catch (error) {
    io.stderr.write(`valuerank: ${describe(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof JiraError) return error.message;
  // Errors from fetch may come from another realm: read them by name, not by class.
  const e = error as { name?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError') return 'Jira did not answer in time';
  if (name === 'TypeError' && /fetch failed/.test(message)) {
    const code = typeof e?.cause?.code === 'string' ? ` (${e.cause.code})` : '';
    return `Cannot reach the site${code}`;
  }
  return message.split('\n')[0]!;
}
