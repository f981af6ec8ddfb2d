/**
 * Forge function handlers of the readiness feature (named in manifest.yml through src/index.ts), as the app:
 * - `readinessTrigger`: product trigger on issue created/updated; re-checks the issue and writes its
 *   `valuerank-readiness` property (indexed for JQL).
 * - `definitionOfReady`: `jira:workflowValidator`; blocks a transition while the issue is not ready.
 */
import type { CriteriaDeps } from '../features/readiness';
import { onIssueEvent, validateReady, type ValidatorResult } from '../features/readiness/handlers';
import { storedConfigs } from '../features/readiness/stored';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';

const asApp = (): CriteriaDeps => ({ jira: new JiraClient(forgeTransport('app')), configs: storedConfigs });

/** The trigger handler (Forge passes `(event, context)`). */
export const readinessTrigger = (event: unknown): Promise<void> => onIssueEvent(event, asApp());

/** The validator handler (Forge passes `(event, context)`). */
export const definitionOfReady = (event: unknown): Promise<ValidatorResult> => validateReady(event, asApp());
