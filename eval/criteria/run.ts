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
  const w = [16, 6, 6, 6, 5, 5, 5, 7, 6, 8, 6];
  result.smells.forEach((ds, n) => {
    const role = ds.dataset === 'DS2' ? 'tuning set' : 'held out';
    const byDefault = result.smellsDefault[n];
    const rates = result.baseRates[ds.dataset as 'DS2' | 'DS4'];
    console.log(
      `\nTestability smells on ${ds.dataset}, ${role} (${ds.requirements} requirements), requirement level,` +
        ` annotators' definitions (bounded comparisons count); "default": F1 with the product's defaults`,
    );
    console.log(row(['smell', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold', 'base', 'default', 'ARTA'], w));
    for (const k of SMELL_KINDS) {
      const arta = ARTA_F1[k];
      console.log(
        row(
          [
            k,
            ...scoreCells(ds.requirement[k]),
            `${(rates[k] * 100).toFixed(1)}%`,
            byDefault ? f(byDefault.requirement[k].f1) : '-',
            arta === undefined ? '-' : f(arta),
          ],
          w,
        ),
      );
    }
    console.log(`word level (marked words found):`);
    console.log(row(['smell', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold'], w));
    for (const k of SMELL_KINDS) console.log(row([k, ...scoreCells(ds.word[k])], w));
  });
  console.log(
    `\nDo the two sets agree? F1 of a lexicon of every word one set's annotators marked, on the other set`,
  );
  console.log(row(['smell', 'DS2→DS4', 'DS4→DS2'], [16, 9, 9]));
  for (const k of SMELL_KINDS)
    console.log(row([k, f(result.transfer.ds2ToDs4[k].f1), f(result.transfer.ds4ToDs2[k].f1)], [16, 9, 9]));
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
