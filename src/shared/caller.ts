import type { JiraClient } from '../jira/client';

/** Who asks, as every feature sees it: their account id, and Jira as them (Jira enforces their rights). */
export interface Caller {
  accountId: string;
  jira: JiraClient;
}
