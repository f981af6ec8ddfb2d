/**
 * The readiness verdict and the quality score: the one place that decides whether an issue (or a story or
 * criterion checked alone) is Ready. Every caller — panel, badge, Definition of Ready, the readiness
 * property, CLI, gadget — takes `verdict` and `score` from here, through `checkIssue` or `checkText`.
 *
 * Ready means all three:
 * 1. at least `bounds.min` top-level criteria (and at least one) — issues only;
 * 2. no finding of severity `error` (blocking);
 * 3. quality score ≥ `readiness.minScore`.
 * The score is 100 minus capped, severity-weighted penalties, and never above a ceiling set by what there
 * is to check: 30 with nothing to check (no criteria, an empty text), rising linearly to 100 at
 * `bounds.min` criteria. A finding never raises it.
 */
import { DEFAULT_CONFIG, type CriteriaConfig } from './config';
import type { CheckResult, Finding, FindingKind, Severity } from './types';

/** What was checked: an issue's top-level criteria count, or a single text. */
export interface Subject {
  /** Top-level criteria of an issue; undefined for a story or criterion checked on its own. */
  criteria?: number;
  /** Nothing to check: the text was empty. */
  empty?: boolean;
}

/** The highest quality score with nothing to check (no criteria, an empty text). */
export const NOTHING_TO_CHECK_SCORE = 30;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The most an issue can score for what it has to check (100 once it has `bounds.min` criteria). */
export function scoreCeiling(subject: Subject, config: CriteriaConfig = DEFAULT_CONFIG): number {
  if (subject.empty) return NOTHING_TO_CHECK_SCORE;
  if (subject.criteria === undefined) return 100;
  const min = Math.max(1, config.bounds.min);
  if (subject.criteria >= min) return 100;
  return Math.round(NOTHING_TO_CHECK_SCORE + ((100 - NOTHING_TO_CHECK_SCORE) * subject.criteria) / min);
}

/**
 * The documented, monotone quality score: 100 minus per-kind capped, severity-weighted penalties, at most
 * the ceiling of what there is to check, at least 0. Adding a finding never raises it.
 */
export function qualityScore(
  findings: readonly Finding[],
  config: CriteriaConfig = DEFAULT_CONFIG,
  subject: Subject = {},
): number {
  const perKind = new Map<FindingKind, number>();
  for (const f of findings)
    if (!UNSCORED_KINDS.includes(f.kind))
      perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + config.score[f.severity]);
  let penalty = 0;
  for (const p of perKind.values()) penalty += Math.min(config.score.kindCap, p);
  return Math.max(0, Math.min(scoreCeiling(subject, config), Math.round(100 - penalty)));
}

/** Finding kinds about the issue, not the quality of its criteria: they may block, but cost no points. */
const UNSCORED_KINDS: readonly FindingKind[] = ['open-question'];

/** Finding kinds that report the number of criteria (condition 1). */
const COUNT_KINDS: readonly FindingKind[] = ['missing-criteria', 'too-few-criteria'];

/**
 * The verdict and score of a set of findings. `blocking` lists why it is not ready: the error findings; the
 * criteria-count finding when there are too few criteria; and, when the quality is under the threshold,
 * the findings that cost the points (most severe first). Ready exactly when `blocking` is empty and no
 * condition fails; `reasons` says, in words, which conditions failed.
 */
/** The issue property that holds an issue's readiness, indexed for JQL (manifest `valuerank-readiness-property`). */
export const READINESS_PROPERTY_KEY = 'valuerank-readiness';

export function judge(
  findings: readonly Finding[],
  config: CriteriaConfig = DEFAULT_CONFIG,
  subject: Subject = {},
): { verdict: CheckResult['verdict']; score: number } {
  const score = qualityScore(findings, config, subject);
  const blocking: Finding[] = findings.filter((f) => f.severity === 'error');
  const reasons: string[] = [];
  if (blocking.length > 0)
    reasons.push(`${blocking.length} blocking finding${blocking.length === 1 ? '' : 's'} (severity error).`);
  const min = Math.max(1, config.bounds.min);
  if (subject.empty || (subject.criteria !== undefined && subject.criteria < min)) {
    for (const f of findings) if (COUNT_KINDS.includes(f.kind) && !blocking.includes(f)) blocking.push(f);
    reasons.push(
      subject.empty
        ? 'Nothing to check.'
        : subject.criteria === 0
          ? 'No acceptance criteria.'
          : `${subject.criteria} top-level criteri${subject.criteria === 1 ? 'on' : 'a'}; at least ${min} needed.`,
    );
  }
  const minScore = config.readiness.minScore;
  if (score < minScore) {
    const costly = findings
      .filter((f) => config.score[f.severity] > 0 && !blocking.includes(f))
      .sort((a, b) => RANK[b.severity] - RANK[a.severity]);
    blocking.push(...costly);
    reasons.push(`Quality ${score} is under the project's threshold of ${minScore}.`);
  }
  return { verdict: { ready: reasons.length === 0, blocking, reasons }, score };
}
