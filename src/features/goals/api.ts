/**
 * The goal-tagging resolvers' part of the resolver API (spread into `payloads` and `Answers` in api.ts):
 * which vision goals an issue serves, stored in its `valuerank-goals` property (src/features/goals).
 */
import { z } from 'zod';
import { issueKey, projectKey } from '../../shared/ids';
import { VISION_LIMITS, type GoalStatus } from '../../core/vision';
import { GoalIdSchema } from './schema';

/** At most this many issues per bulk tag (one resolver call must finish within Forge's 25 s). */
export const MAX_BULK_TAG_ISSUES = 100;

export const goalsPayloads = {
  /** Replaces the goals one issue serves (EDIT_ISSUES on the issue; new ids must be active goals). */
  'goals.tag': z.object({ issueKey, goals: z.array(GoalIdSchema).max(VISION_LIMITS.goals) }).strict(),
  /** Adds or removes one goal on up to 100 issues of the project (EDIT_ISSUES); answers per issue. */
  'goals.bulkTag': z
    .object({
      projectKey,
      issueKeys: z.array(issueKey).min(1).max(MAX_BULK_TAG_ISSUES),
      goalId: GoalIdSchema,
      add: z.boolean(),
    })
    .strict(),
  /** The issue's project's goals and the issue's tags (issue context). */
  'goals.forIssue': z.object({ issueKey }).strict(),
} as const;

export interface GoalOption {
  id: string;
  name: string;
  status: GoalStatus;
  weight: number;
}

export interface IssueGoalsView {
  issueKey: string;
  projectKey: string;
  /** The vision board's active goals, in board order ([] before a vision is saved). */
  goals: GoalOption[];
  /** Ids the issue is tagged with (may name goals no longer active, or no longer on the board). */
  tags: string[];
  canEdit: boolean;
}

export interface BulkTagResult {
  issueKey: string;
  ok: boolean;
  /** The issue's goals after the change (when ok). */
  goals?: string[];
  /** Why this issue was not changed (when not ok). */
  error?: string;
}

export interface GoalsAnswers {
  'goals.tag': { issueKey: string; goals: string[] };
  'goals.bulkTag': { results: BulkTagResult[]; changed: number; unchanged: number; failed: number };
  'goals.forIssue': IssueGoalsView;
}
