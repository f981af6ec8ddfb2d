/**
 * The reorder jobs' handler for the one job runner (src/jobs). Forge delivers the event in the context of
 * the user who pushed it, so `asUser()` acts as them: Jira checks their rights on every rank call. Scores
 * are written back as the app.
 */
import { JiraClient } from '../../jira/client';
import { forgeTransport } from '../../jira/forge-transport';
import type { JobHandler } from '../../jobs/runner';
import { isViewJob } from '../../store/jobs';
import { runJob } from './jobs';
import { runAnalyzeJob } from './snapshot';
import { storedSettings } from './stored';

export const runReorderJob: JobHandler = (event) =>
  runJob(
    {
      jira: new JiraClient(forgeTransport('user')),
      appJira: new JiraClient(forgeTransport('app')),
      settings: storedSettings,
    },
    event,
  );

/** The `analyze` view job (docs/adr/0011-view-snapshots.md): reads the board as the user who asked. */
export const runAnalyzeViewJob: JobHandler = (_event, job) =>
  isViewJob(job)
    ? runAnalyzeJob({ jira: new JiraClient(forgeTransport('user')), settings: storedSettings }, job)
    : Promise.resolve('skipped');
