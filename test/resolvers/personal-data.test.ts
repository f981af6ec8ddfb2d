/**
 * Personal data (ADR 9): ValueRank stores people by account id only and reads their names from Jira when it
 * shows them (`GET /rest/api/3/user/bulk`, one batched call per request, as the viewer). Records written
 * before, with names, still read; the stale name is never shown.
 */
import { UNKNOWN_USER } from '../../src/shared/names';
import { invokeData } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });

const NAMES = /Amara Okafor|Jonas Lindqvist|savedByName|authorName|byName/;

async function stored(): Promise<string> {
  return JSON.stringify(await (await fetch(`${server.url}/_local/kvs`)).json());
}

async function userBulkCalls(): Promise<number> {
  return server.harness.env.calls.filter((c) => c.includes('GET /rest/api/3/user/bulk')).length;
}

describe('people are stored by account id only and named on read', () => {
  it('vision board, notes, readiness rules and a re-check job: no names stored; the screens show them', async () => {
    const saved = await invokeData(server.url, 'vision.save', {
      projectKey: 'TRAIL',
      expectedVersion: 0,
      board: { visionStatement: 'Every hiker finds the right trail.' },
    });
    expect(saved.version).toMatchObject({ savedBy: 'local-po', savedByName: 'Amara Okafor' });
    await invokeData(
      server.url,
      'vision.notes.add',
      { projectKey: 'TRAIL', note: { type: 'insight', title: 'Hikers plan on Thursday' } },
      'local-dev',
    );
    await invokeData(server.url, 'readiness.rules.save', {
      projectKey: 'TRAIL',
      config: { bounds: { min: 2, max: 6 } },
    });

    const recheck = await invokeData(server.url, 'readiness.recheck.start', { projectKey: 'TRAIL' });

    const kvs = await stored();
    expect(kvs).toContain('local-po');
    expect(kvs).toContain('local-dev');
    expect(kvs).not.toMatch(NAMES);

    // Read by someone else: the names come from Jira, as that viewer, in one call per request.
    const before = await userBulkCalls();
    const notes = await invokeData(server.url, 'vision.notes.list', { projectKey: 'TRAIL' }, 'local-dev');
    expect(notes.notes.map((n) => [n.author, n.authorName])).toEqual([['local-dev', 'Jonas Lindqvist']]);
    expect((await userBulkCalls()) - before).toBe(1);
    const history = await invokeData(server.url, 'vision.history', { projectKey: 'TRAIL' }, 'local-dev');
    expect(history.versions.map((v) => v.savedByName)).toEqual(['Amara Okafor']);
    const rules = await invokeData(server.url, 'readiness.rules.get', { projectKey: 'TRAIL' }, 'local-dev');
    expect(rules).toMatchObject({ updatedBy: 'local-po', updatedByName: 'Amara Okafor' });
    const run = await invokeData(
      server.url,
      'readiness.recheck.progress',
      { jobId: recheck.jobId },
      'local-dev',
    );
    expect(run.run?.startedBy).toEqual({ accountId: 'local-po', displayName: 'Amara Okafor' });
  });

  it('reads records written with names before, and never shows the stored name', async () => {
    server.harness.kvs.handle('/api/v1/entity/set', {
      entityName: 'vision-note',
      key: 'TRAIL:n-old',
      value: {
        id: 'n-old',
        projectKey: 'TRAIL',
        author: 'local-dev',
        authorName: 'Jonas (old name)',
        createdAt: '2026-01-01T00:00:00.000Z',
        type: 'decision',
        title: 'Written before ADR 9',
        text: '',
        tags: [],
        issueKeys: [],
      },
    });
    server.harness.kvs.handle('/api/v1/entity/set', {
      entityName: 'vision-note',
      key: 'TRAIL:n-gone',
      value: {
        id: 'n-gone',
        projectKey: 'TRAIL',
        author: 'closed-account-0001',
        authorName: 'Someone who left',
        createdAt: '2026-01-02T00:00:00.000Z',
        type: 'insight',
        title: 'By an account Jira no longer knows',
        text: '',
        tags: [],
        issueKeys: [],
      },
    });
    const notes = await invokeData(server.url, 'vision.notes.list', { projectKey: 'TRAIL' });
    expect(Object.fromEntries(notes.notes.map((n) => [n.id, n.authorName]))).toEqual({
      'n-old': 'Jonas Lindqvist',
      'n-gone': UNKNOWN_USER,
    });
    const markdown = await invokeData(server.url, 'vision.export', { projectKey: 'TRAIL' });
    expect(markdown.markdown).not.toMatch(/old name|Someone who left/);
  });
});
