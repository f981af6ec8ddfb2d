/**
 * The demo's value session, as `npm start` seeds it: revealed, on TRAIL's top five stories, two
 * participants who disagree strongly on two ratings, which the PO's summary puts first; the records are
 * exactly what the store reads; seeding twice changes nothing.
 */
import { DEMO_SESSION_ID, seedDemoSession } from '../../../dev/demo/sessions';
import { invokeData } from '../../support/invoke';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });

describe('the demo value session', () => {
  it('is revealed, with strong disagreement first, and listed for the PO and the participants', async () => {
    seedDemoSession(server.harness.kvs, server.site.state);
    const before = JSON.stringify(server.harness.kvs.snapshot());
    seedDemoSession(server.harness.kvs, server.site.state);
    expect(JSON.stringify(server.harness.kvs.snapshot())).toBe(before);

    const list = await invokeData(server.url, 'sessions.list', { projectKey: 'TRAIL' });
    expect(list.sessions.map((s) => [s.id, s.state, s.issues])).toEqual([[DEMO_SESSION_ID, 'revealed', 5]]);
    const view = await invokeData(server.url, 'sessions.get', { sessionId: DEMO_SESSION_ID });
    expect(view.revealed).toBe(true);
    expect(view.issues.every((i) => i.summary !== '')).toBe(true);
    const flagged = view.summary!.filter((r) => r.disagreement);
    expect(flagged.map((r) => [r.min, r.max])).toEqual([
      [1, 13],
      [2, 8],
    ]);
    expect(view.summary!.slice(0, 2).every((r) => r.disagreement)).toBe(true);
    expect(flagged[0]!.ratings.map((r) => r.by.displayName)).toEqual(['Jonas Lindqvist', 'Mei Tanaka']);
    expect(flagged[0]!.ratings.every((r) => (r.reason ?? '').length > 0)).toBe(true);
    expect(view.decisions).toHaveLength(5);
    expect(view.you).toMatchObject({ isPo: true, canCommit: true });
    // A participant sees it too (revealed: every rating), but cannot commit.
    const mei = await invokeData(server.url, 'sessions.get', { sessionId: DEMO_SESSION_ID }, 'local-viewer');
    expect(mei.you).toMatchObject({ isPo: false, isParticipant: true, canCommit: false, canRate: false });
  });
});
