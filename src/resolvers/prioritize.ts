/** The Prioritize resolvers: each validates (define.ts), then hands over to a src/features/prioritize service. */
import {
  abandonReorder,
  findRows,
  inputChanges,
  jobProgress,
  loadPrioritize,
  pinIssue,
  pinIssues,
  previewPrioritize,
  prioritizeRows,
  reorderHistory,
  resumeReorder,
  saveProjectMapping,
  saveProjectModel,
  setInput as setScoreInput,
  startApply,
  startUndo,
  storedSettings,
  type ServiceDeps,
} from '../features/prioritize';
import type { z } from 'zod';
import type { Answers, payloads } from './api';
import { projectOf, type Call } from './define';

const deps = ({ jira }: Call): ServiceDeps => ({ jira, settings: storedSettings });

type Resolve<K extends keyof Answers> = (
  payload: z.infer<(typeof payloads)[K]>,
  call: Call,
) => Promise<Answers[K]>;

export const load: Resolve<'prioritize.load'> = (p, call) =>
  loadPrioritize(deps(call), {
    boardId: p.boardId,
    model: p.model,
    projectKey: projectOf(call),
    accountId: call.accountId,
  });

export const rows: Resolve<'prioritize.rows'> = (p, call) =>
  prioritizeRows(deps(call), { ...p, projectKey: projectOf(call), accountId: call.accountId });

export const preview: Resolve<'prioritize.preview'> = (p, call) =>
  previewPrioritize(deps(call), {
    boardId: p.boardId,
    model: p.model,
    projectKey: projectOf(call),
    accountId: call.accountId,
  });

export const apply: Resolve<'prioritize.apply'> = (p, call) =>
  startApply(deps(call), {
    boardId: p.boardId,
    model: p.model,
    fingerprint: p.fingerprint,
    accountId: call.accountId,
    projectKey: projectOf(call),
  });

export const progress: Resolve<'prioritize.progress'> = (p, call) =>
  jobProgress(deps(call), p.jobId, call.accountId);

export const resume: Resolve<'prioritize.resume'> = (p, call) =>
  resumeReorder(deps(call), { jobId: p.jobId, accountId: call.accountId });

export const abandon: Resolve<'prioritize.abandon'> = (p, call) =>
  abandonReorder(deps(call), { jobId: p.jobId, accountId: call.accountId });

export const undo: Resolve<'prioritize.undo'> = (p, call) =>
  startUndo(deps(call), { boardId: p.boardId, accountId: call.accountId, projectKey: projectOf(call) });

export const history: Resolve<'prioritize.history'> = async (p, call) => ({
  entries: await reorderHistory(deps(call), { boardId: p.boardId, projectKey: projectOf(call) }),
});

export const pin: Resolve<'prioritize.pin'> = async (p, call) => ({
  pinned: await pinIssue(deps(call), { ...p, projectKey: projectOf(call) }),
});

export const pinMany: Resolve<'prioritize.pinMany'> = async (p, call) => {
  const r = await pinIssues(deps(call), { ...p, projectKey: projectOf(call) });
  return { pinned: r.pins, changed: r.changed, notInBacklog: r.notInBacklog };
};

export const setModel: Resolve<'prioritize.setModel'> = async (p, call) => ({
  model: await saveProjectModel(deps(call), p.projectKey, p.model),
});

export const saveMapping: Resolve<'mapping.save'> = async (p, call) => ({
  mapping: await saveProjectMapping(deps(call), p.projectKey, p.mapping),
});

export const scoreHistory: Resolve<'score.history'> = async (p, call) => ({
  changes: await inputChanges(deps(call), p.issueKey, p.fieldIds),
});

export const find: Resolve<'prioritize.find'> = (p, call) =>
  findRows(deps(call), { ...p, projectKey: projectOf(call), accountId: call.accountId });

export const setInput: Resolve<'prioritize.setInput'> = (p, call) =>
  setScoreInput(deps(call), { ...p, projectKey: projectOf(call) });
