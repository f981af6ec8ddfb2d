/**
 * `valuerank <command>`: the same core as the app, over HTTPS with an email and API token (or the
 * local site). Errors are one line on stderr and a non-zero exit; `--json` prints JSON only.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fieldsNeeded, summarize, toBacklogItem } from '../core/backlog/items';
import { planRank, sameOrder } from '../core/rank-plan';
import { MODELS, type ModelConfig } from '../core/scoring';
import { CriteriaConfigSchema, DEFAULT_CONFIG } from '../core/criteria';
import {
  BOARD_FIELD_LABELS,
  BOARD_TEXT_FIELDS,
  NOTE_TYPE_LABELS,
  parsePublishedVision,
  PUBLISHED_VISION_PROPERTY,
  type PublishedVision,
} from '../core/vision';
import { fieldsFor } from '../features/readiness';
import { checkItem, ITEM_KINDS, type ItemKind, type ItemResult } from '../features/readiness/items';
import { JiraClient } from '../jira/client';
import {
  JiraError,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraServerError,
  JiraUnauthorizedError,
} from '../jira/errors';
import { httpTransport, parseSiteUrl } from '../jira/http-transport';
import { analyzeBoard, backlogKeys, prioritizedItems, type Analysis } from '../features/prioritize/analyze';
import { rightsIn } from '../features/prioritize/board';
import { runRankCalls, type FailedIssue } from '../features/prioritize/execute';
import { modelLabel, parseModelName } from '../features/prioritize/model';
import { callView } from '../features/prioritize/preview';
import { noSettings } from '../features/prioritize/sources';
import { projectQuestions } from '../features/questions';
import { AppError } from '../shared/errors';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

export class UsageError extends Error {}

/** Nothing matched (no boards, no issues, nothing to check): one line and exit 1, so a script can tell. */
export class NothingFoundError extends Error {}

const USAGE = `Usage: valuerank <command> [options]

Commands:
  boards  --project KEY                      the project's boards
  backlog --board ID                         the board's backlog, in rank order
  score   --board ID [--model M]             every backlog issue's business value score, best first,
                                             with its inputs (or why it is unscored)
  reorder --board ID [--model M] [--dry-run] reorders the board's Jira rank by score with the fewest
                                             rank calls, re-reads the backlog and checks the result;
                                             --dry-run only prints the calls it would make
  criteria --file F [--as issue|story|criterion]
                                             checks acceptance criteria in a JSON file: an array of
                                             Jira REST v3 issues or { id, text } objects, read as whole
                                             issues (default), user stories or single criteria
  criteria --issue KEY | --jql "..."         checks issues on the site (default configuration)
  vision  --project KEY [--notes N]          the project's product vision board and its most recent
                                             notes, as the app last published them
  questions --project KEY                    the project's open questions for the Product Owner, oldest
                                             first, with their age, the issue's rank and readiness

Options:
  --site URL      the Jira site (or env VALUERANK_SITE), e.g. https://your-domain.atlassian.net;
                  the local site is http://127.0.0.1:8080
  --as ACCOUNTID  on the local site, act as this user (default: the Product Owner)
  --model M       wsjf (default), rice, ice, value-effort, cd3, moscow (then WSJF inside a bucket),
                  moscow:<model>, or custom:<formula>, e.g. 'custom:businessValue / storyPoints'
  --file F        criteria: the JSON file to check (no site needed); there --as names what each item is
  --issue KEY     criteria: one issue on the site
  --jql QUERY     criteria: every issue the query finds (at most 1 000)
  --dry-run       reorder: plan only, change nothing
  --notes N       vision: show at most N notes (default 10); --json prints the published copy as is
  --json          print machine-readable JSON only
  -h, --help      this help

Scores: the CLI cannot read the app's Forge storage, so it ignores a project's saved mapping, model and
pins. It maps fields as the app proposes before a project admin saves a mapping (by field name, and the
board's estimation field for story points), and scores with --model, WSJF by default. Issue links of type
Blocks lift blockers above what they block, as in the app.

Vision: the app publishes a read copy of the vision (project property ${PUBLISHED_VISION_PROPERTY}) after
every change; anyone who can browse the project can read it. It holds the whole board and as many of the
most recent notes as fit in Jira's 32 KB; the rest are in the app.

reorder exits 1 when Jira's final order is not the planned one (issues Jira refused to rank are named), and
refuses to change anything when the model scores none of the backlog's issues.

Exit codes: 0 done; 1 failed, or nothing found (no boards, no issues, nothing to check; with --json the
empty result is still printed); 2 bad usage. Every error is one line on stderr: the cause, then the fix.

Credentials: JIRA_EMAIL and JIRA_API_TOKEN (not needed for the local site).`;

const OPTIONS = {
  site: { type: 'string' },
  as: { type: 'string' },
  project: { type: 'string' },
  board: { type: 'string' },
  model: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  file: { type: 'string' },
  issue: { type: 'string' },
  jql: { type: 'string' },
  notes: { type: 'string' },
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
  if (value === undefined)
    throw new UsageError(
      `--${name} is required${name === 'board' ? ': give the board id (valuerank boards --project KEY lists them)' : ''}`,
    );
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
  if (!values.project)
    throw new UsageError('--project KEY is required: give the project key, e.g. --project TRAIL');
  const list = await clientFor(values, io.env).boards({ projectKeyOrId: values.project });
  const out = list.map(({ id, name, type }) => ({ id, name, type }));
  if (values.json) io.stdout.write(JSON.stringify(out) + '\n');
  if (out.length === 0)
    throw new NothingFoundError(
      `no boards in project ${values.project} that you can see; check the project key, or ask for Browse Projects in it`,
    );
  if (!values.json)
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

function modelOption(values: Values): ModelConfig | undefined {
  if (values.model === undefined) return undefined;
  const model = parseModelName(values.model);
  if (!model)
    throw new UsageError(
      `Unknown model ${JSON.stringify(values.model)}; try ${Object.keys(MODELS)
        .filter((k) => k !== 'custom')
        .join(', ')}, moscow:<model> or custom:<formula>`,
    );
  return model;
}

async function analysisFor(values: Values, io: Io): Promise<{ jira: JiraClient; analysis: Analysis }> {
  const boardId = positiveInt('board', values.board);
  const model = modelOption(values);
  const jira = clientFor(values, io.env);
  try {
    const analysis = await analyzeBoard({ jira, settings: noSettings }, boardId, {
      model,
      otherBoards: false,
    });
    return { jira, analysis };
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid-payload') throw new UsageError(error.message);
    throw error;
  }
}

async function score(values: Values, io: Io): Promise<void> {
  const { analysis: a } = await analysisFor(values, io);
  const items = prioritizedItems(a).sort((x, y) => x.targetRank - y.targetRank);
  if (values.json) {
    const out = items.map((item) => ({
      key: item.key,
      summary: item.summary,
      rank: item.rank,
      targetRank: item.targetRank,
      score: item.score,
      display: item.display,
      ...(item.reason !== undefined ? { reason: item.reason } : {}),
      ...(item.bucket !== undefined ? { bucket: item.bucket } : {}),
      inputs: Object.fromEntries(item.explanation.inputs.map((r) => [r.name, r.value])),
      model: a.model.kind,
    }));
    return void io.stdout.write(JSON.stringify(out) + '\n');
  }
  const unscored = items.filter((i) => i.score === null).length;
  io.stdout.write(
    `${a.board.name}: ${items.length} issues scored with ${modelLabel(a.model)} (${a.mappingProposed ? 'proposed mapping' : 'saved mapping'}); ${unscored} unscored\n`,
  );
  io.stdout.write(
    table([
      ['TARGET', 'RANK', 'KEY', 'SCORE', 'SUMMARY'],
      ...items.map((i) => [
        String(i.targetRank),
        String(i.rank),
        i.key,
        i.display,
        i.score === null ? `${i.summary} (unscored: ${i.reason ?? ''})` : i.summary,
      ]),
    ]),
  );
}

async function reorder(values: Values, io: Io): Promise<void> {
  const { jira, analysis: a } = await analysisFor(values, io);
  if (a.issues.length > 0 && a.scores.every((s) => s.status === 'unscored')) {
    const first = a.scores.find((s) => s.status === 'unscored');
    throw new Error(
      `${modelLabel(a.model)} scores none of the ${a.issues.length} issues of ${a.board.name}${first?.status === 'unscored' && first.reason ? ` (${first.key}: ${first.reason})` : ''}; nothing was changed: pick another --model, or fill in the fields it reads (valuerank score shows why each issue is unscored)`,
    );
  }
  const plan = planRank(a.before, a.after);
  const dryRun = values['dry-run'] === true;
  const calls = plan.calls.map((c) => ({ ...callView(c), anchor: (c.before ?? c.after) as string }));
  let applied: { failed: FailedIssue[]; requests: number; final: string[]; verified: boolean } | undefined;
  if (!dryRun && plan.calls.length > 0) {
    if (!(await rightsIn(jira, a.board.projectKey)).canRank)
      throw new Error(
        `You need the Schedule Issues and Edit Issues permissions in ${a.board.projectKey} to reorder its backlog; nothing was changed`,
      );
    const result = await runRankCalls(jira, plan.calls, {
      rankCustomFieldId: a.board.rankCustomFieldId,
      keyById: new Map(a.issues.map((i) => [i.id, i.key] as const)),
    });
    const final = await backlogKeys(jira, a.board.id);
    applied = { ...result, final, verified: sameOrder(final, a.after) };
  } else if (!dryRun) applied = { failed: [], requests: 0, final: a.before, verified: true };

  if (values.json) {
    io.stdout.write(
      JSON.stringify({
        board: { id: a.board.id, name: a.board.name, projectKey: a.board.projectKey },
        model: a.model,
        dryRun,
        before: a.before,
        after: a.after,
        moved: plan.moved,
        calls,
        naive: { perMovedIssue: plan.moved, chunksOf50: Math.ceil(a.before.length / 50) },
        ...(applied
          ? {
              requests: applied.requests,
              failed: applied.failed,
              verified: applied.verified,
              final: applied.final,
            }
          : {}),
      }) + '\n',
    );
  } else {
    io.stdout.write(
      `${a.board.name}: ${a.before.length} issues by ${modelLabel(a.model)}; ${plan.moved} to move with ${plan.calls.length} rank call${plan.calls.length === 1 ? '' : 's'} (one call per moved issue would take ${plan.moved}).\n`,
    );
    calls.forEach((c, i) =>
      io.stdout.write(
        `${i + 1}. ${c.issues.length} issue${c.issues.length === 1 ? '' : 's'} ${c.before !== undefined ? 'before' : 'after'} ${c.anchor}: ${c.issues.join(' ')}\n`,
      ),
    );
    if (dryRun) io.stdout.write('Dry run: nothing was changed.\n');
    else if (applied?.verified) io.stdout.write('Done: Jira shows exactly the planned order.\n');
  }
  if (applied && !applied.verified) {
    const refused = applied.failed.map((f) => `${f.key} (${f.errors.join(' ') || 'refused'})`).join(', ');
    io.stderr.write(
      `valuerank: the final order is not the planned one${refused ? `; Jira refused to rank ${refused}` : ''}\n`,
    );
    throw new SilentFailure();
  }
}

/** The command already said what went wrong: exit 1 without another line. */
class SilentFailure extends Error {}

/** At most this many issues are checked for one --jql. */
const MAX_CRITERIA_ISSUES = 1000;

async function criteria(values: Values, io: Io): Promise<void> {
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
    const config = CriteriaConfigSchema.parse({});
    const fields = fieldsFor(config);
    const issues = values.issue
      ? [await jira.issue(values.issue, fields)]
      : (await jira.search({ jql: values.jql!, fields })).slice(0, MAX_CRITERIA_ISSUES);
    results = issues.map((issue, i) => checkItem(issue, 'issue', config, i));
  }
  if (values.json) io.stdout.write(JSON.stringify(results) + '\n');
  if (results.length === 0)
    throw new NothingFoundError(
      values.file !== undefined
        ? `nothing to check: ${values.file} holds an empty array; add issues or { id, text } objects to it`
        : values.issue !== undefined
          ? `nothing to check in ${values.issue}`
          : `no issues match the JQL ${JSON.stringify(values.jql)}; check the query in Jira's issue search`,
    );
  if (values.json) return;
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

/** Notes `vision` shows unless --notes says otherwise. */
const DEFAULT_VISION_NOTES = 10;

const dateOf = (iso: string | null): string => (iso ?? '').slice(0, 10);

/** Text indented by two spaces, line by line. */
const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`.trimEnd())
    .join('\n');

async function vision(values: Values, io: Io): Promise<void> {
  const key = values.project?.trim();
  if (!key) throw new UsageError('--project KEY is required: give the project key, e.g. --project TRAIL');
  let limit = DEFAULT_VISION_NOTES;
  if (values.notes !== undefined) {
    limit = Number(values.notes);
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new UsageError(
        `--notes must be a whole number of at least 0, not ${JSON.stringify(values.notes)}`,
      );
  }
  const jira = clientFor(values, io.env);
  let raw: unknown;
  try {
    raw = await jira.getProjectProperty(key, PUBLISHED_VISION_PROPERTY);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new Error(`Project ${key} does not exist, or you cannot see it`, { cause: error });
    throw error;
  }
  if (raw === undefined)
    throw new Error(`no vision published for ${key} yet — open ValueRank › Vision and save the board once`);
  const parsed = parsePublishedVision(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(the copy)';
    throw new Error(
      `The vision published for ${key} is not one this CLI can read (${where}: ${issue?.message ?? 'invalid'}); save the board in the app again, or update valuerank`,
    );
  }
  if (values.json) return void io.stdout.write(JSON.stringify(raw) + '\n');
  const v = parsed.data;
  io.stdout.write(
    visionText(
      v,
      limit,
      await peopleNames(jira, [v.savedBy, v.publishedBy, ...v.notes.map((n) => n.author)]),
    ),
  );
}

/**
 * The copy names people by account id (ADR 9): their names as Jira gives them now, read in one call. A value
 * Jira does not know as an account (a copy published before ADR 9 holds the display name) is shown as it is.
 */
async function peopleNames(
  jira: JiraClient,
  ids: Array<string | null>,
): Promise<(id: string | null) => string> {
  const wanted = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  const users = await jira.usersByAccountIds(wanted).catch(() => []);
  const names = new Map(users.map((u) => [u.accountId, u.displayName ?? u.accountId] as const));
  return (id) => (id === null ? '?' : (names.get(id) ?? id));
}

function visionText(v: PublishedVision, limit: number, nameOf: (id: string | null) => string): string {
  const out: string[] = [];
  const saved =
    v.version > 0
      ? `version ${v.version}, saved by ${nameOf(v.savedBy)} on ${dateOf(v.savedAt)}`
      : 'no board saved yet';
  out.push(
    `${v.projectKey} product vision: ${saved} (published ${dateOf(v.publishedAt)} by ${nameOf(v.publishedBy)})`,
  );
  for (const field of BOARD_TEXT_FIELDS) {
    out.push('', BOARD_FIELD_LABELS[field], v.board[field] ? indent(v.board[field]) : '  (not set)');
  }
  out.push('', 'Business goals');
  if (v.board.goals.length === 0) out.push('  (none)');
  else
    out.push(
      indent(
        table([
          ['WEIGHT', 'STATUS', 'GOAL', 'TARGET'],
          ...v.board.goals.map((g) => [String(g.weight), g.status, g.name, g.target || '-']),
        ]).trimEnd(),
      ),
    );
  if (v.truncatedFields.length > 0)
    out.push(`  (cut to fit Jira's limit: ${v.truncatedFields.join(', ')}; the whole board is in the app)`);

  const shown = v.notes.slice(0, limit);
  out.push(
    '',
    `Recent notes: showing ${shown.length} of ${v.notesTotal} note${v.notesTotal === 1 ? '' : 's'}`,
  );
  if (shown.length < v.notesTotal) {
    const more =
      v.notesIncluded > shown.length ? ` (--notes ${v.notesIncluded} shows ${v.notesIncluded} here)` : '';
    out[out.length - 1] += `; the rest are in the app${more}`;
  }
  for (const n of shown) {
    const tags = n.tags.map((t) => `#${t}`).join(' ');
    out.push(
      '',
      `${dateOf(n.createdAt)}  ${NOTE_TYPE_LABELS[n.type]}  ${nameOf(n.author)}${tags ? `  ${tags}` : ''}`,
      `  ${n.title}`,
    );
    if (n.text)
      out.push(indent(n.text) + (n.textTruncated ? ' (cut to fit; the whole note is in the app)' : ''));
    if (n.issueKeys.length > 0) out.push(`  Issues: ${n.issueKeys.join(', ')}`);
  }
  return out.join('\n') + '\n';
}

/** `valuerank questions`: the project's open questions for the PO (issue property valuerank-questions). */
async function questions(values: Values, io: Io): Promise<void> {
  const projectKey = values.project;
  if (!projectKey)
    throw new UsageError('--project KEY is required: give the project key, e.g. --project TRAIL');
  const jira = clientFor(values, io.env);
  // Listing only reads, as the user: the app's own client is never used here.
  const view = await projectQuestions({ jira, app: jira }, { projectKey, filter: { kind: 'all' } });
  if (values.json) io.stdout.write(JSON.stringify(view) + '\n');
  if (view.rows.length === 0)
    throw new NothingFoundError(`no open questions in project ${projectKey} that you can see`);
  if (values.json) return;
  io.stdout.write(
    `${projectKey}: ${view.rows.length} open question${view.rows.length === 1 ? '' : 's'} on ${view.issues} issue${view.issues === 1 ? '' : 's'}, the oldest ${view.oldestAgeDays ?? 0} days old\n`,
  );
  io.stdout.write(
    table([
      ['AGE', 'KEY', 'RANK', 'READY', 'ASKED BY', 'QUESTION'],
      ...view.rows.map((r) => [
        `${r.ageDays}d`,
        r.issueKey,
        r.rank === null ? '-' : String(r.rank),
        r.ready === null ? '-' : r.ready ? 'yes' : 'no',
        r.askedBy?.displayName ?? '-',
        r.text,
      ]),
    ]),
  );
}

const COMMANDS: Record<string, (values: Values, io: Io) => Promise<void>> = {
  boards,
  backlog,
  score,
  reorder,
  criteria,
  vision,
  questions,
};

export async function main(argv: string[], io: Io): Promise<number> {
  let site: string | undefined = io.env.VALUERANK_SITE;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}; valuerank --help lists the commands and options`);
    }
    site = parsed.values.site ?? site;
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
    if (error instanceof SilentFailure) return 1;
    io.stderr.write(`valuerank: ${oneLine(describe(error, site))}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** What to do about an error Jira answered, by its kind. */
function jiraFix(error: JiraError): string {
  if (error instanceof JiraUnauthorizedError)
    return 'check JIRA_EMAIL and JIRA_API_TOKEN (a current Atlassian API token for that site)';
  if (error instanceof JiraForbiddenError)
    return 'you lack the Jira permission for this; ask a Jira admin, or act as someone who has it';
  if (error instanceof JiraNotFoundError)
    return 'it does not exist, or you cannot see it; check the id or key';
  if (error instanceof JiraRateLimitedError) return 'Jira is limiting requests; wait a minute and try again';
  if (error instanceof JiraServerError) return 'Jira failed; try again later';
  return 'check the values given';
}

/** Why a request did not reach the site, from the network error's code. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing listens there',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
};

function describe(error: unknown, site: string | undefined): string {
  if (error instanceof JiraError) return `${error.message.replace(/[.\s]+$/, '')}; ${jiraFix(error)}`;
  if (error instanceof AppError) return error.message;
  // Errors from fetch may come from another realm: read them by name, not by class.
  const e = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    cause?: { code?: unknown; message?: unknown; errors?: Array<{ code?: unknown }> };
  } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const where = site ? siteOrigin(site) : 'the site';
  if (name === 'TimeoutError' || name === 'AbortError')
    return `${where} did not answer in time; check that the site is up and reachable from here, then try again`;
  if (name === 'TypeError' && /fetch failed/.test(message)) {
    const code =
      typeof e?.cause?.code === 'string'
        ? e.cause.code
        : typeof e?.cause?.errors?.[0]?.code === 'string'
          ? e.cause.errors[0].code
          : undefined;
    const reason =
      (code && NETWORK_REASONS[code] ? `${NETWORK_REASONS[code]}, ${code}` : code) ??
      (typeof e?.cause?.message === 'string' ? e.cause.message : 'no answer');
    return `Cannot reach ${where} (${reason}); check --site (or VALUERANK_SITE) and that the site is up`;
  }
  return message.split('\n')[0]!;
}

/** The site's origin for messages (the URL as given when it does not parse). */
function siteOrigin(site: string): string {
  try {
    return parseSiteUrl(site).origin;
  } catch {
    return site;
  }
}
