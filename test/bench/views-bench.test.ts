/**
 * bench:views (bench/views.ts) kept working: one small cell (1,000 issues, 5 ms added to each Jira request)
 * runs end to end through the local site and the harness, and every figure the table prints is there and
 * consistent. No timing is asserted beyond order (the full result never comes before the first answer):
 * the benchmark measures, this test only keeps it from rotting.
 */
import { benchViews } from '../../bench/views';

it('bench:views measures one cell: reads, first answer, full result, size, requests', async () => {
  const lines: string[] = [];
  const rows = await benchViews([1000], [5], (line) => lines.push(line));
  expect(rows).toHaveLength(1);
  const [row] = rows;
  if (!row) throw new Error('no row');
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0] ?? '{}')).toEqual(row);
  expect(row).toMatchObject({ issues: 1000, latencyMs: 5 });
  for (const figure of [row.sequentialMs, row.concurrentMs, row.firstAnswerMs, row.fullResultMs])
    expect(figure).toBeGreaterThan(0);
  expect(row.speedup).toBeCloseTo(row.sequentialMs / row.concurrentMs, 1);
  expect(row.fullResultMs).toBeGreaterThanOrEqual(row.firstAnswerMs);
  // 1,000 issues are 20 backlog pages: the load reads them once, plus the board, fields and fingerprint.
  expect(row.requests).toBeGreaterThanOrEqual(20);
  expect(row.answerBytes).toBeGreaterThan(0);
  expect(row.answerBytes).toBeLessThan(1024 * 1024);
  expect(row.peakRssMb).toBeGreaterThan(0);
}, 120_000);
