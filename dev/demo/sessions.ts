/**
 * The demo's value session (issue 16), written by us: "Winter season value check" in TRAIL, revealed, on the
 * top five open stories of the backlog, business value and time criticality on the Fibonacci scale. Jonas
 * (developer) and Mei (stakeholder) rated blind; they disagree strongly on two issues (1 vs 13, 2 vs 8), so
 * the PO's summary puts those first. Written into the emulated Forge storage by `npm start` (dev/start.ts),
 * in exactly the records src/store/sessions.ts keeps; people by account id only (ADR 9).
 */
import type { Rating, Session } from '../../src/core/sessions';
import { sessionEntries } from '../../src/store/sessions';
import type { KvsStore } from '../harness/kvs';
import type { SiteState } from '../site/state';

export const DEMO_SESSION_ID = 'demo-winter-value';
const PROJECT = 'TRAIL';
const PO = 'local-po';
const DEV = 'local-dev';
const VIEWER = 'local-viewer';

/** Ratings by position (1 = top story): [Jonas, Mei] per input, a reason where they gave one. */
const RATINGS: Array<{
  position: number;
  businessValue: [number | null, number | null];
  timeCriticality: [number | null, number | null];
  reasons?: Partial<Record<'businessValue' | 'timeCriticality', { dev?: string; viewer?: string }>>;
}> = [
  {
    position: 1,
    businessValue: [1, 13],
    timeCriticality: [3, 5],
    reasons: {
      businessValue: {
        dev: 'Few guests asked for it in the last survey.',
        viewer: 'Our two biggest tour partners say they leave without it before the winter season.',
      },
    },
  },
  { position: 2, businessValue: [8, 8], timeCriticality: [5, 8] },
  {
    position: 3,
    businessValue: [5, 3],
    timeCriticality: [2, 8],
    reasons: { timeCriticality: { viewer: 'Ski tours open in three weeks.' } },
  },
  {
    position: 4,
    businessValue: [3, null],
    timeCriticality: [1, 2],
    reasons: { businessValue: { viewer: 'Cannot judge this one.' } },
  },
  { position: 5, businessValue: [5, 8], timeCriticality: [3, 3] },
];

/** The top five open TRAIL stories (not epics), in rank order. */
function topStories(state: SiteState): string[] {
  return state
    .issuesInRankOrder()
    .filter((i) => i.projectKey === PROJECT)
    .filter((i) => {
      const f = i.fields as {
        status?: { statusCategory?: { key?: string } };
        issuetype?: { name?: string };
      };
      return f.status?.statusCategory?.key !== 'done' && f.issuetype?.name !== 'Epic';
    })
    .slice(0, RATINGS.length)
    .map((i) => i.key);
}

/** The demo session and its ratings, for the given issue keys. */
export function demoSession(keys: readonly string[]): { session: Session; ratings: Rating[] } {
  const session: Session = {
    id: DEMO_SESSION_ID,
    projectKey: PROJECT,
    title: 'Winter season value check',
    createdBy: PO,
    createdAt: '2026-11-26T09:00:00.000Z',
    scale: 'fibonacci',
    inputs: ['businessValue', 'timeCriticality'],
    issues: [...keys],
    participants: [DEV, VIEWER],
    state: 'revealed',
    revealedAt: '2026-11-28T15:30:00.000Z',
  };
  const ratings: Rating[] = [];
  RATINGS.forEach((r, i) => {
    const issueKey = keys[i];
    if (!issueKey) return;
    for (const input of ['businessValue', 'timeCriticality'] as const)
      [DEV, VIEWER].forEach((accountId, who) => {
        const reason = r.reasons?.[input]?.[who === 0 ? 'dev' : 'viewer'];
        ratings.push({
          accountId,
          issueKey,
          input,
          value: r[input][who] ?? null,
          ...(reason ? { reason } : {}),
          at: who === 0 ? '2026-11-26T14:10:00.000Z' : '2026-11-27T10:45:00.000Z',
        });
      });
  });
  return { session, ratings };
}

/** Writes the demo session into the store unless it is there already (e.g. with --persist). */
export function seedDemoSession(kvs: KvsStore, state: SiteState): void {
  const keys = topStories(state);
  if (keys.length === 0) return;
  const { session, ratings } = demoSession(keys);
  const entries = sessionEntries(session, ratings);
  try {
    kvs.handle('/api/v1/get', { key: entries[0]?.[0] });
    return; // already there
  } catch {
    // not there yet: seed below
  }
  for (const [key, value] of entries) kvs.handle('/api/v1/set', { key, value });
}
