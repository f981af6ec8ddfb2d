/**
 * Timing that survives a noisy, shared machine: the work and a fixed reference workload run interleaved, so
 * load slows both alike, and the test compares their ratio (measured in one run), not milliseconds.
 *
 * - `timeAgainstReference`: short synchronous work, run several times alternating with the reference.
 * - `timeAgainstReferenceAsync`: the same for asynchronous work (requests to a local server, say), optionally
 *   against a reference of the same kind of work (a sequence of plain requests to the same server).
 * - `timeOnceAgainstReference`: long work that is run once; the reference runs several times just before and
 *   just after it, and the ratio is against the median of those.
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

const timingOf = (times: number[], refs: number[]): Timing => {
  const median = medianOf(times);
  const reference = medianOf(refs);
  return { median, reference, ratio: median / reference, runs: times };
};

const clock = (f: () => void): number => {
  const started = performance.now();
  f();
  return performance.now() - started;
};

const clockAsync = async (f: () => unknown): Promise<number> => {
  const started = performance.now();
  await f();
  return performance.now() - started;
};

/** Runs `work` and the reference alternately (`warmup` times unmeasured, then `runs` times). */
export function timeAgainstReference(work: () => void, runs = 7, warmup = 3): Timing {
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
  return timingOf(times, refs);
}

/**
 * `timeAgainstReference` for asynchronous work: `work` and `reference` (by default the CPU reference above;
 * pass a sequence of the same kind of asynchronous work to compare like with like) alternate, each awaited.
 */
export async function timeAgainstReferenceAsync(
  work: () => Promise<unknown>,
  runs = 7,
  warmup = 2,
  reference: () => unknown = referenceWork,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) {
    await work();
    await reference();
  }
  const times: number[] = [];
  const refs: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(await clockAsync(work));
    refs.push(await clockAsync(reference));
  }
  return timingOf(times, refs);
}

/**
 * Long work, run once (its result is returned): the reference runs `referenceRuns` times just before and as
 * many just after, and the ratio is the work's milliseconds over the median reference.
 */
export async function timeOnceAgainstReference<T>(
  work: () => T | Promise<T>,
  referenceRuns = 5,
  reference: () => unknown = referenceWork,
): Promise<Timing & { result: T }> {
  await reference(); // warm-up
  const refs: number[] = [];
  for (let i = 0; i < referenceRuns; i++) refs.push(await clockAsync(reference));
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  for (let i = 0; i < referenceRuns; i++) refs.push(await clockAsync(reference));
  return { ...timingOf([ms], refs), result };
}

/** One line for the test log: "label: median … ms, reference … ms, ratio …". */
export function describeTiming(label: string, t: Timing): string {
  const runs = t.runs.length > 1 ? ` (runs: ${t.runs.map((r) => r.toFixed(1)).join(', ')} ms)` : '';
  return (
    `${label}: ${t.runs.length > 1 ? 'median ' : ''}${t.median.toFixed(1)} ms, reference ${t.reference.toFixed(1)} ms, ` +
    `ratio ${t.ratio.toFixed(2)}${runs}`
  );
}
