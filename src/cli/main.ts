/**
 * `valuerank <command>`: the same core as the app, over HTTPS with an email and API token (or the
 * local site). Errors are one line on stderr and a non-zero exit; `--json` prints JSON only.
 *
 * This file wires the commands, one module per group: ./boards (boards, backlog), ./prioritize (score,
 * reorder), ./criteria, ./vision and ./questions; ./args reads the command line, ./usage is the help,
 * ./site connects to the site, ./output shapes what is printed, ./errors and ./error-line say what failed.
 */
import { parseCommandLine, type Command } from './args';
import { backlog, boards } from './boards';
import { criteria } from './criteria';
import { errorLine } from './error-line';
import { SilentFailure, UsageError } from './errors';
import type { Io } from './output';
import { reorder, score } from './prioritize';
import { questions } from './questions';
import { siteOf } from './site';
import { USAGE } from './usage';
import { vision } from './vision';

const COMMANDS: Record<string, Command> = {
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
    const parsed = parseCommandLine(argv);
    site = siteOf(parsed.values, io.env);
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
    io.stderr.write(`valuerank: ${errorLine(error, site)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
