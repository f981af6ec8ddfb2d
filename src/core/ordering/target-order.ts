/**
 * The target backlog order: what the backlog should look like once scored. The rules, in order:
 *
 * 1. **Score descending.** Higher scores first; unscored issues (`score: null`, or NaN) after every scored
 *    one. Equal scores (exactly equal numbers) keep their current relative order: the sort is stable.
 * 2. **Pinned issues keep their exact current index.** The other issues fill the remaining slots, in the
 *    order the rules below give them. Pinned issues take no part in blocking: links to or from them are
 *    not enforced.
 * 3. **Blockers come first.** An issue that blocks another comes before it, even when it scores lower.
 *    The adjustment changes as little as possible: a blocker is *lifted* to just before the highest-placed
 *    issue it (transitively) blocks, and everything else keeps the score order; blockers lifted before the
 *    same issue keep their score order among themselves wherever their own links allow. An unscored
 *    blocker of a scored issue is lifted too, and unscored issues respect blocking among themselves.
 *    Implementation: a topological sort filled from the back, always taking the available issue latest
 *    in score order (an issue is available once everything it blocks is placed). Current order matters
 *    only through tie-breaks between issues the sort compares, and those keep their relative order in the
 *    result, so the function is idempotent: running it on its own output gives the same order.
 * 4. **Cycles are reported, not obeyed.** Blocker cycles (strongly connected components, Tarjan) are
 *    reported; links inside a cycle are ignored, so its issues are ordered by score as if unlinked. Links
 *    into and out of a cycle still count. Links to issues that are not in the backlog (or to the issue
 *    itself) are ignored.
 * 5. **Optional grouping.** With `groupOrder`, issues are grouped by `group` (fix version or epic): the
 *    groups in `groupOrder` first, in that order, then other groups by their first appearance in the
 *    current order, then ungrouped issues (no group, or ''); the rules above apply inside each group, and
 *    links across groups are ignored (not reported).
 *
 * Reports: `cycles` (each cycle's keys in current order), `ties` (runs of ≥ 2 equally scored issues that
 * kept their current relative order, lifted blockers left out), `lifted` (each lifted blocker, with the
 * issue it now sits before). Pure and deterministic; O(n log n + links).
 */

export interface OrderInput {
  key: string;
  /** The value score; null when unscored. */
  score: number | null;
  /** Keep this issue at its current index. */
  pinned?: boolean;
  /** Keys of the issues this issue blocks. */
  blocks?: string[];
  /** Fix version or epic key; used only when `OrderOptions.groupOrder` is given. */
  group?: string;
}

export interface OrderOptions {
  /** Group by `OrderInput.group`: these groups first, in this order; ungrouped issues last. */
  groupOrder?: string[];
}

export interface OrderResult {
  /** Every key, in target order. */
  order: string[];
  /** Blocker cycles found, each as keys in current order. */
  cycles: string[][];
  /** Groups of ≥ 2 keys with equal scores that stayed in their current relative order. */
  ties: string[][];
  /** Issues moved up because they block a higher one: placed just before `before`. */
  lifted: Array<{ key: string; before: string }>;
}

/** A binary max-heap of small integers, ordered by `priority`. */
class MaxHeap {
  private readonly items: number[] = [];
  constructor(private readonly priority: Int32Array) {}

  get size(): number {
    return this.items.length;
  }

  push(item: number): void {
    const { items, priority } = this;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((priority[items[up] as number] as number) >= (priority[item] as number)) break;
      items[i] = items[up] as number;
      i = up;
    }
    items[i] = item;
  }

  pop(): number {
    const { items, priority } = this;
    const top = items[0] as number;
    const last = items.pop() as number;
    if (items.length === 0) return top;
    let i = 0;
    const p = priority[last] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      const right = child + 1;
      if (
        right < items.length &&
        (priority[items[right] as number] as number) > (priority[items[child] as number] as number)
      )
        child = right;
      if ((priority[items[child] as number] as number) <= p) break;
      items[i] = items[child] as number;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/** Strongly connected components (Tarjan, iterative): a component id per node. */
function components(count: number, out: readonly number[][]): Int32Array {
  const component = new Int32Array(count).fill(-1);
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const path: number[] = [];
  const edge = new Int32Array(count);
  let counter = 0;
  let next = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    path.push(root);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (path.length > 0) {
      const v = path[path.length - 1] as number;
      const edges = out[v] as number[];
      if ((edge[v] as number) < edges.length) {
        const w = edges[edge[v] as number] as number;
        edge[v] = (edge[v] as number) + 1;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          path.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      path.pop();
      const parent = path[path.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = next;
        } while (w !== v);
        next++;
      }
    }
  }
  return component;
}

const scoreOf = (item: OrderInput): number | null =>
  item.score === null || Number.isNaN(item.score) ? null : item.score;

interface GroupResult {
  order: number[];
  cycles: number[][];
  ties: number[][];
  lifted: Array<{ item: number; before: number }>;
}

/** The rules inside one group; `members` are input indices in current order. */
function orderGroup(
  items: readonly OrderInput[],
  members: readonly number[],
  localOf: ReadonlyMap<string, number>,
): GroupResult {
  const m = members.length;
  const item = (local: number): OrderInput => items[members[local] as number] as OrderInput;
  const out: number[][] = Array.from({ length: m }, () => []);
  for (let u = 0; u < m; u++)
    for (const key of item(u).blocks ?? []) {
      const v = localOf.get(key);
      if (v !== undefined && v !== u) (out[u] as number[]).push(v);
    }
  const component = components(m, out);
  const size = new Int32Array(m);
  for (let u = 0; u < m; u++) size[component[u] as number] = (size[component[u] as number] as number) + 1;
  const cyclesById = new Map<number, number[]>();
  for (let u = 0; u < m; u++) {
    const c = component[u] as number;
    if ((size[c] as number) < 2) continue;
    const cycle = cyclesById.get(c) ?? [];
    cycle.push(u);
    cyclesById.set(c, cycle);
  }

  // score order: stable, scored (descending) before unscored
  const byScore = Array.from({ length: m }, (_, u) => u).sort((u, v) => {
    const a = scoreOf(item(u));
    const b = scoreOf(item(v));
    if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
    return b - a;
  });
  const rank = new Int32Array(m);
  byScore.forEach((u, r) => (rank[u] = r));

  // fill from the back: an issue is available once every issue it blocks (outside its cycle) is placed
  const blockedBy: number[][] = Array.from({ length: m }, () => []);
  const waiting = new Int32Array(m);
  for (let u = 0; u < m; u++)
    for (const v of out[u] as number[])
      if (component[u] !== component[v]) {
        (blockedBy[v] as number[]).push(u);
        waiting[u] = (waiting[u] as number) + 1;
      }
  const heap = new MaxHeap(rank);
  for (let u = 0; u < m; u++) if (waiting[u] === 0) heap.push(u);
  const deadline = new Int32Array(m); // the best score rank among the issue and all it (transitively) blocks
  const placed: number[] = [];
  while (heap.size > 0) {
    const u = heap.pop();
    let d = rank[u] as number;
    for (const v of out[u] as number[])
      if (component[u] !== component[v]) d = Math.min(d, deadline[v] as number);
    deadline[u] = d;
    placed.push(u);
    for (const w of blockedBy[u] as number[]) {
      waiting[w] = (waiting[w] as number) - 1;
      if (waiting[w] === 0) heap.push(w);
    }
  }
  const order = placed.reverse();

  const lifted = order
    .filter((u) => (deadline[u] as number) < (rank[u] as number))
    .map((u) => ({ item: u, before: byScore[deadline[u] as number] as number }));
  const ties: number[][] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= 2) ties.push(run);
    run = [];
  };
  for (const u of byScore) {
    const score = scoreOf(item(u));
    if (score === null) break;
    if (run.length > 0 && scoreOf(item(run[0] as number)) !== score) flush();
    if ((deadline[u] as number) === (rank[u] as number)) run.push(u);
  }
  flush();
  const global = (u: number): number => members[u] as number;
  return {
    order: order.map(global),
    cycles: [...cyclesById.values()].map((cycle) => cycle.map(global)),
    ties: ties.map((tie) => tie.map(global)),
    lifted: lifted.map(({ item: u, before }) => ({ item: global(u), before: global(before) })),
  };
}

/** The target order of a backlog given in current rank order; see the module comment for the rules. */
export function targetOrder(current: readonly OrderInput[], options: OrderOptions = {}): OrderResult {
  const seen = new Set<string>();
  for (const item of current) {
    if (seen.has(item.key)) throw new RangeError(`issue ${item.key} appears twice in the backlog`);
    seen.add(item.key);
  }
  const free = current.flatMap((item, i) => (item.pinned ? [] : [i]));
  const groups: number[][] = [];
  if (options.groupOrder === undefined) groups.push(free);
  else {
    const byGroup = new Map<string, number[]>();
    for (const name of options.groupOrder) if (name !== '') byGroup.set(name, []);
    const ungrouped: number[] = [];
    for (const i of free) {
      const name = (current[i] as OrderInput).group;
      if (name === undefined || name === '') ungrouped.push(i);
      else {
        const members = byGroup.get(name) ?? [];
        members.push(i);
        byGroup.set(name, members);
      }
    }
    groups.push(...byGroup.values(), ungrouped);
  }

  const order: string[] = new Array<string>(current.length);
  const cycles: number[][] = [];
  const ties: number[][] = [];
  const lifted: Array<{ item: number; before: number }> = [];
  const filled: number[] = [];
  for (const members of groups) {
    if (members.length === 0) continue;
    const localOf = new Map(members.map((i, local) => [(current[i] as OrderInput).key, local] as const));
    const result = orderGroup(current, members, localOf);
    filled.push(...result.order);
    cycles.push(...result.cycles);
    ties.push(...result.ties);
    lifted.push(...result.lifted);
  }
  const at = new Int32Array(current.length); // input index → target index
  let slot = 0;
  current.forEach((item, i) => {
    if (item.pinned) {
      order[i] = item.key;
      at[i] = i;
    }
  });
  for (const i of filled) {
    while (current[slot]?.pinned) slot++;
    order[slot] = (current[i] as OrderInput).key;
    at[i] = slot++;
  }
  const key = (i: number): string => (current[i] as OrderInput).key;
  return {
    order,
    cycles: cycles.sort((a, b) => (a[0] as number) - (b[0] as number)).map((cycle) => cycle.map(key)),
    ties: ties.map((tie) => tie.map(key)),
    lifted: lifted
      .sort((a, b) => (at[a.item] as number) - (at[b.item] as number))
      .map(({ item, before }) => ({ key: key(item), before: key(before) })),
  };
}
