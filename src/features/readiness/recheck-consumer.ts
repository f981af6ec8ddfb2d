/**
 * The re-check jobs' handler for the one job runner (src/jobs). Forge delivers each slice's event in the
 * context of the user who pushed it, so `asUser()` acts as the project administrator who started the run:
 * Jira writes the property only where they may edit. Each slice queues the next one.
 */
import { JiraClient } from '../../jira/client';
import { forgeTransport } from '../../jira/forge-transport';
import type { JobHandler } from '../../jobs/runner';
import { runRecheckSlice } from './recheck-slice';
import { storedConfigs } from './stored';

export const runRecheckJob: JobHandler = (event) =>
  runRecheckSlice({ jira: new JiraClient(forgeTransport('user')), configs: storedConfigs }, event);
