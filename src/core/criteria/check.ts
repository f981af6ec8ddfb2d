/**
 * Checking an issue's acceptance criteria like a sharp reviewer: testability smells and structure per
 * criterion, duplicates, count bounds, the user story statement; then the readiness verdict, a 0–100
 * quality score and task progress. Pure and deterministic; the work is capped for huge descriptions.
 */
import { DEFAULT_CONFIG, type CriteriaConfig } from './config';
import { findCriteria, type Found } from './find';
import { normalise, tokenize, type Token } from './nlp';
import { detectSmells, SMELL_TEXT, type SmellMatch } from './smells';
import { checkStory, looksLikeStory } from './story';
import {
  contentTokens,
  coordinations,
  gwtProblems,
  overlap,
  substantialSentences,
  unmeasuredClaim,
} from './structure';
import {
  type CheckResult,
  type Criterion,
  type Finding,
  type FindingKind,
  type Severity,
  type SmellKind,
} from './types';
import { judge, type Subject } from './verdict';

export interface IssueInput {
  summary?: unknown;
  /** The description: an ADF document, or wiki markup / Markdown / plain text. */
  description?: unknown;
  /** The value of the project's acceptance-criteria custom field, if any (ADF or text). */
  criteriaField?: unknown;
  /** The issue type name ("Story", "Bug", ...). */
  issueType?: unknown;
  /** Open questions for the Product Owner on the issue (the `valuerank-questions` property's `open`). */
  openQuestions?: number;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

class Findings {
  readonly list: Finding[] = [];
  constructor(private readonly config: CriteriaConfig) {}

  severity(kind: FindingKind): Severity | undefined {
    const s = this.config.severity[kind];
    return s === 'off' ? undefined : s;
  }

  add(kind: FindingKind, f: Omit<Finding, 'kind' | 'severity'>, severity?: Severity): void {
    const s = this.severity(kind);
    if (!s) return;
    this.list.push({ kind, severity: severity ?? s, ...f });
  }

  /** A finding that states why a readiness condition fails: reported even when its kind is off (as info). */
  condition(kind: FindingKind, f: Omit<Finding, 'kind' | 'severity'>): void {
    this.list.push({ kind, severity: this.severity(kind) ?? 'info', ...f });
  }
}

/** Order in which a word flagged by several smells is reported (the others go in `detail`). */
const SMELL_PRIORITY: readonly SmellKind[] = [
  'loophole',
  'open-ended',
  'subjective',
  'superlative',
  'comparative',
  'ambiguous',
  'vague-pronoun',
  'uncertain-verb',
  'negative',
];

function smellFindings(out: Findings, index: number, matches: readonly SmellMatch[]): void {
  const bySpan = new Map<string, SmellMatch[]>();
  for (const m of matches) {
    const key = `${m.start}:${m.end}`;
    const list = bySpan.get(key);
    if (list) list.push(m);
    else bySpan.set(key, [m]);
  }
  for (const group of bySpan.values()) {
    const kinds = SMELL_PRIORITY.filter((k) => group.some((m) => m.smell === k) && out.severity(k));
    const kind = kinds[0];
    if (!kind) continue;
    const m = group[0] as SmellMatch;
    const severity = kinds
      .map((k) => out.severity(k) as Severity)
      .reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
    out.add(
      kind,
      {
        criterion: index,
        words: m.words,
        start: m.start,
        end: m.end,
        message: SMELL_TEXT[kind].message(m.words),
        suggestion: SMELL_TEXT[kind].suggestion(m.words),
        ...(kinds.length > 1 ? { detail: `also: ${kinds.slice(1).join(', ')}` } : {}),
      },
      severity,
    );
  }
}

function structureFindings(
  out: Findings,
  index: number,
  c: Criterion,
  text: string,
  tokens: readonly Token[],
  config: CriteriaConfig,
): void {
  if (c.steps && c.steps.length > 0) {
    const configured = out.severity('gwt-incomplete');
    for (const p of gwtProblems(c.steps, config.gwt.requireGiven))
      out.add(
        'gwt-incomplete',
        {
          criterion: index,
          ...(p.step
            ? { words: p.step.text, start: p.step.start, end: p.step.start + p.step.text.length }
            : {}),
          message: p.message,
          suggestion: p.suggestion,
          detail: p.detail,
        },
        // a missing Given (the context) is often implicit: at most a warning
        p.detail === 'missing-given' && configured === 'error' ? 'warning' : undefined,
      );
    const whens = c.steps.filter((s) => s.keyword === 'when');
    const second = whens[1];
    if (second)
      out.add('not-atomic', {
        criterion: index,
        words: second.text,
        start: second.start,
        end: second.start + second.text.length,
        message: 'The scenario has more than one When: it tests more than one behaviour.',
        suggestion: 'Split it into one scenario per action.',
        detail: 'several-when',
      });
  } else {
    const sentences = substantialSentences(text, tokens);
    const second = sentences[1];
    if (second)
      out.add('not-atomic', {
        criterion: index,
        words: text.slice(second.start, second.end),
        start: second.start,
        end: second.end,
        message: `The criterion has ${sentences.length} sentences: it likely states more than one behaviour.`,
        suggestion: 'Make each sentence its own criterion.',
        detail: 'sentences',
      });
    else {
      const join = coordinations(text, tokens)[0];
      if (join)
        out.add('not-atomic', {
          criterion: index,
          words: join.words,
          start: join.start,
          end: join.end,
          message: `"${join.words}" joins two ${join.joins === 'clauses' ? 'statements' : 'actions'}: the criterion checks more than one behaviour.`,
          suggestion: 'Split it into one criterion per behaviour, so that each can pass or fail on its own.',
          detail: join.joins,
        });
    }
  }
  const claim = unmeasuredClaim(text, tokens);
  if (claim)
    out.add('not-measurable', {
      criterion: index,
      words: claim.text,
      start: claim.start,
      end: claim.end,
      message: `"${claim.text}" claims a quality with no number to test it against.`,
      suggestion: 'Give a number and unit (e.g. "within 2 s for 95% of requests", "in at most 3 clicks").',
    });
}

/** Per-criterion and duplicate findings of a list of criteria (the first `limits.maxCriteria`). */
export function checkCriteria(
  criteria: readonly Criterion[],
  config: CriteriaConfig = DEFAULT_CONFIG,
): Finding[] {
  const out = new Findings(config);
  const checked = criteria.slice(0, config.limits.maxCriteria);
  const seen: { index: number; norm: string; tokens: Set<string> }[] = [];
  checked.forEach((c, index) => {
    const text = c.text.slice(0, config.limits.maxCriterionChars);
    const tokens = tokenize(text);
    smellFindings(out, index, detectSmells(text, config, tokens));
    structureFindings(out, index, c, text, tokens, config);
    const norm = normalise(text);
    const content = contentTokens(norm);
    const dup = seen.find(
      (s) =>
        s.norm === norm ||
        (content.size >= 3 &&
          s.tokens.size >= 3 &&
          // Jaccard ≥ t needs the smaller set to be at least t times the larger: skip the rest cheaply
          Math.min(s.tokens.size, content.size) >=
            config.duplicateOverlap * Math.max(s.tokens.size, content.size) &&
          overlap(s.tokens, content) >= config.duplicateOverlap),
    );
    if (dup && norm !== '')
      out.add('duplicate', {
        criterion: index,
        message: `Criterion ${index + 1} repeats criterion ${dup.index + 1}${dup.norm === norm ? '' : ' almost word for word'}.`,
        suggestion: 'Remove one of them, or state what differs.',
        detail: `of:${dup.index}`,
      });
    seen.push({ index, norm, tokens: content });
  });
  return out.list;
}

/** The user story statement: the summary, or the first "As a …" line of the description. */
function storyStatement(
  summary: string,
  preamble: readonly string[],
): { text: string; origin: 'summary' | 'description' } | undefined {
  if (looksLikeStory(summary)) return { text: summary.trim(), origin: 'summary' };
  for (let i = 0; i < preamble.length; i++) {
    const line = (preamble[i] ?? '').trim();
    if (!/^[\s"'“*_>#-]*as\s+(?:an?|the)\s+\S/i.test(line)) continue;
    let text = line;
    for (let k = i + 1; k < Math.min(preamble.length, i + 3); k++) {
      const next = (preamble[k] ?? '').trim();
      if (!/^[\s*_]*(?:i|we)\s+(?:want|need|would|can|'d)|^[\s*_]*(?:so\s+that|so\b|in\s+order)/i.test(next))
        break;
      text += ` ${next}`;
    }
    return { text, origin: 'description' };
  }
  return undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function safeFind(source: unknown, config: CriteriaConfig, whole: boolean): Found {
  try {
    return findCriteria(source, config, { whole });
  } catch {
    return {
      criteria: [],
      section: false,
      format: 'none',
      problems: [{ detail: 'bad-node', message: 'The description could not be read.' }],
      preamble: [],
    };
  }
}

/** Finds and checks the acceptance criteria of one issue. Never throws. */
export function checkIssue(input: IssueInput, config: CriteriaConfig = DEFAULT_CONFIG): CheckResult {
  try {
    return check(input, config);
  } catch (error) {
    const f: Finding = {
      kind: 'unreadable',
      severity: 'error',
      message: `Cannot read the description: ${error instanceof Error ? error.message : 'unexpected content'}.`,
      suggestion: 'Open the issue in Jira and save the description again, or simplify its formatting.',
      detail: 'internal',
    };
    return {
      criteria: [],
      findings: [f],
      verdict: { ready: false, blocking: [f], reasons: [f.message] },
      score: 0,
      progress: { done: 0, total: 0 },
    };
  }
}

function check(input: IssueInput, config: CriteriaConfig): CheckResult {
  const out = new Findings(config);
  const field = input.criteriaField;
  const fromField = field !== undefined && field !== null ? safeFind(field, config, true) : undefined;
  const fromDescription = safeFind(input.description, config, false);
  const found = fromField && fromField.criteria.length > 0 ? fromField : fromDescription;
  const criteria = found.criteria;
  for (const [where, f] of [
    ['description', fromDescription],
    ['criteria field', fromField],
  ] as const) {
    for (const p of f?.problems ?? []) {
      if (p.detail === 'too-large')
        out.add('truncated', {
          message: p.message,
          suggestion: 'Move long material (logs, specs) to attachments or linked pages.',
          detail: p.detail,
        });
      else
        out.add('unreadable', {
          message: `Cannot read the ${where}: ${p.message}`,
          suggestion: 'Open the issue in Jira and save the description again, or simplify its formatting.',
          detail: p.detail,
        });
    }
  }
  const perCriterion = checkCriteria(criteria, config);
  out.list.push(...perCriterion);
  const max = config.limits.maxCriteria;
  if (criteria.length > max)
    out.add('truncated', {
      message: `Only the first ${max} of ${criteria.length} criteria were checked; the rest were skipped.`,
      suggestion: 'Split the issue: this many criteria means more than one story.',
      detail: 'criteria',
    });
  const long = criteria.slice(0, max).filter((c) => c.text.length > config.limits.maxCriterionChars).length;
  if (long > 0)
    out.add('truncated', {
      message: `${long} criteria are longer than ${config.limits.maxCriterionChars} characters; only their start was checked.`,
      suggestion: 'Keep each criterion to one short, testable statement.',
      detail: 'long-criteria',
    });
  const top = criteria.filter((c) => c.depth === 0).length;
  if (criteria.length === 0)
    out.condition('missing-criteria', {
      message: found.section ? 'The acceptance criteria section is empty.' : 'No acceptance criteria found.',
      suggestion:
        'Add an "Acceptance criteria" heading with one bullet per testable outcome, or Given/When/Then scenarios.',
    });
  else if (top < config.bounds.min)
    out.condition('too-few-criteria', {
      message: `Only ${top} acceptance criteri${top === 1 ? 'on' : 'a'}; at least ${config.bounds.min} expected.`,
      suggestion: 'Cover the main outcome, the edge cases and the error cases.',
    });
  else if (top > config.bounds.max)
    out.add('too-many-criteria', {
      message: `${top} acceptance criteria; at most ${config.bounds.max} expected.`,
      suggestion: 'Split the issue into smaller stories, each with its own criteria.',
    });
  const open = input.openQuestions ?? 0;
  if (open > 0)
    out.add('open-question', {
      message: `${open} open question${open === 1 ? '' : 's'} for the Product Owner.`,
      suggestion: 'Ask the Product Owner to answer in the Questions for the PO panel.',
    });
  let story: CheckResult['story'];
  const summary = text(input.summary);
  const statement = storyStatement(summary, fromDescription.preamble);
  const isStoryType = config.story.issueTypes.some(
    (t) => t.toLowerCase() === text(input.issueType).toLowerCase(),
  );
  if (statement) {
    const checked = checkStory(statement.text, config);
    story = { ...checked.story, text: statement.text, origin: statement.origin };
    out.list.push(...checked.findings);
  } else if (isStoryType && config.story.requireFormat)
    out.add('story-no-role', {
      message: 'This story has no "As a <role>, I want <goal>, so that <benefit>" statement.',
      suggestion:
        'Write the story as "As a <role>, I want <goal>, so that <benefit>" in the summary or description.',
      detail: 'missing-statement',
    });
  const findings = out.list;
  const tasks = criteria.filter((c) => c.kind === 'task');
  return {
    criteria,
    findings,
    ...judge(findings, config, { criteria: top }),
    progress: { done: tasks.filter((t) => t.state === 'DONE').length, total: tasks.length },
    ...(story ? { story } : {}),
  };
}

/** What `checkText` checks a text as: a user story, or one acceptance criterion. */
export type TextKind = 'story' | 'criterion';

/**
 * Checks one text on its own — a user story, or one acceptance criterion — with the same verdict and score
 * as an issue (`verdict.ts`), less the criteria count. An empty text has nothing to check: never Ready.
 * Per-criterion findings keep `criterion: 0`.
 */
export function checkText(
  text: string,
  as: TextKind,
  config: CriteriaConfig = DEFAULT_CONFIG,
): Pick<CheckResult, 'findings' | 'verdict' | 'score'> {
  const out = new Findings(config);
  const empty = text.trim() === '';
  if (as === 'story') out.list.push(...checkStory(text, config).findings);
  else
    out.list.push(
      ...checkCriteria(
        [
          {
            text,
            kind: 'paragraph',
            depth: 0,
            source: { format: 'text', line: 0, start: 0, end: text.length },
            origin: 'description',
          },
        ],
        config,
      ),
    );
  if (empty)
    out.condition('missing-criteria', {
      message:
        as === 'story'
          ? 'The story is empty: nothing to check.'
          : 'The criterion is empty: nothing to check.',
      suggestion:
        as === 'story'
          ? 'Write the story as "As a <role>, I want <goal>, so that <benefit>".'
          : 'Write one testable outcome, e.g. "Given …, when …, then …".',
      detail: 'empty',
    });
  const subject: Subject = { empty };
  return { findings: out.list, ...judge(out.list, config, subject) };
}
