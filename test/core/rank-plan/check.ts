/** Checks shared by the rank-plan tests: plain functions (no `expect` in hot loops) returning problems. */
import { applyPlan } from '../../../src/core/rank-plan';
import type { RankPlan } from '../../../src/core/rank-plan';

/**
 * Rules 1–3 of a plan: applying it gives the target; no call is empty or over the limit; each call has
 * exactly one anchor, not among its issues, that is already in place when used (an issue no call moves,
 * or one an earlier call moved and no later call moves again). Returns the first problem, or undefined.
 */
export function planProblem(
  current: readonly string[],
  target: readonly string[],
  plan: RankPlan,
  limit: number,
): string | undefined {
  const lastMove = new Map<string, number>();
  plan.calls.forEach((call, c) => call.issues.forEach((key) => lastMove.set(key, c)));
  for (const [c, call] of plan.calls.entries()) {
    if (call.issues.length === 0 || call.issues.length > limit)
      return `call ${c} moves ${call.issues.length}`;
    if ((call.before === undefined) === (call.after === undefined)) return `call ${c} needs one anchor`;
    const anchor = (call.before ?? call.after) as string;
    if (call.issues.includes(anchor)) return `call ${c} anchors on its own issue ${anchor}`;
    const last = lastMove.get(anchor);
    if (last !== undefined && last >= c) return `call ${c} anchors on ${anchor}, not in place yet`;
  }
  if (lastMove.size !== plan.moved) return `moved ${plan.moved}, but the calls move ${lastMove.size}`;
  if (plan.moved + plan.stayers !== current.length) return 'moved + stayers is not the number of issues';
  const result = applyPlan(current, plan);
  if (result.length !== target.length || result.some((key, i) => key !== target[i]))
    return 'applying the plan does not give the target';
  return undefined;
}

/** mulberry32: a small deterministic PRNG, so a large case is one shrinkable seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Kind = 'shuffle' | 'few' | 'tenth' | 'local';

/** A target order: `current` perturbed as a re-scoring would. */
export function perturb(current: readonly string[], kind: Kind, seed: number): string[] {
  const next = random(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const order = [...current];
  const n = order.length;
  const move = (count: number): void => {
    for (let k = 0; k < count && n > 0; k++) {
      const [key] = order.splice(pick(n), 1);
      order.splice(pick(n), 0, key as string);
    }
  };
  if (kind === 'shuffle')
    for (let i = n - 1; i > 0; i--) {
      const j = pick(i + 1);
      [order[i], order[j]] = [order[j] as string, order[i] as string];
    }
  if (kind === 'few') move(1 + pick(5));
  if (kind === 'tenth') move(Math.ceil(n / 10));
  if (kind === 'local')
    for (let i = 0; i + 1 < n; i++)
      if (next() < 0.1) [order[i], order[i + 1]] = [order[i + 1] as string, order[i] as string];
  return order;
}
