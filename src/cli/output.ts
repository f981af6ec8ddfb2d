/**
 * Where a command writes ({@link Io}) and the output shapes the commands share: one JSON line, aligned
 * tables, counted nouns, indented text, and --json's rule for an empty result.
 */
import { NothingFoundError } from './errors';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/** `value` as one line of JSON on stdout. */
export function printJson(io: Io, value: unknown): void {
  io.stdout.write(JSON.stringify(value) + '\n');
}

/**
 * With --json, prints `value` even when nothing was found; then, when nothing was found, fails with
 * `nothing` (exit 1). True when --json has printed all there is to print.
 */
export function printJsonOrNothing(
  json: boolean,
  io: Io,
  value: unknown,
  found: boolean,
  nothing: string,
): boolean {
  if (json) printJson(io, value);
  if (!found) throw new NothingFoundError(nothing);
  return json;
}

/** Rows as columns two spaces apart, each as wide as its widest cell; the first row is the heading. */
export function table(rows: string[][]): string {
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

/** `1 issue`, `2 issues`: the count and the noun, with an s unless the count is 1. */
export const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Text indented by two spaces, line by line. */
export const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`.trimEnd())
    .join('\n');
