import { targetOrder } from '../../../src/core/ordering';
import type { OrderInput } from '../../../src/core/ordering';
import { describeTiming, timeAgainstReference } from '../../support/timing';

/** `A:5 B:3 C:-` → items A (score 5), B (3), C (unscored); `A:5!` is pinned; `A:5>B,C` blocks B and C. */
const backlog = (text: string): OrderInput[] =>
  text.split(' ').map((token) => {
    const m = /^(\w+):(-|[\d.]+)(!?)(?:>([\w,]+))?(?:@(\w+))?$/.exec(token);
    if (!m) throw new Error(`bad token ${token}`);
    const item: OrderInput = { key: m[1] as string, score: m[2] === '-' ? null : Number(m[2]) };
    if (m[3]) item.pinned = true;
    if (m[4]) item.blocks = m[4].split(',');
    if (m[5]) item.group = m[5];
    return item;
  });
const order = (text: string, groupOrder?: string[]): string =>
  targetOrder(backlog(text), groupOrder ? { groupOrder } : {}).order.join(' ');

describe('targetOrder', () => {
  it('orders by score descending, ties in current order, unscored last in current order', () => {
    expect(order('A:1 B:5 C:- D:3 E:5 F:- G:3')).toBe('B E D G A C F');
    const result = targetOrder(backlog('A:1 B:5 C:- D:3 E:5 F:- G:3'));
    expect(result).toEqual({
      order: result.order,
      cycles: [],
      ties: [
        ['B', 'E'],
        ['D', 'G'],
      ],
      lifted: [],
    });
  });

  it('handles an empty backlog and a single issue', () => {
    expect(targetOrder([])).toEqual({ order: [], cycles: [], ties: [], lifted: [] });
    expect(targetOrder([{ key: 'A', score: null }]).order).toEqual(['A']);
  });

  it('counts a NaN score as unscored', () => {
    expect(
      targetOrder([
        { key: 'A', score: NaN },
        { key: 'B', score: 0 },
      ]).order,
    ).toEqual(['B', 'A']);
  });

  it('keeps pinned issues at their exact index', () => {
    expect(order('A:1 B:2! C:5 D:4 E:9!')).toBe('C B D A E');
    expect(order('A:1! B:2 C:3')).toBe('A C B');
  });

  it('lifts a blocker to just before the highest issue it blocks, leaving the rest in score order', () => {
    const result = targetOrder(backlog('A:9 B:8 C:7 D:1>B E:6'));
    expect(result.order).toEqual(['A', 'D', 'B', 'C', 'E']);
    expect(result.lifted).toEqual([{ key: 'D', before: 'B' }]);
  });

  it('lifts transitively: the blocker of a blocker goes before both', () => {
    const result = targetOrder(backlog('A:9 B:8 C:2>B D:1>C'));
    expect(result.order).toEqual(['A', 'D', 'C', 'B']);
    expect(result.lifted).toEqual([
      { key: 'D', before: 'B' },
      { key: 'C', before: 'B' },
    ]);
    // D blocks C and A: it goes before A, the highest issue it blocks; C still only needs to precede B
    expect(order('A:9 B:8 C:2>B D:1>C,A')).toBe('D A C B');
  });

  it('keeps lifted blockers in score order among themselves where their links allow', () => {
    expect(order('Z:9 A:5>Z C:3>Z E:1>A')).toBe('E A C Z');
    expect(order('Z:9 A:5>Z C:3>Z')).toBe('A C Z');
    expect(order('Z:9 A:5>Z C:3>Z,A')).toBe('C A Z');
  });

  it('does not move a blocker that already comes first', () => {
    const result = targetOrder(backlog('A:9>B B:1'));
    expect(result.order).toEqual(['A', 'B']);
    expect(result.lifted).toEqual([]);
  });

  it('reports blocker cycles and orders their issues by score as if unlinked', () => {
    const result = targetOrder(backlog('A:1>B B:5>C C:3>A D:4'));
    expect(result.cycles).toEqual([['A', 'B', 'C']]);
    expect(result.order).toEqual(['B', 'D', 'C', 'A']);
    expect(result.lifted).toEqual([]);
  });

  it('still obeys links into and out of a cycle', () => {
    // E blocks A, which is in the cycle A–B; the cycle itself is ordered by score
    const result = targetOrder(backlog('A:8>B B:9>A C:5 E:1>A'));
    expect(result.cycles).toEqual([['A', 'B']]);
    expect(result.order).toEqual(['B', 'E', 'A', 'C']);
    expect(result.lifted).toEqual([{ key: 'E', before: 'A' }]);
  });

  it('ignores links to issues outside the backlog and to the issue itself', () => {
    const result = targetOrder(backlog('A:1>X,A B:5>Y'));
    expect(result).toEqual({ order: ['B', 'A'], cycles: [], ties: [], lifted: [] });
  });

  it('lifts an unscored blocker of a scored issue, and respects blocking among unscored issues', () => {
    expect(order('A:5 B:7 C:->A D:-')).toBe('B C A D');
    expect(order('A:5 C:- D:->C E:-')).toBe('A D C E');
    expect(targetOrder(backlog('A:5 B:7 C:->A D:-')).lifted).toEqual([{ key: 'C', before: 'A' }]);
  });

  it('does not enforce links to or from pinned issues', () => {
    expect(order('A:9! B:5 C:1>A,B')).toBe('A C B');
    expect(order('A:9 B:1! C:5>A')).toBe('C B A');
  });

  it('reports ties without the blockers lifted out of them', () => {
    const result = targetOrder(backlog('A:9 B:5 C:5>A D:5'));
    expect(result.order).toEqual(['C', 'A', 'B', 'D']);
    expect(result.ties).toEqual([['B', 'D']]);
  });

  it('groups by groupOrder, then other groups by first appearance, then ungrouped issues', () => {
    const text = 'A:9 B:8@v2 C:7@v1 D:6@x E:5@v2 F:4@v1 G:3@x H:2';
    expect(order(text, ['v1', 'v2'])).toBe('C F B E D G A H');
    expect(order(text, ['v2', 'nope'])).toBe('B E C F D G A H');
    expect(order(text)).toBe('A B C D E F G H');
  });

  it('ignores links across groups, reporting nothing, and keeps pinned issues in place when grouping', () => {
    const result = targetOrder(backlog('A:9@v1 B:1>A@v2 C:5@v1 D:2>B@v2 E:3!'), { groupOrder: ['v1', 'v2'] });
    expect(result).toEqual({ order: ['A', 'C', 'D', 'B', 'E'], cycles: [], ties: [], lifted: [] });
    const cyclic = targetOrder(backlog('A:9>B@v1 B:1>A@v2'), { groupOrder: ['v1', 'v2'] });
    expect(cyclic.cycles).toEqual([]);
  });

  it('rejects duplicate keys', () => {
    expect(() => targetOrder(backlog('A:1 A:2'))).toThrow(/A appears twice/);
  });

  it('orders 10,000 issues with 20,000 links within 10 times the reference workload', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const items: OrderInput[] = Array.from({ length: 10_000 }, (_, i) => ({
      key: `K-${i}`,
      score: next(10) === 0 ? null : next(1000),
      pinned: next(50) === 0,
      blocks: [`K-${next(10_000)}`, `K-${next(10_000)}`],
    }));
    const result = targetOrder(items);
    expect(new Set(result.order).size).toBe(10_000);
    // Timed interleaved with the reference workload (sorting 100,000 numbers): load slows both alike.
    const t = timeAgainstReference(() => void targetOrder(items), 5, 1);
    console.log(describeTiming('targetOrder, 10,000 issues, 20,000 links', t));
    expect(t.ratio).toBeLessThan(10);
  });
});
