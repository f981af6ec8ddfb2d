/**
 * The agent's board actions, each one call of the app's own services as the asking user: the ranking and
 * the explanation come from Prioritize's analysis (the scores, explanations and value order its screen
 * shows), the agenda from the readiness check of every backlog item and core `refinementAgenda` (the health
 * gadget's), the pin from Prioritize's `pinIssue`.
 */
import { refinementAgenda, type HealthItem } from '../../core/health';
import { comparable, modelLabel, reversals, type Score, type ScoredScore } from '../../core/scoring';
import { toBacklogItem } from '../../core/backlog/items';
import type { Caller } from '../../shared/caller';
import { AppError } from '../../shared/errors';
import { QUESTIONS_PROPERTY } from '../../core/questions';
import { checkJiraIssue, fieldsFor as criteriaFields, type ConfigSource } from '../readiness';
import { openQuestionsIn } from '../questions';
import { analyzeBoard, prioritizedItems, type Analysis } from '../prioritize/analyze';
import { pinIssue } from '../prioritize/settings';
import type { SettingsSource } from '../prioritize/sources';
import type { PrioritizedItem } from '../prioritize/api';
import { AGENT_LIMITS, type AgentInput, type RovoContext } from './api';
import { answer } from './answer';
import { boardScope, boardWords, projectOfKey, type BoardScope } from './scope';

export interface AgentDeps extends Caller {
  settings: SettingsSource;
  configs: ConfigSource;
  /** Today (default: the clock). */
  now?: () => Date;
  /** Where Rovo was opened (an issue or project page), for a project nobody named. */
  context?: RovoContext;
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const quoted = (s: string) => `"${clip(s, 80)}"`;

const analysisOf = (deps: AgentDeps, scope: BoardScope, extraFields?: string[]) =>
  analyzeBoard(
    { jira: deps.jira, settings: deps.settings, ...(deps.now ? { now: deps.now } : {}) },
    scope.board.id,
    { board: scope.board, otherBoards: false, ...(extraFields ? { extraFields } : {}) },
  );

const byValue = (a: Analysis): PrioritizedItem[] =>
  prioritizedItems(a).sort((x, y) => x.targetRank - y.targetRank);

/** The inputs as `label: value` (null when missing), in the formula's order. */
const inputsOf = (item: PrioritizedItem): Record<string, number | null> =>
  Object.fromEntries(item.explanation.inputs.map((i) => [i.label, i.value]));

/** The one-line reason for an item's place, in the app's words. */
export function reasonOf(item: PrioritizedItem, model: string): string {
  const parts =
    item.score === null
      ? [`unscored (${item.reason ?? 'no score'}): unscored issues go to the bottom`]
      : [`${model} ${item.explanation.result} = ${item.explanation.substituted}`];
  if (item.pinned) parts.push('pinned: keeps its place in the backlog');
  if (item.lifted) parts.push(`lifted above higher scores because it blocks ${item.blocks.join(', ')}`);
  if (item.tie) parts.push('tied with another issue: the current backlog order decides between them');
  return parts.join('; ');
}

const row = (item: PrioritizedItem, model: string) => ({
  position: item.targetRank,
  currentRank: item.rank,
  key: item.key,
  summary: clip(item.summary),
  status: item.status,
  score: item.score,
  display: item.display,
  formula: item.explanation.formula,
  substituted: item.explanation.substituted,
  inputs: inputsOf(item),
  reason: reasonOf(item, model),
  ...(item.pinned ? { pinned: true } : {}),
  ...(item.blocks.length ? { blocks: item.blocks.slice(0, 10) } : {}),
});

const boardFacts = (scope: BoardScope) => ({
  board: { id: scope.board.id, name: scope.board.name, projectKey: scope.board.projectKey },
  ...(scope.chosen
    ? { boardChosen: `No board was named: the first board of ${scope.board.projectKey}.` }
    : {}),
});

const projectFromContext = (deps: AgentDeps, named?: string) => named ?? deps.context?.jira?.projectKey;

export async function ranking(deps: AgentDeps, input: AgentInput<'ranking'>): Promise<string> {
  const scope = await boardScope(
    deps.jira,
    { boardId: input.boardId, projectKey: projectFromContext(deps, input.projectKey) },
    'the ranking',
  );
  const a = await analysisOf(deps, scope);
  const model = modelLabel(a.model);
  const top = byValue(a).slice(0, input.limit);
  const lines = [
    `Top ${top.length} of ${a.issues.length} backlog issues on ${boardWords(scope)} by business value (${model}), as ValueRank's Prioritize view orders them:`,
    ...top.map(
      (i) =>
        `${i.targetRank}. ${i.key} ${quoted(i.summary)} — score ${i.display}${i.score === null ? '' : ` (${i.explanation.formula} = ${i.explanation.substituted})`}${i.pinned ? ', pinned' : ''}${i.lifted ? `, lifted (blocks ${i.blocks.join(', ')})` : ''}${i.tie ? ', tied' : ''}${i.rank !== i.targetRank ? `; now at ${i.rank} in the backlog` : ''}`,
    ),
  ];
  return answer('ranking', lines, {
    ...boardFacts(scope),
    model,
    total: a.issues.length,
    unscored: a.scores.filter((s) => s.status === 'unscored').length,
    items: top.map((i) => row(i, model)),
  });
}

/** Why one place is above the other, in the order's own rules (targetOrder: pins, blocks, score, ties). */
function whyAbove(h: PrioritizedItem, l: PrioritizedItem, hs: Score, ls: Score): string[] {
  const why: string[] = [];
  if (h.pinned) why.push(`${h.key} is pinned: it keeps its place in the backlog.`);
  if (l.pinned) why.push(`${l.key} is pinned: it keeps its place in the backlog.`);
  if (h.blocks.includes(l.key))
    why.push(`${h.key} blocks ${l.key}, and a blocker goes above what it blocks.`);
  else if (h.lifted)
    why.push(`${h.key} is lifted above higher scores because it blocks ${h.blocks.join(', ')}.`);
  if (hs.status === 'scored' && ls.status === 'unscored')
    why.push(`${l.key} is unscored (${l.reason ?? 'no score'}); unscored issues go to the bottom.`);
  else if (hs.status === 'scored' && ls.status === 'scored') {
    const hv = comparable(hs.value);
    const lv = comparable(ls.value);
    if (h.explanation.result !== l.explanation.result || hv !== lv) {
      if (hv > lv || (hs.bucket && ls.bucket && hs.bucket !== ls.bucket))
        why.push(`${h.key} scores ${h.explanation.result}, ${l.key} scores ${l.explanation.result}.`);
      else
        why.push(
          `${l.key} scores more (${l.explanation.result} against ${h.explanation.result}), but the rules above put ${h.key} first.`,
        );
    } else
      why.push(`They are tied at ${h.explanation.result}; the current backlog order keeps ${h.key} first.`);
  }
  return why;
}

export async function explain(deps: AgentDeps, input: AgentInput<'explain'>): Promise<string> {
  if (input.higher === input.lower)
    throw new AppError('invalid-payload', `Name two different issues; both were ${input.higher}.`);
  const scope = await boardScope(
    deps.jira,
    { boardId: input.boardId, projectKey: projectOfKey(input.higher) },
    'why one issue ranks above another',
  );
  const a = await analysisOf(deps, scope);
  const items = prioritizedItems(a);
  const find = (key: string) => {
    const at = items.findIndex((i) => i.key === key);
    if (at < 0)
      throw new AppError(
        'not-found',
        `${key} is not in the backlog of ${boardWords(scope)}: it may be done, in a sprint, on another board, or hidden from you.`,
      );
    return { item: items[at] as PrioritizedItem, score: a.scores[at] as Score };
  };
  const asked = [find(input.higher), find(input.lower)];
  const [hi, lo] = [...asked].sort((x, y) => x.item.targetRank - y.item.targetRank) as [
    (typeof asked)[number],
    (typeof asked)[number],
  ];
  const model = modelLabel(a.model);
  const names = [
    ...new Set([...hi.item.explanation.inputs, ...lo.item.explanation.inputs].map((i) => i.label)),
  ];
  const value = (item: PrioritizedItem, label: string) =>
    item.explanation.inputs.find((i) => i.label === label)?.value ?? null;
  const side = names.map((label) => ({
    input: label,
    [hi.item.key]: value(hi.item, label),
    [lo.item.key]: value(lo.item, label),
  }));
  const why = whyAbove(hi.item, lo.item, hi.score, lo.score);
  const changes =
    hi.score.status === 'scored' && lo.score.status === 'scored'
      ? reversals(hi.score as ScoredScore, lo.score as ScoredScore, {
          model: a.model,
          mapping: a.mapping,
        }).slice(0, 6)
      : [];
  const changeWords = changes.map(
    (c) =>
      `If ${c.key}'s ${c.label} went from ${c.from} to ${c.to} (${c.steps} step${c.steps === 1 ? '' : 's'} on its scale), it would score ${c.display}, ${c.key === lo.item.key ? `above ${hi.item.key}'s ${hi.item.explanation.result}` : `below ${lo.item.key}'s ${lo.item.explanation.result}`}.`,
  );
  const swapped = hi.item.key !== input.higher;
  const lines = [
    swapped
      ? `${input.higher} is NOT above ${input.lower} on ${boardWords(scope)}: ${hi.item.key} is at ${hi.item.targetRank}, ${lo.item.key} at ${lo.item.targetRank} in value order (${model}).`
      : `${hi.item.key} (position ${hi.item.targetRank}) is above ${lo.item.key} (position ${lo.item.targetRank}) on ${boardWords(scope)} in value order (${model}).`,
    `Formula: ${hi.item.explanation.formula}. ${hi.item.key}: ${hi.item.explanation.substituted} = ${hi.item.display}; ${lo.item.key}: ${lo.item.explanation.substituted} = ${lo.item.display}.`,
    `Why: ${why.join(' ')}`,
    changeWords.length
      ? `What would change it: ${changeWords.join(' ')}`
      : 'What would change it: no single input change on its scale reverses these two by score.',
  ];
  return answer('explain', lines, {
    ...boardFacts(scope),
    model,
    asked: { higher: input.higher, lower: input.lower },
    askedOrderHolds: !swapped,
    higher: row(hi.item, model),
    lower: row(lo.item, model),
    formula: hi.item.explanation.formula,
    inputs: side,
    why,
    whatWouldChange: changes.map(({ key, input: name, label, from, to, steps, display }) => ({
      key,
      input: name,
      label,
      from,
      to,
      steps,
      newScore: display,
    })),
    ...(changes.length === 0
      ? { note: 'No single input change on its scale reverses these two by score.' }
      : {}),
  });
}

const DAY_MS = 86_400_000;

export async function agenda(deps: AgentDeps, input: AgentInput<'agenda'>): Promise<string> {
  const scope = await boardScope(
    deps.jira,
    { boardId: input.boardId, projectKey: projectFromContext(deps, input.projectKey) },
    'the refinement agenda',
  );
  const config = await deps.configs.config(scope.board.projectKey);
  const [a, questions] = await Promise.all([
    analysisOf(deps, scope, [...criteriaFields(config), 'updated']),
    openQuestionsIn(deps.jira, scope.board.projectKey),
  ]);
  const now = deps.now?.() ?? new Date();
  const facts = new Map<string, { blocking: string[]; staleDays?: number }>();
  const items: HealthItem[] = a.issues.map((issue, i) => {
    const score = a.scores[i];
    const asked = questions.get(issue.key);
    // Open questions block readiness as in the issue panel, and lead the agenda.
    const check = checkJiraIssue(
      asked ? { ...issue, properties: { ...issue.properties, [QUESTIONS_PROPERTY]: asked } } : issue,
      config,
    );
    const finding = check.verdict.blocking[0] ?? check.findings[0];
    const updated = typeof issue.fields.updated === 'string' ? Date.parse(issue.fields.updated) : NaN;
    const days = Number.isFinite(updated) ? Math.floor((now.getTime() - updated) / DAY_MS) : undefined;
    facts.set(issue.key, {
      blocking: (check.verdict.reasons ?? []).slice(0, 3),
      ...(days !== undefined && days >= AGENT_LIMITS.staleDays ? { staleDays: days } : {}),
    });
    return {
      key: issue.key,
      summary: toBacklogItem(issue, { estimationFieldId: a.board.estimationFieldId }).summary,
      score: score?.status === 'scored' ? score.value : null,
      storyPoints: null,
      ready: check.verdict.ready,
      topFinding: finding ? { kind: finding.kind, message: finding.message } : undefined,
      ...(asked ? { openQuestions: asked.open } : {}),
    };
  });
  const entries = refinementAgenda(items, input.limit);
  const model = modelLabel(a.model);
  const display = new Map(prioritizedItems(a).map((i) => [i.key, i.display] as const));
  const notReady = items.filter((i) => i.ready === false).length;
  const lines = [
    entries.length
      ? `Refine next on ${boardWords(scope)}: the ${entries.length} highest-value issues (${model}) that are not ready${entries.some((e) => e.openQuestions > 0) ? ', those waiting for answers from the PO first' : ''}.`
      : `Nothing to refine on ${boardWords(scope)}: every scored issue is ready.`,
    ...entries.map((e) => {
      const f = facts.get(e.key);
      return `${e.position}. ${e.key} ${quoted(e.summary)} — score ${display.get(e.key) ?? e.score}, not ready${e.finding ? `: ${e.finding.message.replace(/\.$/, '')}` : ''}${e.openQuestions > 0 ? `; ${e.openQuestions} open question${e.openQuestions === 1 ? '' : 's'} for the PO` : ''}${f?.staleDays !== undefined ? `; stale, not updated for ${f.staleDays} days` : ''}`;
    }),
  ];
  return answer('agenda', lines, {
    ...boardFacts(scope),
    model,
    backlog: { total: items.length, notReady, ready: items.length - notReady },
    staleAfterDays: AGENT_LIMITS.staleDays,
    agenda: entries.map((e) => {
      const f = facts.get(e.key);
      return {
        position: e.position,
        key: e.key,
        summary: clip(e.summary),
        score: e.score,
        display: display.get(e.key) ?? String(e.score),
        ready: false,
        finding: e.finding?.message ?? null,
        openQuestions: e.openQuestions,
        blocking: f?.blocking ?? [],
        ...(f?.staleDays !== undefined ? { staleDays: f.staleDays } : {}),
      };
    }),
  });
}

export async function pin(deps: AgentDeps, input: AgentInput<'pin'>): Promise<string> {
  const scope = await boardScope(
    deps.jira,
    { boardId: input.boardId, projectKey: projectOfKey(input.issueKey) },
    'pins',
  );
  const pinned = await pinIssue(
    { jira: deps.jira, settings: deps.settings },
    {
      boardId: scope.board.id,
      key: input.issueKey,
      pinned: input.pinned,
      projectKey: scope.board.projectKey,
    },
  );
  const lines = [
    input.pinned
      ? `${input.issueKey} is now pinned on ${boardWords(scope)}: reordering by value keeps it where it is in the backlog.`
      : `${input.issueKey} is no longer pinned on ${boardWords(scope)}: reordering by value places it by its score.`,
    `Pinned on this board: ${pinned.length ? pinned.slice(0, 50).join(', ') : 'none'}.`,
  ];
  return answer('pin', lines, {
    ...boardFacts(scope),
    issueKey: input.issueKey,
    pinnedNow: input.pinned,
    pinned: pinned.slice(0, 50),
  });
}
