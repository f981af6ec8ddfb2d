/**
 * `npm run eval:criteria [-- --json]`: precision, recall and F1 of the criteria checks on the shared,
 * human-labelled data (see `evaluate.ts`). Reads `../shared/data`, or VALUERANK_SHARED_DATA.
 */
import { SMELL_KINDS } from '../../src/core/criteria/types';
import { ARTA_F1, evaluateAll, type Score } from './evaluate';

const f = (n: number) => n.toFixed(2);
const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => String(c).padEnd(widths[i] ?? 8)).join(' ');
const scoreCells = (s: Score) => [f(s.precision), f(s.recall), f(s.f1), s.tp, s.fp, s.fn, s.support];

function main(): void {
  const started = performance.now();
  const result = evaluateAll();
  const ms = performance.now() - started;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...result, ms: Math.round(ms) }, null, 2));
    return;
  }
  const w = [16, 6, 6, 6, 5, 5, 5, 7, 6];
  for (const ds of result.smells) {
    const role = ds.dataset === 'DS2' ? 'tuning set' : 'held out';
    console.log(
      `\nTestability smells on ${ds.dataset}, ${role} (${ds.requirements} requirements), requirement level`,
    );
    console.log(row(['smell', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold', 'ARTA'], w));
    for (const k of SMELL_KINDS) {
      const arta = ARTA_F1[k];
      console.log(row([k, ...scoreCells(ds.requirement[k]), arta === undefined ? '-' : f(arta)], w));
    }
    console.log(`word level (marked words found):`);
    console.log(row(['smell', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold'], w));
    for (const k of SMELL_KINDS) console.log(row([k, ...scoreCells(ds.word[k])], w));
  }
  console.log(`\nUser-story defects on UStAI dev (${result.stories.stories} stories)`);
  console.log(row(['finding', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold'], [20, ...w.slice(1)]));
  for (const [k, s] of Object.entries(result.stories.scores))
    console.log(row([k, ...scoreCells(s)], [20, ...w.slice(1)]));
  console.log(`\nRole/goal/benefit spans on the Dalpiaz backlogs (${result.parts.stories} stories)`);
  console.log(row(['part', 'match', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold'], [10, 9, ...w.slice(1)]));
  for (const p of ['role', 'goal', 'benefit'] as const) {
    console.log(row([p, 'exact', ...scoreCells(result.parts.exact[p])], [10, 9, ...w.slice(1)]));
    console.log(row([p, 'overlap', ...scoreCells(result.parts.overlap[p])], [10, 9, ...w.slice(1)]));
  }
  console.log(`\n(${Math.round(ms)} ms)`);
}

main();
