/**
 * Issue 15, finding 3: shared stored data is written only by the daily snapshot or by users allowed to
 * change it, and per model. On the local site through `gadget.health`: a browse-only viewer with a custom
 * formula and the trend panel sees today's point but writes nothing (not the trend, not the daily job's
 * board list); two gadgets of a user who may rank, with different models, keep separate trends.
 */
import type { ResolverKey } from '../../../src/resolvers/api';
import { trendModelKey } from '../../../src/store/health';
import { invokeData, type InvokeContext } from '../../support/invoke';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });

const GADGET: InvokeContext = {
  moduleKey: 'valuerank-health-gadget',
  extension: { type: 'jira:dashboardGadget' },
};
const data = (key: ResolverKey, payload: unknown, accountId: string) =>
  invokeData(server.url, key as 'gadget.health', payload, accountId, GADGET);

const CUSTOM = { kind: 'custom', formula: 'businessValue * 2' } as const;
const WSJF = { kind: 'wsjf' } as const;

/** What the app stored under keys that start with `prefix`. */
function stored(prefix: string): Record<string, unknown> {
  const kvs = server.harness.kvs.snapshot().kvs ?? {};
  return Object.fromEntries(Object.entries(kvs).filter(([k]) => k.startsWith(prefix)));
}

it('a browse-only viewer sees today’s trend point but writes no shared data', async () => {
  const view = await data('gadget.health', { boardId: 1, model: CUSTOM, panels: ['trend'] }, 'local-viewer');
  expect(view.trend).toHaveLength(1);
  expect(stored('health-trend')).toEqual({});
  expect(stored('health-boards')).toEqual({});
});

it('trends are kept per board and model, and a viewer never overwrites one', async () => {
  await data('gadget.health', { boardId: 1, model: WSJF, panels: ['trend'] }, 'local-po');
  await data('gadget.health', { boardId: 1, model: CUSTOM, panels: ['trend'] }, 'local-po');
  const keys = Object.keys(stored('health-trend')).sort();
  expect(keys).toEqual(
    [`health-trend:1:${trendModelKey(WSJF)}`, `health-trend:1:${trendModelKey(CUSTOM)}`].sort(),
  );
  const before = stored('health-trend');
  // The two models' points differ (a custom formula is not WSJF), so neither overwrote the other.
  expect(before[`health-trend:1:${trendModelKey(WSJF)}`]).not.toEqual(
    before[`health-trend:1:${trendModelKey(CUSTOM)}`],
  );
  await data('gadget.health', { boardId: 1, model: CUSTOM, panels: ['trend'] }, 'local-viewer');
  expect(stored('health-trend')).toEqual(before);
});
