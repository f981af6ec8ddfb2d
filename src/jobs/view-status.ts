/** How current a view's answer is (docs/adr/0011-view-snapshots.md): types only, shared with the UI. */

/** A view job as the screens show it. */
export interface ViewJobView {
  jobId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Backlog issues read so far, of `total` when known. */
  read: number;
  total?: number;
  message?: string;
}

/** How current a view's answer is. */
export interface ViewStatus {
  /** Computed from the backlog and settings exactly as they are now. */
  fresh: boolean;
  /** When the answer's snapshot was computed (none yet: absent). */
  computedAt?: string;
  ageSeconds?: number;
  /** The job computing the next snapshot, when one is queued or running. */
  job?: ViewJobView;
}
