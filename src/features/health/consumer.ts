/**
 * The `health` view job's handler for the one job runner (src/jobs): computes the gadget's answer for a
 * board too large to compute inside a resolver, reading Jira as the viewer who asked.
 */
import { JiraClient } from '../../jira/client';
import { forgeTransport } from '../../jira/forge-transport';
import type { JobHandler } from '../../jobs/runner';
import { isViewJob } from '../../store/jobs';
import { runHealthJob } from './index';
import { storedHealthDeps } from './stored';

export const runHealthViewJob: JobHandler = (_event, job) =>
  isViewJob(job)
    ? runHealthJob(storedHealthDeps(new JiraClient(forgeTransport('user'))), job)
    : Promise.resolve('skipped');
