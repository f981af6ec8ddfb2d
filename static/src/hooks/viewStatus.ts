/**
 * How current a view's answer is, in words (docs/adr/0011-view-snapshots.md): a large backlog is analysed by
 * a background job while the screen shows the last result with its age, and asks again every
 * {@link VIEW_POLL_MS} until the answer is fresh. Shared by Prioritize and the health gadget.
 */
import type { ViewStatus } from '../../../src/jobs/view-status';

export type { ViewStatus };

/** How often a screen asks again while a view job runs (ADR 11: polling every 2 s). */
export const VIEW_POLL_MS = 2_000;

/** True while a job computes the next answer (queued or running): ask again. */
export function jobActive(status: ViewStatus | undefined): boolean {
  const state = status?.job?.state;
  return state === 'queued' || state === 'running';
}

/** "12 s ago", "4 min ago", "3 h ago", "2 days ago". */
export function ageText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s ago`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

/** "Reading the backlog: 1,200 of 10,000 issues." while the job runs; its message when it failed. */
export function progressText(status: ViewStatus | undefined): string | undefined {
  const job = status?.job;
  if (!job) return undefined;
  if (job.state === 'queued')
    return 'Queued: the backlog is large, so ValueRank analyses it in the background.';
  if (job.state === 'running')
    return job.total
      ? `Reading the backlog: ${job.read.toLocaleString('en')} of ${job.total.toLocaleString('en')} issues.`
      : 'Reading the backlog…';
  if (job.state === 'failed') return `The background analysis failed: ${job.message ?? 'no reason given'}.`;
  return job.message;
}

/**
 * The note next to a result that is not fresh: "Showing the result from 4 min ago. Reading the backlog: …"
 * (undefined when the answer is fresh).
 */
export function staleNote(status: ViewStatus | undefined, what = 'the analysis'): string | undefined {
  if (!status || status.fresh) return undefined;
  const age = status.ageSeconds === undefined ? '' : `Showing ${what} from ${ageText(status.ageSeconds)}. `;
  const progress = progressText(status) ?? (jobActive(status) ? '' : 'It may be out of date.');
  return `${age}${progress}`.trim() || undefined;
}
