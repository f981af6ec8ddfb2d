/**
 * `npm run eval:criteria [-- --json]`: precision, recall and F1 of the criteria checks on the shared,
 * human-labelled data (see `evaluate.ts`), measured on what users see: the product's default config and
 * the findings `valuerank criteria` emits. Reads `../shared/data`, or VALUERANK_SHARED_DATA.
 */
import { LABELLED_SMELLS } from './data';
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
  const [a, b] = result.directions;
  if (!a || !b) return;
  console.log(
    `\nTestability smells, requirement level, product defaults (the findings \`valuerank criteria\` emits).` +
      `\nEach direction: rules as developed looking at one file, reported on the other.`,
  );
  const w = [16, 5, 5, 5, 2, 5, 5, 5, 2, 6];
  console.log(
    row(
      [
        'smell',
        `${a.tunedOn}→`,
        '',
        `${a.reportedOn}`,
        '|',
        `${b.tunedOn}→`,
        '',
        `${b.reportedOn}`,
        '|',
        'ARTA',
      ],
      w,
    ),
  );
  console.log(row(['', 'P', 'R', 'F1', '|', 'P', 'R', 'F1', '|', 'F1'], w));
  const means = { a: [] as number[], b: [] as number[], arta: [] as number[] };
  for (const k of LABELLED_SMELLS) {
    const x = a.scores.requirement[k];
    const y = b.scores.requirement[k];
    const arta = ARTA_F1[k];
    if (arta !== undefined) {
      means.a.push(x.f1);
      means.b.push(y.f1);
      means.arta.push(arta);
    }
    console.log(
      row(
        [
          k,
          f(x.precision),
          f(x.recall),
          f(x.f1),
          '|',
          f(y.precision),
          f(y.recall),
          f(y.f1),
          '|',
          arta === undefined ? '-' : f(arta),
        ],
        w,
      ),
    );
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(
    row(
      [
        'mean (ARTA kinds)',
        '',
        '',
        f(mean(means.a)),
        '|',
        '',
        '',
        f(mean(means.b)),
        '|',
        f(mean(means.arta)),
      ],
      w,
    ),
  );
  console.log(
    `\nGold base rates: ` +
      LABELLED_SMELLS.map(
        (k) =>
          `${k} DS2 ${(result.baseRates.DS2[k] * 100).toFixed(1)}% DS4 ${(result.baseRates.DS4[k] * 100).toFixed(1)}%`,
      ).join('; '),
  );
  console.log(
    `\nDo the two sets agree? F1 of a lexicon of every word one set's annotators marked, on the other set`,
  );
  console.log(row(['smell', 'DS2→DS4', 'DS4→DS2'], [16, 9, 9]));
  for (const k of LABELLED_SMELLS)
    console.log(row([k, f(result.transfer.ds2ToDs4[k].f1), f(result.transfer.ds4ToDs2[k].f1)], [16, 9, 9]));
  const sw = [20, 6, 6, 6, 5, 5, 5, 7];
  console.log(`\nUser-story defects on UStAI dev (${result.stories.stories} stories)`);
  console.log(row(['finding', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold'], sw));
  for (const [k, s] of Object.entries(result.stories.scores)) console.log(row([k, ...scoreCells(s)], sw));
  console.log(
    `\nUser-story defects on the Dalpiaz backlogs (${result.dalpiaz.stories} stories, from the spans)`,
  );
  console.log(row(['finding', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold'], sw));
  for (const [k, s] of Object.entries(result.dalpiaz.scores)) console.log(row([k, ...scoreCells(s)], sw));
  const pw = [10, 9, 6, 6, 6, 5, 5, 5, 7];
  console.log(`\nRole/goal/benefit spans on the Dalpiaz backlogs (${result.parts.stories} stories)`);
  console.log(row(['part', 'match', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'gold'], pw));
  for (const p of ['role', 'goal', 'benefit'] as const) {
    console.log(row([p, 'exact', ...scoreCells(result.parts.exact[p])], pw));
    console.log(row([p, 'overlap', ...scoreCells(result.parts.overlap[p])], pw));
  }
  console.log(`\n(${Math.round(ms)} ms)`);
}

main();
