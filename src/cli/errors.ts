/**
 * The CLI's own errors, each with its exit: bad usage (2), nothing found (1, so a script can tell), and a
 * failure the command has already reported (1, with no further line).
 */

/** Bad usage: one line and exit 2. */
export class UsageError extends Error {}

/** Nothing matched (no boards, no issues, nothing to check): one line and exit 1, so a script can tell. */
export class NothingFoundError extends Error {}

/** The command already said what went wrong: exit 1 without another line. */
export class SilentFailure extends Error {}
