/**
 * Runs a rank plan against Jira, call by call, in order. 429s are retried by the client (per Retry-After).
 * A 207 names the issues Jira refused: each run of refused issues is retried once, anchored where the plan
 * puts it (after the issue before it in the call, or at the call's own anchor); issues refused again are
 * reported by key. A later call anchored after an issue that never moved is re-anchored where that issue
 * should have been, so one refused issue does not drag the rest out of place.
 */
import type { RankCall } from '../../core/rank-plan';
import type { JiraClient, RankFailure, RankOutcome } from '../../jira/client';
import { JiraForbiddenError, JiraValidationError } from '../../jira/errors';

export interface FailedIssue {
  key: string;
  errors: string[];
}

export interface RunOptions {
  /** The board's rank field (`rankCustomFieldId`). */
  rankCustomFieldId?: number | undefined;
  /** Start at this call (a resumed job); earlier calls are taken as made. */
  startAt?: number;
  /** Issue id → key, to name issues Jira reports by id only. */
  keyById?: ReadonlyMap<string, string>;
  /** After each call (with its retry): calls done so far, and every issue refused for good so far. */
  onProgress?: (done: number, failed: readonly FailedIssue[]) => Promise<void>;
}

export interface RunResult {
  failed: FailedIssue[];
  /** Rank requests sent, retries included. */
  requests: number;
}

type Anchor = { before: string; after?: undefined } | { after: string; before?: undefined };

export async function runRankCalls(
  jira: JiraClient,
  calls: readonly RankCall[],
  options: RunOptions = {},
): Promise<RunResult> {
  const failed: FailedIssue[] = [];
  /** Where to anchor "after k" when k was refused: where k should have been. */
  const standIn = new Map<string, Anchor>();
  let requests = 0;

  const resolve = (anchor: Anchor): Anchor =>
    anchor.after !== undefined ? (standIn.get(anchor.after) ?? anchor) : anchor;
  const rank = async (issues: readonly string[], anchor: Anchor) => {
    requests += 1;
    return jira.rankIssues({
      issues,
      ...(anchor.before !== undefined
        ? { rankBeforeIssue: anchor.before }
        : { rankAfterIssue: anchor.after }),
      ...(options.rankCustomFieldId !== undefined ? { rankCustomFieldId: options.rankCustomFieldId } : {}),
    });
  };
  const keyOf = (f: RankFailure) => f.issueKey ?? options.keyById?.get(f.issueId) ?? f.issueId;

  for (let c = options.startAt ?? 0; c < calls.length; c += 1) {
    const call = calls[c] as RankCall;
    const callAnchor = resolve(
      call.before !== undefined ? { before: call.before } : { after: call.after as string },
    );
    const first = await rank(call.issues, callAnchor);
    if (!first.ok) {
      const refused = new Map(first.failures.map((f) => [keyOf(f), f.errors] as const));
      const stillRefused = new Map<string, string[]>();
      const moved = (i: number) => !refused.has(call.issues[i] as string);
      // Retry each run of refused issues once, anchored where the plan puts it.
      for (let i = 0; i < call.issues.length;) {
        if (moved(i)) {
          i += 1;
          continue;
        }
        let j = i;
        while (j < call.issues.length && !moved(j)) j += 1;
        const run = call.issues.slice(i, j);
        const next = call.issues[j];
        const anchor: Anchor =
          i > 0
            ? { after: call.issues[i - 1] as string }
            : callAnchor.after !== undefined || next === undefined
              ? callAnchor
              : { before: next };
        let retry: RankOutcome;
        try {
          retry = await rank(run, anchor);
        } catch (error) {
          // Jira refusing the whole retry (403: none may be ranked; 400: an issue went away) refuses each issue.
          if (!(error instanceof JiraForbiddenError || error instanceof JiraValidationError)) throw error;
          const errors = [error.jiraMessages || error.message];
          retry = {
            ok: false,
            failures: run.map((key) => ({ issueId: key, issueKey: key, status: error.status, errors })),
          };
        }
        const again = new Map(retry.failures.map((f) => [keyOf(f), f.errors] as const));
        for (const key of run) {
          const errors = again.get(key);
          if (errors) stillRefused.set(key, errors.length ? errors : (refused.get(key) ?? []));
        }
        i = j;
      }
      for (const [i, key] of call.issues.entries()) {
        if (!stillRefused.has(key)) continue;
        failed.push({ key, errors: stillRefused.get(key) ?? [] });
        const prev = call.issues
          .slice(0, i)
          .reverse()
          .find((k) => !stillRefused.has(k));
        const after = call.issues.slice(i + 1).find((k) => !stillRefused.has(k));
        standIn.set(
          key,
          prev !== undefined
            ? { after: prev }
            : callAnchor.after !== undefined || after === undefined
              ? callAnchor
              : { before: after },
        );
      }
    }
    await options.onProgress?.(c + 1, failed);
  }
  return { failed, requests };
}
