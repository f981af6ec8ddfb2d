/**
 * The readiness check's part of the resolver API (spread into `payloads` and `Answers` in
 * src/resolvers/api.ts): the issue panel's check and the issue context badge.
 */
import { z } from 'zod';
import type { CheckResult } from '../../core/criteria';
import type { IssueScoreView } from '../prioritize/api';
import { issueKey } from '../../shared/ids';

export const readinessPayloads = {
  /** The acceptance-criteria check of one issue, as the user sees it (issue panel). */
  'readiness.check': z.object({ issueKey }).strict(),
  /** Readiness, quality and business value at a glance (issue context). */
  'readiness.badge': z.object({ issueKey }).strict(),
} as const;

export interface CriteriaView extends CheckResult {
  issueKey: string;
  issueType: string | undefined;
  summary: string;
}

export interface BadgeView {
  issueKey: string;
  ready: boolean;
  quality: number;
  /** The blocking findings' messages (at most 3). */
  blocking: string[];
  criteria: number;
  progress: { done: number; total: number };
  /**
   * The business value score, live for the project's current model (Prioritize's scoring), with what
   * Prioritize wrote to the issue and, when that copy disagrees, why it is stale.
   */
  value: IssueScoreView;
}

export interface ReadinessAnswers {
  'readiness.check': CriteriaView;
  'readiness.badge': BadgeView;
}
