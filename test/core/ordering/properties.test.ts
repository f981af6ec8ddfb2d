/** Properties of targetOrder on random backlogs with ties, unscored and pinned issues, links and groups. */
import fc from 'fast-check';
import { targetOrder } from '../../../src/core/ordering';
import type { OrderInput, OrderOptions, OrderResult } from '../../../src/core/ordering';

const backlogOf = fc.integer({ min: 0, max: 30 }).chain((n) => {
  const keys = Array.from({ length: n }, (_, i) => `K-${i + 1}`);
  const item = (key: string) =>
    fc.record({
      key: fc.constant(key),
      score: fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) },
      ),
      pinned: fc.oneof(
        { weight: 9, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      blocks: fc.array(fc.constantFrom(...keys, 'OUT-1'), { maxLength: 2 }),
      group: fc.constantFrom<string | undefined>('v1', 'v2', 'v3', undefined),
    });
  return fc.record({
    items: fc.tuple(...keys.map(item)),
    options: fc.oneof(
      fc.constant<OrderOptions>({}),
      fc.shuffledSubarray(['v1', 'v2', 'v4']).map((groupOrder): OrderOptions => ({ groupOrder })),
    ),
  });
});

interface View {
  items: readonly OrderInput[];
  options: OrderOptions;
  result: OrderResult;
  at: Map<string, number>;
  before: Map<string, number>;
  byKey: Map<string, OrderInput>;
  lifted: Set<string>;
  /** ordering group of a free issue ('' when not grouping, '-' for ungrouped) */
  groupOf: (key: string) => string;
  /** free issues of one group, linked by a blocks edge the rules enforce (cycles aside) */
  edges: Array<[string, string]>;
  cycleOf: Map<string, number>;
}

function view(items: readonly OrderInput[], options: OrderOptions): View {
  const result = targetOrder(items, options);
  const byKey = new Map(items.map((item) => [item.key, item] as const));
  const groupOf = (key: string): string =>
    options.groupOrder === undefined ? '' : byKey.get(key)?.group || '-';
  const edges: Array<[string, string]> = [];
  for (const item of items)
    for (const target of item.blocks ?? []) {
      const other = byKey.get(target);
      if (other && other !== item && !item.pinned && !other.pinned && groupOf(item.key) === groupOf(target))
        edges.push([item.key, target]);
    }
  const cycleOf = new Map<string, number>();
  result.cycles.forEach((cycle, c) => cycle.forEach((key) => cycleOf.set(key, c)));
  return {
    items,
    options,
    result,
    at: new Map(result.order.map((key, i) => [key, i] as const)),
    before: new Map(items.map((item, i) => [item.key, i] as const)),
    byKey,
    lifted: new Set(result.lifted.map(({ key }) => key)),
    groupOf,
    edges,
    cycleOf,
  };
}

const higher = (a: number | null, b: number | null): boolean => a !== null && (b === null || a > b);

function reaches(v: View, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    for (const [u, w] of v.edges)
      if (u === key && !seen.has(w)) {
        if (w === to) return true;
        seen.add(w);
        queue.push(w);
      }
  }
  return false;
}

const free = (v: View): OrderInput[] => v.items.filter((item) => !item.pinned);
const pairs = (v: View): Array<[OrderInput, OrderInput]> =>
  free(v).flatMap((a) =>
    free(v)
      .filter((b) => b !== a && v.groupOf(a.key) === v.groupOf(b.key))
      .map((b): [OrderInput, OrderInput] => [a, b]),
  );

const property = (check: (v: View) => void) =>
  fc.assert(
    fc.property(backlogOf, ({ items, options }) => check(view(items, options))),
    { numRuns: 250 },
  );

describe('targetOrder properties', () => {
  it('is a permutation of the backlog', () =>
    property((v) => expect([...v.result.order].sort()).toEqual(v.items.map((item) => item.key).sort())));

  it('keeps pinned issues at their exact index', () =>
    property((v) => v.items.forEach((item, i) => item.pinned && expect(v.result.order[i]).toBe(item.key))));

  it('puts every blocker before what it blocks, within a group, apart from reported cycles', () =>
    property((v) => {
      for (const [u, w] of v.edges) {
        const cyclic = v.cycleOf.has(u) && v.cycleOf.get(u) === v.cycleOf.get(w);
        if (!cyclic) expect([u, w, (v.at.get(u) as number) < (v.at.get(w) as number)]).toEqual([u, w, true]);
      }
    }));

  it('reports as cycles only issues that block each other, within one group', () =>
    property((v) => {
      for (const cycle of v.result.cycles) {
        expect(cycle.length).toBeGreaterThanOrEqual(2);
        for (const a of cycle) for (const b of cycle) if (a !== b) expect(reaches(v, a, b)).toBe(true);
      }
    }));

  it('keeps the score order, ties in current order and scored before unscored, except for lifted blockers', () =>
    property((v) => {
      for (const [a, b] of pairs(v)) {
        if (v.lifted.has(a.key) || v.lifted.has(b.key)) continue;
        const aFirst =
          higher(a.score, b.score) ||
          (a.score === b.score && (v.before.get(a.key) as number) < (v.before.get(b.key) as number));
        if (aFirst)
          expect([a.key, b.key, (v.at.get(a.key) as number) < (v.at.get(b.key) as number)]).toEqual([
            a.key,
            b.key,
            true,
          ]);
      }
    }));

  it('lifts a blocker just before the highest issue it transitively blocks', () =>
    property((v) => {
      for (const { key, before } of v.result.lifted) {
        expect(reaches(v, key, before)).toBe(true);
        expect(v.lifted.has(before)).toBe(false);
        expect(higher(v.byKey.get(before)?.score ?? null, v.byKey.get(key)?.score ?? null) || true).toBe(
          true,
        );
        const from = v.at.get(key) as number;
        const to = v.at.get(before) as number;
        expect(from).toBeLessThan(to);
        for (const between of v.result.order.slice(from + 1, to)) {
          const item = v.byKey.get(between) as OrderInput;
          if (item.pinned) continue;
          expect(v.result.lifted).toContainEqual({ key: between, before });
        }
      }
    }));

  it('reports ties: equal scores, in their current relative order, none lifted', () =>
    property((v) => {
      for (const tie of v.result.ties) {
        expect(tie.length).toBeGreaterThanOrEqual(2);
        const scores = new Set(tie.map((key) => v.byKey.get(key)?.score));
        expect(scores.size).toBe(1);
        expect(scores.has(null)).toBe(false);
        const positions = tie.map((key) => v.at.get(key) as number);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        const current = tie.map((key) => v.before.get(key) as number);
        expect(current).toEqual([...current].sort((a, b) => a - b));
        tie.forEach((key) => expect(v.lifted.has(key)).toBe(false));
      }
    }));

  it('keeps groups together in groupOrder, then unlisted groups, then ungrouped issues', () =>
    property((v) => {
      if (v.options.groupOrder === undefined) return;
      const listed = v.options.groupOrder;
      const freeOrder = v.result.order.filter((key) => !v.byKey.get(key)?.pinned);
      const groups = freeOrder.map(v.groupOf);
      const runs = groups.filter((g, i) => i === 0 || g !== groups[i - 1]);
      expect(new Set(runs).size).toBe(runs.length); // each group is contiguous
      const rankOf = (g: string): number => (g === '-' ? 2 : listed.includes(g) ? 0 : 1);
      for (let i = 1; i < runs.length; i++) {
        const a = runs[i - 1] as string;
        const b = runs[i] as string;
        expect(rankOf(a)).toBeLessThanOrEqual(rankOf(b));
        if (rankOf(a) === 0 && rankOf(b) === 0) expect(listed.indexOf(a)).toBeLessThan(listed.indexOf(b));
      }
    }));

  it('is idempotent: ordering its own output gives the same order', () =>
    property((v) => {
      const reordered = v.result.order.map((key) => v.byKey.get(key) as OrderInput);
      expect(targetOrder(reordered, v.options).order).toEqual(v.result.order);
    }));

  it('is deterministic and leaves its input alone', () =>
    property((v) => {
      const copy = structuredClone(v.items);
      expect(targetOrder(v.items, v.options)).toEqual(v.result);
      expect(v.items).toEqual(copy);
    }));
});
