/**
 * The command line: the options every command reads from, parsed strictly (an unknown option is bad usage),
 * and the readers of the options several commands require (--project, --board).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors';
import type { Io } from './output';

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

export type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/** One command: runs with the options given, writes to `io`, throws to fail. */
export type Command = (values: Values, io: Io) => Promise<void>;

/** The options and the words (the command first) of `argv`; bad usage when an option is unknown or malformed. */
export function parseCommandLine(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; valuerank --help lists the commands and options`);
  }
}

/** The project key given with --project (bad usage without one). */
export function requireProject(key: string | undefined): string {
  if (!key) throw new UsageError('--project KEY is required: give the project key, e.g. --project TRAIL');
  return key;
}

/** The board id given with --board: a positive whole number (bad usage otherwise). */
export function requireBoard(values: Values): number {
  const value = values.board;
  if (value === undefined)
    throw new UsageError(
      '--board is required: give the board id (valuerank boards --project KEY lists them)',
    );
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new UsageError(`--board must be a positive whole number, not ${JSON.stringify(value)}`);
  return n;
}
