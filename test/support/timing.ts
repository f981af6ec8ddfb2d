/**
 * Timing that survives a noisy, shared machine: the work and a fixed reference workload run interleaved, so
 * load slows both alike, and the test compares their ratio (measured in one run), not milliseconds.
 */

/** The reference: sorting 100,000 numbers (about 5–10 ms on a quiet machine). */
export function referenceWork(): void {
  const values = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003);
  values.sort((a, b) => a - b);
}

export interface Timing {
  /** Median milliseconds of the work. */
  median: number;
  /** Median milliseconds of the reference. */
  reference: number;
  /** median / reference. */
  ratio: number;
  runs: number[];
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Runs `work` and the reference alternately (`warmup` times unmeasured, then `runs` times). */
export function timeAgainstReference(work: () => void, runs = 7, warmup = 3): Timing {
  const clock = (f: () => void) => {
    const started = performance.now();
    f();
    return performance.now() - started;
  };
  for (let i = 0; i < warmup; i++) {
    work();
    referenceWork();
  }
  const times: number[] = [];
  const refs: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(clock(work));
    refs.push(clock(referenceWork));
  }
  const median = medianOf(times);
  const reference = medianOf(refs);
  return { median, reference, ratio: median / reference, runs: times };
}
