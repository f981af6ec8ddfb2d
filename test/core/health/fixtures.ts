/** Builders for backlog-health tests. */
import type { HealthItem } from '../../../src/core/health';

export const item = (
  key: string,
  score: number | null,
  over: Partial<Omit<HealthItem, 'key' | 'score'>> = {},
): HealthItem => ({
  key,
  summary: `Summary of ${key}`,
  score,
  storyPoints: undefined,
  ready: undefined,
  goals: [],
  ...over,
});

/** A deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A realistic backlog of n items: ~75% scored (with ties), ~80% estimated, readiness mixed. */
export function backlog(n: number, seed = 1): HealthItem[] {
  const rnd = random(seed);
  const points = [1, 2, 3, 5, 8, 13];
  return Array.from({ length: n }, (_, i) => {
    const r = rnd();
    return item(`BIG-${i + 1}`, r < 0.75 ? Math.round(rnd() * 400) / 4 : null, {
      storyPoints: rnd() < 0.8 ? points[Math.floor(rnd() * points.length)] : undefined,
      ready: r < 0.3 ? true : r < 0.8 ? false : undefined,
      topFinding:
        r < 0.8 && r >= 0.3 ? { kind: 'missing-criteria', message: 'No acceptance criteria' } : undefined,
      goals: rnd() < 0.5 ? ['g1'] : [],
    });
  });
}
