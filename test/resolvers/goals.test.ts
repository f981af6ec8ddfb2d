/**
 * The goal-tagging resolvers on the local Jira site, run by the harness as Forge runs them: the PO tags one
 * issue and several at once (per-issue results), the viewer is refused with nothing changed, goal ids not
 * active on the vision board are refused, and the indexed `valuerank-goals` property answers JQL. The demo
 * seed tags about a third of TRAIL with its own goals; TRAIL-5, 7, 8 and 9 are untagged there.
 */
import type { VisionBoardInput } from '../../src/core/vision';
import { GOALS_PROPERTY } from '../../src/features/goals';
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import type { Answers } from '../../src/resolvers/api';
import { invokeData, invokeResolver, refused } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });
let asPo: JiraClient;

beforeAll(() => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
});

const invoke = <K extends keyof Answers>(functionKey: K, payload: unknown, accountId = 'local-po') =>
  invokeResolver(server.url, functionKey, payload, accountId);
const data = <K extends keyof Answers>(functionKey: K, payload: unknown, accountId = 'local-po') =>
  invokeData(server.url, functionKey, payload, accountId);

const BOARD: VisionBoardInput = {
  visionStatement: 'Every hiker finds the right trail.',
  targetGroup: 'Weekend hikers',
  needs: 'Safe trails',
  product: 'A trail finder',
  goals: [
    { id: 'g1', name: 'Retention', target: '40% monthly return', status: 'active', weight: 8 },
    { id: 'g2', name: 'Growth', target: '10k users', status: 'active', weight: 2 },
    { id: 'g3', name: 'Launch', target: 'Shipped', status: 'achieved', weight: 5 },
  ],
};

const jqlKeys = async (clause: string) =>
  (await asPo.search({ jql: `project = TRAIL AND ${clause} ORDER BY key`, fields: ['id'] })).map(
    (i) => i.key,
  );

beforeEach(async () => {
  await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
});

describe('goal tags', () => {
  it('the PO tags one issue; the issue context shows the active goals and the tags', async () => {
    expect(await data('goals.tag', { issueKey: 'TRAIL-1', goals: ['g1', 'g2', 'g1'] })).toEqual({
      issueKey: 'TRAIL-1',
      goals: ['g1', 'g2'],
    });
    expect(await asPo.getIssueProperty('TRAIL-1', GOALS_PROPERTY)).toEqual({
      goals: ['g1', 'g2'],
      none: 'false',
    });
    const view = await data('goals.forIssue', { issueKey: 'TRAIL-1' }, 'local-viewer');
    expect(view).toMatchObject({ projectKey: 'TRAIL', tags: ['g1', 'g2'], canEdit: false });
    expect(view.goals.map((g) => g.id)).toEqual(['g1', 'g2']);
    await data('goals.tag', { issueKey: 'TRAIL-1', goals: [] });
    expect(await asPo.getIssueProperty('TRAIL-1', GOALS_PROPERTY)).toEqual({ goals: [], none: 'true' });
  });

  it('refuses the viewer, and unknown or inactive goal ids, changing nothing', async () => {
    const viewer = refused(await invoke('goals.tag', { issueKey: 'TRAIL-7', goals: ['g1'] }, 'local-viewer'));
    expect(viewer.code).toBe('forbidden');
    const bulk = refused(
      await invoke(
        'goals.bulkTag',
        { projectKey: 'TRAIL', issueKeys: ['TRAIL-7', 'TRAIL-8'], goalId: 'g1', add: true },
        'local-viewer',
      ),
    );
    expect(bulk.code).toBe('forbidden');
    const unknown = refused(await invoke('goals.tag', { issueKey: 'TRAIL-7', goals: ['g1', 'nope'] }));
    expect(unknown).toMatchObject({ code: 'invalid-payload', details: ['nope'] });
    const achieved = refused(
      await invoke('goals.bulkTag', { projectKey: 'TRAIL', issueKeys: ['TRAIL-7'], goalId: 'g3', add: true }),
    );
    expect(achieved.code).toBe('invalid-payload');
    for (const key of ['TRAIL-7', 'TRAIL-8'])
      expect(await asPo.getIssueProperty(key, GOALS_PROPERTY)).toBeUndefined();
  });

  it('bulk-tags with per-issue results, and JQL finds the tagged and the untagged issues', async () => {
    await data('goals.tag', { issueKey: 'TRAIL-9', goals: ['g2'] });
    await data('goals.tag', { issueKey: 'TRAIL-5', goals: [] });
    const answer = await data('goals.bulkTag', {
      projectKey: 'TRAIL',
      issueKeys: ['TRAIL-7', 'TRAIL-8', 'TRAIL-9', 'OPS-1', 'TRAIL-99999'],
      goalId: 'g1',
      add: true,
    });
    expect(answer).toMatchObject({ changed: 3, unchanged: 0, failed: 2 });
    expect(answer.results.map((r) => [r.issueKey, r.ok])).toEqual([
      ['TRAIL-7', true],
      ['TRAIL-8', true],
      ['TRAIL-9', true],
      ['OPS-1', false],
      ['TRAIL-99999', false],
    ]);
    expect(answer.results[2]?.goals).toEqual(['g2', 'g1']);
    expect(await jqlKeys('issue.property[valuerank-goals].goals = "g1"')).toEqual([
      'TRAIL-7',
      'TRAIL-8',
      'TRAIL-9',
    ]);
    expect(await jqlKeys('issue.property[valuerank-goals].goals = "g2"')).toEqual(['TRAIL-9']);
    expect(await jqlKeys('issue.property[valuerank-goals].none = "true"')).toEqual(['TRAIL-5']);

    const removed = await data('goals.bulkTag', {
      projectKey: 'TRAIL',
      issueKeys: ['TRAIL-8', 'TRAIL-5'],
      goalId: 'g1',
      add: false,
    });
    expect(removed).toMatchObject({ changed: 1, unchanged: 1, failed: 0 });
    expect(await jqlKeys('issue.property[valuerank-goals].none = "true"')).toEqual(['TRAIL-5', 'TRAIL-8']);
  });
});
