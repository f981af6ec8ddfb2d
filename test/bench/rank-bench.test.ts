/**
 * The rank benchmark's pure part (bench/rank), quick: on one small real backlog, planRank's calls equal the
 * benchmark's own DP minimum for every change and the plans give the target. The DP itself is checked
 * against a breadth-first search over real rank calls on every small permutation, and the CSV reader on
 * the quoting real exports use.
 */
import { buildChange, CHANGE_KINDS } from '../../bench/rank/changes';
import { QUICK } from '../../bench/rank/config';
import { readRealBacklogs } from '../../bench/rank/data';
import { parseCsv } from '../../eval/csv';
import { minimumByDp, positionsOf, simulateCalls, type Call } from '../../bench/rank/dp';
import { runPure } from '../../bench/rank/pure';

describe('bench:rank, quick pure part', () => {
  it('plans every change of a small real backlog (CONFCLOUD) in the DP minimum of calls', () => {
    const backlogs = readRealBacklogs(['CONFCLOUD']);
    expect(backlogs[0]?.issues).toHaveLength(234);
    const rows = runPure(backlogs, QUICK.changes, { runs: QUICK.runs, coreCheck: QUICK.coreCheck });
    expect(rows.map((r) => r.change)).toEqual([...CHANGE_KINDS]);
    for (const row of rows) {
      expect({ change: row.change, problems: row.problems }).toEqual({ change: row.change, problems: [] });
      expect(row.planCalls).toBe(row.dpCalls);
      expect(row.coreCheckCalls).toBe(row.dpCalls);
      expect(row.appliesToTarget).toBe(true);
      expect(row.planCalls).toBeLessThanOrEqual(Math.min(row.naivePerIssue, row.naiveChunks));
    }
  });

  it('builds the same changes every time, each a real change of the right size', () => {
    const [backlog] = readRealBacklogs(['CONFCLOUD']);
    if (!backlog) throw new Error('no CONFCLOUD backlog');
    for (const kind of CHANGE_KINDS) {
      const change = buildChange(backlog, kind);
      expect(buildChange(backlog, kind)).toEqual(change);
      expect([...change.target].sort()).toEqual([...change.current].sort());
      expect(change.target).not.toEqual(change.current);
    }
    expect(buildChange(backlog, 'few').rescored).toBe(5);
    expect(buildChange(backlog, 'tenth').rescored).toBe(23);
  });
});

/** Every call Jira would take on `order`: up to `limit` distinct issues, in any order, before or after an anchor. */
function allCalls(order: readonly string[], limit: number): Call[] {
  const calls: Call[] = [];
  const extend = (picked: string[]): void => {
    if (picked.length > 0) {
      for (const anchor of order) {
        if (picked.includes(anchor)) continue;
        calls.push({ issues: [...picked], before: anchor }, { issues: [...picked], after: anchor });
      }
    }
    if (picked.length === limit) return;
    for (const key of order) if (!picked.includes(key)) extend([...picked, key]);
  };
  extend([]);
  return calls;
}

describe("the benchmark's DP", () => {
  it.each([
    [5, 1],
    [5, 2],
    [5, 3],
    [6, 2],
  ])('gives the fewest calls on every permutation of %i issues, %i per call (by BFS)', (n, limit) => {
    const start = Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
    const calls = allCalls(start, limit);
    const distance = new Map<string, number>([[start.join(''), 0]]);
    let frontier = [start];
    while (frontier.length > 0) {
      const next: string[][] = [];
      for (const order of frontier) {
        const d = distance.get(order.join('')) as number;
        for (const call of calls) {
          const reached = simulateCalls(order, [call], limit);
          const key = reached.join('');
          if (!distance.has(key)) {
            distance.set(key, d + 1);
            next.push(reached);
          }
        }
      }
      frontier = next;
    }
    expect(distance.size).toBe([1, 2, 3, 4, 5, 6].slice(0, n).reduce((a, b) => a * b, 1));
    const wrong = [...distance].filter(
      ([key, d]) => minimumByDp(positionsOf(start, key.split('')), limit).calls !== d,
    );
    expect(wrong).toEqual([]);
  });
});

describe('the CSV reader', () => {
  it('reads quoted commas, newlines and doubled quotes, with CRLF or LF', () => {
    const text = 'issuekey,title,storypoint\r\nA-1,"x, ""y""\nz",3\nB-2,plain,\n';
    expect(parseCsv(text)).toEqual([
      ['issuekey', 'title', 'storypoint'],
      ['A-1', 'x, "y"\nz', '3'],
      ['B-2', 'plain', ''],
    ]);
  });
});
