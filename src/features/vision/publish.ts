/**
 * Publishes the read copy of a project's vision to the Jira project property `valuerank-vision` (ADR 5),
 * after every change the resolvers made: board saved or restored, note added, edited or deleted.
 *
 * The copy is written by the app (`asApp`), never as the user: the resolver has already checked the user's
 * right to make the change (an editor of a note need not administer the project, and Jira requires Administer
 * Projects to write a project property). Publishing never fails the change it follows: every problem comes
 * back as `{ published: false, reason }` for the UI to show, and the stored vision stays the truth.
 */
import { buildPublishedVision, PUBLISHED_VISION_PROPERTY } from '../../core/vision';
import type { JiraClient } from '../../jira/client';
import { JiraError } from '../../jira/errors';
import { listNotes, readCurrent } from '../../store/vision';

export type PublishOutcome = { published: true } | { published: false; reason: string };

export interface PublishDeps {
  /** Jira as the app: writes the project property. */
  appJira: JiraClient;
  /** The account id of whose change is published (ADR 9: the copy names people by account id only). */
  publishedBy: () => Promise<string>;
  now?: () => Date;
}

/** Rounds of write-then-check one publish makes at most while the stored vision keeps changing. */
export const MAX_PUBLISH_ROUNDS = 4;

/** The stored vision as the copy shows it: the board and the published notes (ADR 12). */
async function readPublishable(projectKey: string) {
  const [current, notes] = await Promise.all([readCurrent(projectKey), listNotes(projectKey)]);
  const published = notes.filter((n) => n.published !== false);
  const stamp = JSON.stringify([
    current?.version ?? 0,
    published.map((n) => [n.id, n.version ?? 1, n.updatedAt ?? n.createdAt]),
  ]);
  return { current, notes: published, stamp };
}

/**
 * Reads the stored vision, builds the copy and writes it, then reads again: when the vision changed
 * meanwhile (another change whose own publish may have landed before this one), it writes again, so
 * whichever publish writes last wrote the newest state. Answers what happened, never throws.
 */
export async function publishVision(deps: PublishDeps, projectKey: string): Promise<PublishOutcome> {
  try {
    const publishedBy = await deps.publishedBy();
    let state = await readPublishable(projectKey);
    for (let round = 0; round < MAX_PUBLISH_ROUNDS; round += 1) {
      const copy = buildPublishedVision({
        projectKey,
        current: state.current,
        notes: state.notes,
        publishedBy,
        now: deps.now?.() ?? new Date(),
      });
      await deps.appJira.setProjectProperty(projectKey, PUBLISHED_VISION_PROPERTY, copy);
      const after = await readPublishable(projectKey);
      if (after.stamp === state.stamp) break;
      state = after;
    }
    return { published: true };
  } catch (error) {
    console.warn(`ValueRank could not publish the vision of ${projectKey}`, error);
    const why =
      error instanceof JiraError
        ? `Jira answered ${error.status}${error.jiraMessages ? `: ${error.jiraMessages}` : ''}`
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
    return {
      published: false,
      reason: `The change is saved, but the read copy for the valuerank CLI (project property ${PUBLISHED_VISION_PROPERTY}) was not updated (${why}). It is updated with the next change.`,
    };
  }
}
