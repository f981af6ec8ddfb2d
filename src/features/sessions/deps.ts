/** What the session services take as their I/O (docs/adr/0004-feature-services.md), and their clock and ids. */
import type { JiraClient } from '../../jira/client';
import type { SettingsSource } from '../prioritize/sources';

export interface SessionsDeps {
  /** Jira as the calling user: Jira enforces their rights (and writes the fields as them). */
  jira: JiraClient;
  /** Jira as the app: checks that an invited person can browse the project. */
  app: JiraClient;
  settings: SettingsSource;
  now?: () => Date;
  /** A new session's id (default: time and randomness). */
  newId?: () => string;
}

export const nowOf = (deps: SessionsDeps) => (deps.now ?? (() => new Date()))();

export const newId = (deps: SessionsDeps) =>
  deps.newId?.() ??
  `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
