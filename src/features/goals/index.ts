/**
 * Goals ↔ backlog: which vision goals an issue serves, kept in the issue entity property `valuerank-goals`
 * as `{ goals: ['g1', 'g2'], none: 'true' | 'false' }`. The manifest indexes `goals` (a list of strings is
 * a multi-valued string field) and `none` (a string, since Jira indexes no booleans), so JQL finds
 * `issue.property[valuerank-goals].goals = "g1"` and `issue.property[valuerank-goals].none = "true"`.
 * Written as the user (EDIT_ISSUES); read by the resolvers and by the Prioritize analysis (strategic fit).
 */
import type { VisionBoard } from '../../core/vision';
import type { JiraClient } from '../../jira/client';
import { GoalIdSchema } from './schema';
import { bumpGeneration } from '../../store/views';

export { GoalIdSchema } from './schema';

export const GOALS_PROPERTY = 'valuerank-goals';

export interface GoalsProperty {
  goals: string[];
  none: 'true' | 'false';
}

/** The property value for a set of goal ids (de-duplicated, in the order given). */
export function goalsValue(goals: readonly string[]): GoalsProperty {
  const unique = [...new Set(goals)];
  return { goals: unique, none: unique.length === 0 ? 'true' : 'false' };
}

/** The goal ids a stored property value names; [] for anything missing or malformed. */
export function goalsOf(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const goals = (value as { goals?: unknown }).goals;
  if (!Array.isArray(goals)) return [];
  return [
    ...new Set(goals.filter((g): g is string => typeof g === 'string' && GoalIdSchema.safeParse(g).success)),
  ];
}

/**
 * Ids among `wanted` that may not be newly tagged: not on the board, or not active. Ids the issue already
 * carries (`kept`) are allowed whatever their status, so a tag list can be saved after a goal was achieved.
 */
export function refusedGoalIds(
  wanted: readonly string[],
  board: VisionBoard | undefined,
  kept: readonly string[] = [],
): string[] {
  const active = new Set((board?.goals ?? []).filter((g) => g.status === 'active').map((g) => g.id));
  const had = new Set(kept);
  return [...new Set(wanted)].filter((id) => !active.has(id) && !had.has(id));
}

export async function readIssueGoals(jira: JiraClient, issueKey: string): Promise<string[]> {
  return goalsOf(await jira.getIssueProperty(issueKey, GOALS_PROPERTY));
}

export async function writeIssueGoals(
  jira: JiraClient,
  issueKey: string,
  goals: readonly string[],
): Promise<string[]> {
  const value = goalsValue(goals);
  await jira.setIssueProperty(issueKey, GOALS_PROPERTY, value);
  // A property write does not change the issue's `updated`: the project's stored views must be recomputed.
  await bumpGeneration(issueKey.split('-')[0] ?? issueKey);
  return value.goals;
}

/**
 * Goal ids per issue key of a project, for the issues tagged with at least one goal (one JQL search that
 * asks for the property; untagged issues are simply absent).
 */
export async function projectGoalTags(jira: JiraClient, projectKey: string): Promise<Map<string, string[]>> {
  const issues = await jira.search({
    jql: `project = "${projectKey}" AND issue.property[${GOALS_PROPERTY}].none = "false"`,
    fields: ['id'],
    properties: [GOALS_PROPERTY],
  });
  const out = new Map<string, string[]>();
  for (const issue of issues) {
    const goals = goalsOf(issue.properties?.[GOALS_PROPERTY]);
    if (goals.length > 0) out.set(issue.key, goals);
  }
  return out;
}
