import { fieldsNeeded, readNumber, summarize, toBacklogItem } from '../../../src/core/backlog/items';

const issue = (fields: Record<string, unknown>) => ({ id: '10001', key: 'TRAIL-1', fields });

describe('toBacklogItem', () => {
  it('reads the Jira fields it knows', () => {
    const item = toBacklogItem(
      issue({
        summary: 'Filter tours by difficulty',
        issuetype: { name: 'Story' },
        status: { name: 'To Do', statusCategory: { key: 'new' } },
        priority: { name: 'High' },
        labels: ['web', 7, 'search'],
        parent: { key: 'TRAIL-100' },
        customfield_10016: 5,
      }),
      { estimationFieldId: 'customfield_10016' },
    );
    expect(item).toEqual({
      id: '10001',
      key: 'TRAIL-1',
      summary: 'Filter tours by difficulty',
      issueType: 'Story',
      status: 'To Do',
      statusCategory: 'new',
      storyPoints: 5,
      priority: 'High',
      labels: ['web', 'search'],
      epicKey: 'TRAIL-100',
    });
  });

  it('reads malformed or missing fields as absent, never throwing', () => {
    const item = toBacklogItem(
      issue({ summary: 42, status: 'Done', customfield_10016: -3, labels: 'x', issuetype: null }),
      {
        estimationFieldId: 'customfield_10016',
      },
    );
    expect(item).toMatchObject({
      summary: '',
      issueType: 'Unknown',
      status: 'Unknown',
      statusCategory: 'unknown',
      storyPoints: undefined,
      labels: [],
    });
    expect(toBacklogItem(issue({ customfield_10016: 3 }), {}).storyPoints).toBeUndefined();
  });

  it('reads numbers strictly', () => {
    expect([5, '8', ' 13 ', '', 'abc', NaN, Infinity, null, {}].map(readNumber)).toEqual([
      5,
      8,
      13,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('asks Jira only for the fields it reads', () => {
    expect(fieldsNeeded({})).toEqual(['summary', 'issuetype', 'status', 'priority', 'labels', 'parent']);
    expect(fieldsNeeded({ estimationFieldId: 'customfield_10016' })).toContain('customfield_10016');
  });
});

describe('summarize', () => {
  it('counts items, estimates and points by type', () => {
    const items = [
      toBacklogItem(issue({ issuetype: { name: 'Story' }, sp: 3 }), { estimationFieldId: 'sp' }),
      toBacklogItem(issue({ issuetype: { name: 'Story' }, sp: 5 }), { estimationFieldId: 'sp' }),
      toBacklogItem(issue({ issuetype: { name: 'Bug' } }), { estimationFieldId: 'sp' }),
    ];
    expect(summarize(items)).toEqual({
      count: 3,
      estimated: 2,
      totalPoints: 8,
      byType: { Story: 2, Bug: 1 },
    });
    expect(summarize([])).toEqual({ count: 0, estimated: 0, totalPoints: 0, byType: {} });
  });
});
