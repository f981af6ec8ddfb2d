/**
 * The agent's issue and project actions: an issue's readiness (the check behind the issue panel, with the
 * checker's suggestions per weak criterion), the vision (the Vision tab's board, and which top issues of the
 * value order serve no active goal) and a vision note (the Vision tab's "add note"), all as the asking user.
 */
import { modelLabel } from '../../core/scoring';
import { ageInDays, QUESTIONS_PROPERTY, readQuestionsProperty } from '../../core/questions';
import type { Finding } from '../../core/criteria';
import { readAndCheck } from '../readiness';
import type { JiraIssue } from '../../jira/schemas';
import { analyzeBoard, prioritizedItems } from '../prioritize/analyze';
import { backlogCoverage } from '../prioritize/preview';
import { addNote, get as getVision } from '../vision/service';
import { AppError } from '../../shared/errors';
import type { AgentInput } from './api';
import { answer } from './answer';
import type { AgentDeps } from './board-actions';
import { boardScope, boardWords, type BoardScope } from './scope';

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The issue's open questions for the PO (its `valuerank-questions` property, as read with the issue). */
function openQuestionsOf(deps: AgentDeps, issue: JiraIssue) {
  const property = readQuestionsProperty(issue.properties?.[QUESTIONS_PROPERTY]);
  const now = (deps.now?.() ?? new Date()).getTime();
  const open = property?.open ?? 0;
  const questions = (property?.questions ?? []).slice(0, 5).map((q) => ({
    asked: q.asked,
    ageDays: ageInDays(q.asked, now),
    text: clip(q.text, 200),
  }));
  const oldest = property?.oldest ? ageInDays(property.oldest, now) : undefined;
  const line =
    open === 0
      ? 'Open questions for the PO: none.'
      : `Open questions for the PO: ${open} open${oldest !== undefined ? `, the oldest asked ${oldest} day${oldest === 1 ? '' : 's'} ago` : ''}; an open question blocks READY until the PO answers it in the issue's acceptance criteria panel: ${questions.map((q) => JSON.stringify(q.text)).join('; ')}.`;
  return { open, questions, line };
}

const findingFacts = (f: Finding) => ({
  kind: f.kind,
  severity: f.severity,
  message: f.message,
  ...(f.words ? { words: clip(f.words, 80) } : {}),
  suggestion: f.suggestion,
});

export async function readiness(deps: AgentDeps, input: AgentInput<'readiness'>): Promise<string> {
  const { issue, check } = await readAndCheck({ jira: deps.jira, configs: deps.configs }, input.issueKey);
  const asked = openQuestionsOf(deps, issue);
  const perCriterion = check.criteria.slice(0, 30).map((c, n) => {
    const found = check.findings.filter((f) => f.criterion === n);
    return {
      criterion: n + 1,
      text: clip(c.text),
      weak: found.length > 0,
      findings: found.slice(0, 5).map(findingFacts),
      suggestions: [...new Set(found.map((f) => f.suggestion))].slice(0, 5),
    };
  });
  const general = check.findings.filter((f) => f.criterion === undefined).slice(0, 10);
  const weak = perCriterion.filter((c) => c.weak);
  const reasons = check.verdict.reasons ?? [];
  const lines = [
    `${check.issueKey} ${JSON.stringify(clip(check.summary, 80))} is ${check.verdict.ready ? 'READY' : 'NOT READY'} (quality ${check.score}/100, ${check.criteria.length} acceptance criteria).`,
    ...(reasons.length ? [`Not ready because: ${reasons.join('; ')}.`] : []),
    ...general.map((f) => `Issue: ${f.message} — suggestion: ${f.suggestion}`),
    ...weak.map(
      (c) =>
        `Criterion ${c.criterion} ${JSON.stringify(clip(c.text, 80))}: ${c.findings.map((f) => f.message).join('; ')} — suggestion: ${c.suggestions.join(' ')}`,
    ),
    asked.line,
  ];
  return answer('readiness', lines, {
    issueKey: check.issueKey,
    summary: clip(check.summary, 120),
    issueType: check.issueType ?? null,
    ready: check.verdict.ready,
    quality: check.score,
    reasons,
    blocking: check.verdict.blocking.slice(0, 10).map(findingFacts),
    progress: check.progress,
    criteria: perCriterion,
    issueFindings: general.map(findingFacts),
    openQuestionCount: asked.open,
    openQuestions: asked.questions,
  });
}

export async function vision(deps: AgentDeps, input: AgentInput<'vision'>): Promise<string> {
  const projectKey = input.projectKey ?? deps.context?.jira?.projectKey;
  let scope: BoardScope | undefined;
  if (input.boardId !== undefined)
    scope = await boardScope(deps.jira, { boardId: input.boardId }, 'the vision');
  const project = projectKey ?? scope?.board.projectKey;
  if (!project)
    throw new AppError(
      'invalid-payload',
      'Name a project (projectKey) or a board (boardId) to read its vision.',
    );
  const view = await getVision({ projectKey: project }, deps);
  const board = view.current?.board;
  if (!board) {
    return answer(
      'vision',
      [`Project ${project} has no product vision yet: nobody has saved one in ValueRank.`],
      {
        projectKey: project,
        vision: null,
      },
    );
  }
  const active = board.goals.filter((g) => g.status === 'active');
  const activeIds = new Set(active.map((g) => g.id));
  let top: { lines: string[]; facts: Record<string, unknown> } = {
    lines: [],
    facts: {},
  };
  if (!scope)
    scope = await boardScope(deps.jira, { projectKey: project }, 'the vision').catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not-found') return undefined;
      throw error;
    });
  if (scope) {
    const a = await analyzeBoard(
      { jira: deps.jira, settings: deps.settings, ...(deps.now ? { now: deps.now } : {}) },
      scope.board.id,
      { board: scope.board, otherBoards: false },
    );
    const items = prioritizedItems(a)
      .sort((x, y) => x.targetRank - y.targetRank)
      .slice(0, input.top);
    const goalsOf = (key: string) => (a.vision?.tags.get(key) ?? []).filter((g) => activeIds.has(g));
    const none = items.filter((i) => goalsOf(i.key).length === 0);
    const coverage = backlogCoverage(a);
    top = {
      lines: [
        none.length
          ? `Of the top ${items.length} issues by value on ${boardWords(scope)}, ${none.length} serve no active goal: ${none.map((i) => `${i.key} (position ${i.targetRank}, score ${i.display})`).join(', ')}.`
          : `Every one of the top ${items.length} issues by value on ${boardWords(scope)} serves an active goal.`,
        ...(coverage
          ? [
              `Share of backlog value per active goal: ${coverage.goals.map((g) => `${g.name} ${Math.round(g.share * 100)}%`).join(', ')}; serving no goal ${Math.round(coverage.unaligned.share * 100)}%.`,
            ]
          : []),
      ],
      facts: {
        board: { id: scope.board.id, name: scope.board.name, projectKey: scope.board.projectKey },
        model: modelLabel(a.model),
        top: items.map((i) => ({
          position: i.targetRank,
          key: i.key,
          summary: clip(i.summary, 120),
          score: i.score,
          display: i.display,
          goals: goalsOf(i.key),
        })),
        serveNoGoal: none.map((i) => i.key),
        ...(coverage
          ? {
              coverage: {
                goals: coverage.goals.map((g) => ({
                  id: g.goalId,
                  name: g.name,
                  count: g.count,
                  share: g.share,
                })),
                unaligned: { count: coverage.unaligned.count, share: coverage.unaligned.share },
              },
            }
          : {}),
      },
    };
  }
  const lines = [
    `Vision of ${project} (version ${view.version}): ${board.visionStatement || '(no statement)'}`,
    `Active goals: ${active.length ? active.map((g) => `${g.name} [${g.id}] (weight ${g.weight}${g.target ? `, target: ${g.target}` : ''})`).join('; ') : 'none'}.`,
    ...top.lines,
    ...(scope
      ? []
      : [`Project ${project} has no board you can see, so no issues were checked against the goals.`]),
  ];
  return answer('vision', lines, {
    projectKey: project,
    version: view.version,
    vision: {
      statement: board.visionStatement,
      targetGroup: clip(board.targetGroup, 300),
      needs: clip(board.needs, 300),
      product: clip(board.product, 300),
      goals: board.goals.map((g) => ({
        id: g.id,
        name: g.name,
        target: g.target,
        status: g.status,
        weight: g.weight,
      })),
    },
    ...top.facts,
  });
}

export async function note(deps: AgentDeps, input: AgentInput<'note'>): Promise<string> {
  const added = await addNote(
    {
      projectKey: input.projectKey,
      note: {
        type: input.type,
        title: input.title,
        text: input.text,
        tags: ['rovo'],
        issueKeys: input.issueKeys,
      },
    },
    deps,
  );
  const lines = [
    `Added a ${input.type} note "${clip(added.note.title, 80)}" to the vision of ${input.projectKey}, by ${added.note.authorName}.`,
    ...(added.note.issueKeys.length ? [`About: ${added.note.issueKeys.join(', ')}.`] : []),
  ];
  return answer('note', lines, {
    projectKey: input.projectKey,
    note: {
      id: added.note.id,
      type: added.note.type,
      title: added.note.title,
      issueKeys: added.note.issueKeys,
      tags: added.note.tags,
      createdAt: added.note.createdAt,
    },
    published: added.published,
  });
}
