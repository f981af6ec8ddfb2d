import { notReadySearch } from '../../../src/features/health';

describe('notReadySearch', () => {
  it('names the keys when they are few, as an encoded issue-search URL', () => {
    const { jql, url } = notReadySearch(['TRAIL-2', 'TRAIL-9'], 'TRAIL');
    expect(jql).toBe('key in ("TRAIL-2", "TRAIL-9") ORDER BY Rank ASC');
    expect(url).toBe(`/issues/?jql=${encodeURIComponent(jql)}`);
    expect(decodeURIComponent(url.slice('/issues/?jql='.length))).toBe(jql);
  });

  it("falls back to the indexed readiness property (the manifest's valuerank-readiness) for many keys", () => {
    const keys = Array.from({ length: 101 }, (_, i) => `BIG-${i + 1}`);
    expect(notReadySearch(keys, 'BIG').jql).toBe(
      'project = "BIG" AND issue.property[valuerank-readiness].ready = "false" ORDER BY Rank ASC',
    );
  });
});
