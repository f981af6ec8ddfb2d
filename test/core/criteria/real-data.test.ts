/**
 * Real documents and issues from ../shared/data (read in place, never copied): every ADF document and
 * every backlog issue (Jira wiki markup) is read without error; the issues with a criteria section are
 * counted and reported.
 */
import { checkIssue, findCriteria } from '../../../src/core/criteria';
import { readAdfDocuments, readBacklogs } from '../../../eval/criteria/data';

describe('real ADF documents', () => {
  const docs = readAdfDocuments();

  it('reads every document in the adf folder', () => {
    expect(docs.length).toBeGreaterThanOrEqual(8);
    for (const { file, doc } of docs) {
      const r = checkIssue({ description: doc });
      const problems = r.findings.filter((f) => f.kind === 'unreadable');
      // the two "invalid__" fixtures break the schema's nesting rules, not the node shapes: still readable
      expect({ file, problems }).toEqual({ file, problems: [] });
      expect(r.findings.map((f) => f.kind)).toEqual(['missing-criteria']);
    }
  });

  it('reads the lists, tables and panels of the rich document', () => {
    const rich = docs.find((d) => d.file === 'rich-doc-md.json');
    const all = findCriteria(rich?.doc, undefined, { whole: true }).criteria;
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all.map((c) => c.kind))).toEqual(new Set(['paragraph', 'bullet', 'table-row']));
  });
});

describe('real backlog issues (Jira wiki markup)', () => {
  const issues = readBacklogs();

  it('parses every issue and counts those with an acceptance-criteria section', () => {
    const perFile = new Map<string, { issues: number; withSection: number; criteria: number }>();
    const started = performance.now();
    for (const issue of issues) {
      const found = findCriteria(issue.description);
      const result = checkIssue({ summary: issue.title, description: issue.description });
      expect(result.findings.filter((f) => f.kind === 'unreadable')).toEqual([]);
      const s = perFile.get(issue.file) ?? { issues: 0, withSection: 0, criteria: 0 };
      s.issues++;
      if (found.section) {
        s.withSection++;
        s.criteria += found.criteria.length;
      }
      perFile.set(issue.file, s);
    }
    const ms = performance.now() - started;
    const total = [...perFile.values()].reduce((a, s) => a + s.withSection, 0);
    console.log(
      `${issues.length} backlog issues read in ${Math.round(ms)} ms; ${total} have a criteria section:\n` +
        [...perFile]
          .map(([f, s]) => `  ${f}: ${s.withSection} of ${s.issues} (${s.criteria} criteria)`)
          .join('\n'),
    );
    expect(issues.length).toBe(4174);
    expect(perFile.get('COMPASS_deep-se.csv')?.withSection).toBeGreaterThanOrEqual(40);
    expect(total).toBeGreaterThanOrEqual(45);
  });
});
