/**
 * `valuerank score` (every backlog issue's score, best first, or why it is unscored) and `valuerank reorder`
 * (the board's Jira rank by score, with the fewest rank calls, then checked), over the app's analysis with no
 * saved settings: the proposed mapping and the model --model names.
 */
import { planRank, sameOrder } from '../core/rank-plan';
import { MODELS, type ModelConfig } from '../core/scoring';
import { analyzeBoard, backlogKeys, prioritizedItems, type Analysis } from '../features/prioritize/analyze';
import { rightsIn } from '../features/prioritize/board';
import { runRankCalls, type FailedIssue } from '../features/prioritize/execute';
import { modelLabel, parseModelName } from '../features/prioritize/model';
import { callView } from '../features/prioritize/preview';
import { noSettings } from '../features/prioritize/sources';
import type { JiraClient } from '../jira/client';
import { AppError } from '../shared/errors';
import { requireBoard, type Values } from './args';
import { SilentFailure, UsageError } from './errors';
import { counted, printJson, table, type Io } from './output';
import { clientFor } from './site';

/** The model --model names (none: the app's default); bad usage for a name no model has. */
function modelOption(values: Values): ModelConfig | undefined {
  if (values.model === undefined) return undefined;
  const model = parseModelName(values.model);
  if (!model)
    throw new UsageError(
      `Unknown model ${JSON.stringify(values.model)}; try ${Object.keys(MODELS)
        .filter((k) => k !== 'custom')
        .join(', ')}, moscow:<model> or custom:<formula>`,
    );
  return model;
}

/** The board's analysis by the app's service; a model that cannot score (a bad formula) is bad usage. */
async function analysisFor(values: Values, io: Io): Promise<{ jira: JiraClient; analysis: Analysis }> {
  const boardId = requireBoard(values);
  const model = modelOption(values);
  const jira = clientFor(values, io.env);
  try {
    const analysis = await analyzeBoard({ jira, settings: noSettings }, boardId, {
      model,
      otherBoards: false,
    });
    return { jira, analysis };
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid-payload') throw new UsageError(error.message);
    throw error;
  }
}

export async function score(values: Values, io: Io): Promise<void> {
  const { analysis: a } = await analysisFor(values, io);
  const items = prioritizedItems(a).sort((x, y) => x.targetRank - y.targetRank);
  if (values.json) {
    const out = items.map((item) => ({
      key: item.key,
      summary: item.summary,
      rank: item.rank,
      targetRank: item.targetRank,
      score: item.score,
      display: item.display,
      ...(item.reason !== undefined ? { reason: item.reason } : {}),
      ...(item.bucket !== undefined ? { bucket: item.bucket } : {}),
      inputs: Object.fromEntries(item.explanation.inputs.map((r) => [r.name, r.value])),
      model: a.model.kind,
    }));
    return printJson(io, out);
  }
  const unscored = items.filter((i) => i.score === null).length;
  io.stdout.write(
    `${a.board.name}: ${items.length} issues scored with ${modelLabel(a.model)} (${a.mappingProposed ? 'proposed mapping' : 'saved mapping'}); ${unscored} unscored\n`,
  );
  io.stdout.write(
    table([
      ['TARGET', 'RANK', 'KEY', 'SCORE', 'SUMMARY'],
      ...items.map((i) => [
        String(i.targetRank),
        String(i.rank),
        i.key,
        i.display,
        i.score === null ? `${i.summary} (unscored: ${i.reason ?? ''})` : i.summary,
      ]),
    ]),
  );
}

export async function reorder(values: Values, io: Io): Promise<void> {
  const { jira, analysis: a } = await analysisFor(values, io);
  if (a.issues.length > 0 && a.scores.every((s) => s.status === 'unscored')) {
    const first = a.scores.find((s) => s.status === 'unscored');
    throw new Error(
      `${modelLabel(a.model)} scores none of the ${a.issues.length} issues of ${a.board.name}${first?.status === 'unscored' && first.reason ? ` (${first.key}: ${first.reason})` : ''}; nothing was changed: pick another --model, or fill in the fields it reads (valuerank score shows why each issue is unscored)`,
    );
  }
  const plan = planRank(a.before, a.after);
  const dryRun = values['dry-run'] === true;
  const calls = plan.calls.map((c) => ({ ...callView(c), anchor: (c.before ?? c.after) as string }));
  let applied: { failed: FailedIssue[]; requests: number; final: string[]; verified: boolean } | undefined;
  if (!dryRun && plan.calls.length > 0) {
    if (!(await rightsIn(jira, a.board.projectKey)).canRank)
      throw new Error(
        `You need the Schedule Issues and Edit Issues permissions in ${a.board.projectKey} to reorder its backlog; nothing was changed`,
      );
    const result = await runRankCalls(jira, plan.calls, {
      rankCustomFieldId: a.board.rankCustomFieldId,
      keyById: new Map(a.issues.map((i) => [i.id, i.key] as const)),
    });
    const final = await backlogKeys(jira, a.board.id);
    applied = { ...result, final, verified: sameOrder(final, a.after) };
  } else if (!dryRun) applied = { failed: [], requests: 0, final: a.before, verified: true };

  if (values.json) {
    printJson(io, {
      board: { id: a.board.id, name: a.board.name, projectKey: a.board.projectKey },
      model: a.model,
      dryRun,
      before: a.before,
      after: a.after,
      moved: plan.moved,
      calls,
      naive: { perMovedIssue: plan.moved, chunksOf50: Math.ceil(a.before.length / 50) },
      ...(applied
        ? {
            requests: applied.requests,
            failed: applied.failed,
            verified: applied.verified,
            final: applied.final,
          }
        : {}),
    });
  } else {
    io.stdout.write(
      `${a.board.name}: ${a.before.length} issues by ${modelLabel(a.model)}; ${plan.moved} to move with ${counted(plan.calls.length, 'rank call')} (one call per moved issue would take ${plan.moved}).\n`,
    );
    calls.forEach((c, i) =>
      io.stdout.write(
        `${i + 1}. ${counted(c.issues.length, 'issue')} ${c.before !== undefined ? 'before' : 'after'} ${c.anchor}: ${c.issues.join(' ')}\n`,
      ),
    );
    if (dryRun) io.stdout.write('Dry run: nothing was changed.\n');
    else if (applied?.verified) io.stdout.write('Done: Jira shows exactly the planned order.\n');
  }
  if (applied && !applied.verified) {
    const refused = applied.failed.map((f) => `${f.key} (${f.errors.join(' ') || 'refused'})`).join(', ');
    io.stderr.write(
      `valuerank: the final order is not the planned one${refused ? `; Jira refused to rank ${refused}` : ''}\n`,
    );
    throw new SilentFailure();
  }
}
