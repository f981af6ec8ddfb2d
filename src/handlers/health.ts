/**
 * Forge function handler of the health feature (named in manifest.yml through src/index.ts):
 * `healthSnapshot`, a daily scheduled trigger that records each shown board's snapshot, as the app.
 */
import { snapshotBoards } from '../features/health';
import { getSnapshotBoards, snapshotDeps } from '../features/health/stored';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';

/** Never throws: a failing board is logged and the others are still recorded. */
export async function healthSnapshot(): Promise<void> {
  try {
    const result = await snapshotBoards(
      snapshotDeps(new JiraClient(forgeTransport('app'))),
      await getSnapshotBoards(),
    );
    for (const f of result.failed)
      console.warn(`ValueRank health snapshot skipped board ${f.boardId}: ${f.message}`);
  } catch (error) {
    console.error('ValueRank health snapshot failed', error);
  }
}
