/**
 * The goal-tagging resolvers. Tags are written as the user (`setIssueProperty`), so Jira enforces their
 * right to edit each issue; the resolvers check EDIT_ISSUES first so a viewer is refused with nothing
 * changed. Goal ids are checked against the project's current vision board: only active goals can be added
 * (ids the issue already carries may stay, and any id may be removed).
 */
import type { z } from 'zod';
import type { VisionBoard } from '../../core/vision';
import { readIssueGoals, refusedGoalIds, writeIssueGoals } from './index';
import type { JiraClient } from '../../jira/client';
import { JiraForbiddenError, JiraNotFoundError } from '../../jira/errors';
import { readCurrent } from '../../store/vision';
import type { Caller } from '../../shared/caller';
import type { BulkTagResult, GoalsAnswers, goalsPayloads } from './api';
import { AppError } from '../../shared/errors';

type Resolve<K extends keyof GoalsAnswers> = (
  payload: z.infer<(typeof goalsPayloads)[K]>,
  call: Caller,
) => Promise<GoalsAnswers[K]>;

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The issue's project key (refusing an issue the user cannot see) and whether they may edit it. */
async function issueAccess(
  jira: JiraClient,
  issueKey: string,
): Promise<{ projectKey: string; canEdit: boolean }> {
  let projectKey: unknown;
  try {
    const issue = await jira.issue(issueKey, ['project']);
    projectKey = record(issue.fields.project)?.key;
  } catch (error) {
    if (error instanceof JiraNotFoundError || error instanceof JiraForbiddenError)
      throw new AppError('not-found', `Issue ${issueKey} does not exist, or you cannot see it.`);
    throw error;
  }
  if (typeof projectKey !== 'string') throw new AppError('not-found', `Issue ${issueKey} has no project.`);
  const held = await jira.myPermissions({ issueKey }, ['EDIT_ISSUES']);
  return { projectKey, canEdit: held.EDIT_ISSUES === true };
}

async function boardOf(projectKey: string): Promise<VisionBoard | undefined> {
  return (await readCurrent(projectKey))?.board;
}

function refuseGoals(ids: string[], projectKey: string): AppError {
  return new AppError(
    'invalid-payload',
    `${ids.length === 1 ? 'Goal' : 'Goals'} ${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} not an active goal of the ${projectKey} vision. Nothing was changed.`,
    ids,
  );
}

export const forIssue: Resolve<'goals.forIssue'> = async (p, call) => {
  const { projectKey, canEdit } = await issueAccess(call.jira, p.issueKey);
  const [board, tags] = await Promise.all([boardOf(projectKey), readIssueGoals(call.jira, p.issueKey)]);
  return {
    issueKey: p.issueKey,
    projectKey,
    goals: (board?.goals ?? [])
      .filter((g) => g.status === 'active')
      .map((g) => ({ id: g.id, name: g.name, status: g.status, weight: g.weight })),
    tags,
    canEdit,
  };
};

export const tag: Resolve<'goals.tag'> = async (p, call) => {
  const { projectKey, canEdit } = await issueAccess(call.jira, p.issueKey);
  if (!canEdit)
    throw new AppError(
      'forbidden',
      `You cannot edit ${p.issueKey}, so you cannot tag its goals. Nothing was changed.`,
    );
  const [board, current] = await Promise.all([boardOf(projectKey), readIssueGoals(call.jira, p.issueKey)]);
  const refused = refusedGoalIds(p.goals, board, current);
  if (refused.length > 0) throw refuseGoals(refused, projectKey);
  return { issueKey: p.issueKey, goals: await writeIssueGoals(call.jira, p.issueKey, p.goals) };
};

const messageOf = (error: unknown): string => {
  if (error instanceof JiraNotFoundError) return 'The issue does not exist, or you cannot see it.';
  if (error instanceof JiraForbiddenError) return 'You cannot edit this issue.';
  return error instanceof Error ? error.message : String(error);
};

/** Issues handled at once (each is one read and at most one write). */
const CONCURRENCY = 5;

export const bulkTag: Resolve<'goals.bulkTag'> = async (p, call) => {
  let held: Record<string, boolean>;
  try {
    held = await call.jira.myPermissions({ projectKey: p.projectKey }, ['BROWSE_PROJECTS', 'EDIT_ISSUES']);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new AppError('not-found', `Project ${p.projectKey} does not exist, or you cannot see it.`);
    throw error;
  }
  if (held.EDIT_ISSUES !== true)
    throw new AppError(
      'forbidden',
      `You cannot edit issues of project ${p.projectKey}, so you cannot tag their goals. Nothing was changed.`,
    );
  if (p.add && refusedGoalIds([p.goalId], await boardOf(p.projectKey)).length > 0)
    throw refuseGoals([p.goalId], p.projectKey);

  const keys = [...new Set(p.issueKeys)];
  const results: BulkTagResult[] = new Array<BulkTagResult>(keys.length);
  let changed = 0;
  let unchanged = 0;
  const one = async (issueKey: string): Promise<BulkTagResult> => {
    if (!issueKey.startsWith(`${p.projectKey}-`))
      return { issueKey, ok: false, error: `Not an issue of project ${p.projectKey}.` };
    try {
      const current = await readIssueGoals(call.jira, issueKey);
      const has = current.includes(p.goalId);
      if (has === p.add) {
        unchanged += 1;
        return { issueKey, ok: true, goals: current };
      }
      const next = p.add ? [...current, p.goalId] : current.filter((g) => g !== p.goalId);
      const goals = await writeIssueGoals(call.jira, issueKey, next);
      changed += 1;
      return { issueKey, ok: true, goals };
    } catch (error) {
      return { issueKey, ok: false, error: messageOf(error) };
    }
  };
  for (let i = 0; i < keys.length; i += CONCURRENCY) {
    const chunk = keys.slice(i, i + CONCURRENCY);
    const done = await Promise.all(chunk.map(one));
    done.forEach((r, j) => (results[i + j] = r));
  }
  return { results, changed, unchanged, failed: results.filter((r) => !r.ok).length };
};
