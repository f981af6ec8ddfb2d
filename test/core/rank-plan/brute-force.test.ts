/**
 * The planner against the truth: a breadth-first search over actual Jira rank calls (any ordered set of up
 * to `limit` issues, placed at any position of the rest, i.e. before or after any anchor not in the set)
 * finds, for every permutation of n ≤ 7 issues, the least number of calls; it also tracks which issues were
 * moved (except for n = 7 with limits 1 and 2, which would take seconds more), so it finds the fewest moved
 * issues among the plans with the fewest calls; every set of stayers is tried as well. Renaming
 * issues changes nothing, so one search from the identity covers every (current, target) pair.
 */
import { planRank } from '../../../src/core/rank-plan';
import { minimumCostExhaustive } from '../../support/rank-exhaustive';
import { planProblem } from './check';

function permutations(n: number): Uint8Array[] {
  if (n === 0) return [new Uint8Array(0)];
  const out: Uint8Array[] = [];
  for (const rest of permutations(n - 1))
    for (let at = 0; at <= rest.length; at++) {
      const p = new Uint8Array(n);
      p.set(rest.subarray(0, at), 0);
      p[at] = n - 1;
      p.set(rest.subarray(at), at + 1);
      out.push(p);
    }
  return out;
}

const encode = (p: Uint8Array): number => {
  let code = 0;
  for (let i = 0; i < p.length; i++) code = code * 8 + (p[i] as number);
  return code;
};

interface Truth {
  perms: Uint8Array[];
  /** per permutation: least calls, and least moved issues among plans with that many calls (-1 untracked) */
  calls: Int8Array;
  moved: Int8Array;
}

/** Least calls (and, when trackMoved, least moved) from the identity to every permutation of n. */
function search(n: number, limit: number, trackMoved: boolean): Truth {
  const perms = permutations(n);
  const rank = new Int32Array(8 ** n).fill(-1);
  perms.forEach((p, r) => (rank[encode(p)] = r));
  const masks = trackMoved ? 1 << n : 1;
  const seen = new Uint8Array(perms.length * masks);
  const calls = new Int8Array(perms.length).fill(-1);
  const moved = new Int8Array(perms.length).fill(-1);
  const identity = rank[encode(Uint8Array.from({ length: n }, (_, i) => i))] as number;
  seen[identity * masks] = 1;
  calls[identity] = 0;
  moved[identity] = 0;
  let found = 1;
  let frontier = [identity * masks];
  const chosen = new Uint8Array(n);
  const picked = new Uint8Array(n);
  const rest = new Uint8Array(n);
  const out = new Uint8Array(n);
  for (let depth = 1; found < perms.length; depth++) {
    const next: number[] = [];
    for (const state of frontier) {
      const perm = perms[Math.floor(state / masks)] as Uint8Array;
      const mask = state % masks;
      // every ordered set of k issues, at every position among the others
      const grow = (k: number, setMask: number): void => {
        if (k > 0) {
          let r = 0;
          for (const issue of perm) if (!(setMask & (1 << issue))) rest[r++] = issue;
          for (let at = 0; at <= r; at++) {
            out.set(rest.subarray(0, at), 0);
            out.set(chosen.subarray(0, k), at);
            out.set(rest.subarray(at, r), at + k);
            const p = rank[encode(out)] as number;
            const m = trackMoved ? mask | setMask : 0;
            if (seen[p * masks + m]) continue;
            seen[p * masks + m] = 1;
            next.push(p * masks + m);
            if (calls[p] === -1) {
              calls[p] = depth;
              found++;
            }
            if (trackMoved && calls[p] === depth) {
              let bits = 0;
              for (let b = m; b; b &= b - 1) bits++;
              if (moved[p] === -1 || bits < (moved[p] as number)) moved[p] = bits;
            }
          }
        }
        if (k === Math.min(limit, n - 1)) return;
        for (let issue = 0; issue < n; issue++) {
          if (picked[issue]) continue;
          picked[issue] = 1;
          chosen[k] = issue;
          grow(k + 1, setMask | (1 << issue));
          picked[issue] = 0;
        }
      };
      grow(0, 0);
    }
    frontier = next;
  }
  return { perms, calls, moved };
}

/** Least (calls, moved) from the stayers' argument, by trying every set of stayers. */
function bySubsets(perm: Uint8Array, limit: number): { calls: number; moved: number } {
  const n = perm.length;
  let best = { calls: Infinity, moved: Infinity };
  for (let set = n === 0 ? 0 : 1; set < 1 << n; set++) {
    let previous = -1;
    let previousValue = -1;
    let ok = true;
    let calls = 0;
    for (let t = 0; t < n && ok; t++) {
      if (!(set & (1 << t))) continue;
      if ((perm[t] as number) < previousValue) ok = false;
      calls += Math.ceil((t - previous - 1) / limit);
      previous = t;
      previousValue = perm[t] as number;
    }
    if (!ok) continue;
    calls += Math.ceil((n - 1 - previous) / limit);
    let moved = n;
    for (let b = set; b; b &= b - 1) moved--;
    if (calls < best.calls || (calls === best.calls && moved < best.moved)) best = { calls, moved };
  }
  return best;
}

describe('planRank against a search over real rank calls', () => {
  const keys = (p: Uint8Array): string[] => Array.from(p, (i) => `K-${i + 1}`);

  for (const limit of [1, 2, 3, 50]) {
    it(`is optimal for every permutation of up to 7 issues, at most ${limit} per call`, () => {
      for (let n = 0; n <= 7; n++) {
        const trackMoved = n <= 6 || limit >= 3; // n = 7 with limits 1 and 2 takes seconds more
        const truth = search(n, limit, trackMoved);
        const current = keys(Uint8Array.from({ length: n }, (_, i) => i));
        const problems: string[] = [];
        truth.perms.forEach((perm, r) => {
          const target = keys(perm);
          const plan = planRank(current, target, { maxPerCall: limit });
          const subsets = bySubsets(perm, limit);
          const exhaustive = minimumCostExhaustive(current, target, limit);
          const problem =
            planProblem(current, target, plan, limit) ??
            [
              plan.calls.length !== truth.calls[r] && `${plan.calls.length} calls, ${truth.calls[r]} needed`,
              trackMoved && plan.moved !== truth.moved[r] && `moved ${plan.moved}, ${truth.moved[r]} needed`,
              (subsets.calls !== truth.calls[r] || subsets.moved !== plan.moved) &&
                'stayers argument disagrees',
              (exhaustive.calls !== plan.calls.length || exhaustive.moved !== plan.moved) &&
                'exhaustive DP disagrees',
            ].find((text) => typeof text === 'string');
          if (problem) problems.push(`${target.join(' ')}: ${problem}`);
        });
        expect(problems.slice(0, 5)).toEqual([]);
      }
    });
  }
});
