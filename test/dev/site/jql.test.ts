/** The JQL parser and evaluator, on the small seed (no HTTP). */
import { ListCache, type SiteContext } from '../../../dev/site/context';
import { Faults } from '../../../dev/site/faults';
import { compileJql, JqlError, parseJql } from '../../../dev/site/jql';
import type { Caller } from '../../../dev/site/permissions';
import { jqlEnv } from '../../../dev/site/search';
import { SiteState } from '../../../dev/site/state';
import { DEV, PO, smallSeed } from './fixture';

const state = new SiteState(smallSeed());
const site: SiteContext = {
  state,
  baseUrl: 'http://127.0.0.1:1',
  faults: new Faults(),
  lists: new ListCache(),
};
const as = (accountId: string): Caller => ({ kind: 'user', user: state.users.get(accountId)! });

/** Keys found, in rank order unless the query orders them. */
function find(jql: string, who = PO): string[] {
  const query = compileJql(jql, jqlEnv(site, as(who)));
  const visible = new Set(
    [...state.projects.values()]
      .filter((p) => p.permissions[who]?.includes('BROWSE_PROJECTS'))
      .map((p) => p.key),
  );
  const matching = state.issuesInRankOrder().filter((i) => visible.has(i.projectKey) && query.matches(i));
  const ordered = query.rankOrder === 'desc' ? [...matching].reverse() : query.sort(matching);
  return ordered.map((i) => i.key);
}

function errors(jql: string): string[] {
  try {
    compileJql(jql, jqlEnv(site, as(PO)));
  } catch (error) {
    if (error instanceof JqlError) return error.messages;
    throw error;
  }
  throw new Error(`no error for ${jql}`);
}

const T = (...ns: number[]): string[] => ns.map((n) => `TRAIL-${n}`);

describe('JQL parsing', () => {
  it('parses clauses, precedence and ORDER BY', () => {
    const q = parseJql(
      'project = TRAIL AND (status = "To Do" OR NOT labels in (a, b)) ORDER BY Rank ASC, key DESC',
    );
    expect(q.where).toMatchObject({ type: 'and', items: [{ type: 'clause', op: '=' }, { type: 'or' }] });
    expect(q.orderBy.map((o) => `${o.field.name} ${o.direction}`)).toEqual(['Rank asc', 'key desc']);
    expect(parseJql('a = 1 OR b = 2 AND c = 3').where).toMatchObject({
      type: 'or',
      items: [{}, { type: 'and' }],
    });
    expect(parseJql('a=1&&b!=2||!c~x').where).toMatchObject({ type: 'or' });
    expect(parseJql('order by created').where).toBeUndefined();
    expect(parseJql('"Story Points" >= 3').where).toMatchObject({
      field: { name: 'Story Points', quoted: true },
    });
    expect(parseJql('cf[10016] is not EMPTY').where).toMatchObject({
      field: { name: 'cf[10016]' },
      op: 'is not',
    });
    expect(parseJql('issue.property[valuerank.score].wsjf > 1').where).toMatchObject({
      field: { name: 'issue.property[valuerank.score].wsjf' },
    });
    expect(parseJql("summary ~ 'it\\'s'").where).toMatchObject({ value: { text: "it's" } });
  });

  it('reports syntax errors like Jira, with the position', () => {
    expect(errors('project = ')).toEqual([
      'Error in the JQL Query: Expecting either a value, list or function but got end of query. (line 1, character 11)',
    ]);
    expect(errors('project TRAIL')[0]).toMatch(
      /^Error in the JQL Query: Expecting operator but got 'TRAIL'\. The valid operators are .* \(line 1, character 9\)$/,
    );
    expect(errors('summary ~ "open')).toEqual([
      "Error in the JQL Query: The quoted string 'open' has not been completed. (line 1, character 11)",
    ]);
    expect(errors('status in (Done')).toEqual([
      "Error in the JQL Query: Expecting either ',' or ')' but got end of query. (line 1, character 16)",
    ]);
    expect(errors('(status = Done')).toEqual([
      "Error in the JQL Query: Expecting ')' but got end of query. (line 1, character 15)",
    ]);
    expect(errors('status = Done labels = x')[0]).toMatch(/Expecting either 'OR' or 'AND' but got 'labels'/);
    expect(errors('summary ~ 50%')[0]).toMatch(/The character '%' is a reserved JQL character/);
    expect(errors('assignee is Paula')[0]).toMatch(/Expecting 'EMPTY' or 'NULL'/);
    expect(errors('status =\n  ')[0]).toMatch(/\(line 2, character 3\)$/);
  });

  it('reports unknown fields, operators, values and functions, all at once', () => {
    expect(errors('colour = red AND size = big')).toEqual([
      "Field 'colour' does not exist or you do not have permission to view it.",
      "Field 'size' does not exist or you do not have permission to view it.",
    ]);
    expect(errors('summary = x')).toEqual(["The operator '=' is not supported by the 'summary' field."]);
    expect(errors('status ~ Done')).toEqual(["The operator '~' is not supported by the 'status' field."]);
    expect(errors('status = Closed')).toEqual(["The value 'Closed' does not exist for the field 'status'."]);
    expect(errors('sprint in nonsense()')).toEqual(["Unable to find JQL function 'nonsense()'."]);
    expect(errors('status = currentUser()')).toEqual([
      "A value provided by the function 'currentUser' is invalid for the field 'status'.",
    ]);
    expect(errors('summary was x')).toEqual(["The operator 'WAS' is not supported by the local Jira site."]);
  });

  it('hides projects the caller cannot browse', () => {
    expect(() => compileJql('project = FIN', jqlEnv(site, as(DEV)))).toThrow(
      "The value 'FIN' does not exist for the field 'project'.",
    );
  });
});

describe('JQL evaluation', () => {
  it('project, key, id, issuetype, status, statusCategory', () => {
    expect(find('project = FIN')).toEqual(['FIN-1', 'FIN-2']);
    expect(find('project in (TRAIL, FIN) AND key in (TRAIL-6, FIN-2)')).toEqual(['TRAIL-6', 'FIN-2']);
    expect(find('issuekey = 10006 OR id = 10007')).toEqual(T(6, 7));
    expect(find('project = TRAIL AND key > TRAIL-14')).toEqual(T(15, 16));
    expect(find('type = Epic')).toEqual(T(1));
    expect(find('issuetype != Story AND project = TRAIL')).toEqual(T(1, 5));
    expect(find('status = "In Progress"')).toEqual(T(8));
    expect(find('statusCategory = Done')).toEqual(T(4));
    expect(find('statusCategory != "To Do" AND project = TRAIL')).toEqual(T(4, 8));
  });

  it('text search: summary, description, text; stemming, wildcards, phrases', () => {
    expect(find('summary ~ deposit')).toEqual(T(2, 3));
    expect(find('summary ~ "booking"')).toEqual(T(1, 8)); // "booking" finds "book"
    expect(find('summary ~ "pay*"')).toEqual(['TRAIL-2', 'TRAIL-9', 'FIN-2']);
    expect(find('summary ~ "\\"a hut online\\""')).toEqual(T(8));
    expect(find('summary !~ deposit AND project = TRAIL AND key <= TRAIL-4')).toEqual(T(1, 4));
    expect(find('description ~ mountain')).toEqual(T(6));
    expect(find('text ~ "mountain huts"')).toEqual(T(6));
    expect(find('description is EMPTY AND key = TRAIL-7')).toEqual(T(7));
    expect(errors('summary ~ ""')).toEqual([
      "The field 'summary' does not support searching for an empty string.",
    ]);
  });

  it('labels, component, fixVersion (with version functions), parent', () => {
    expect(find('labels = mobile')).toEqual(T(6, 9, 10));
    expect(find('labels in (search, mobile) AND labels != mobile')).toEqual(T(7));
    expect(find('labels is EMPTY AND project = TRAIL AND key < TRAIL-4')).toEqual(T(1, 2, 3));
    expect(find('component = Search')).toEqual(T(6));
    expect(find('fixVersion = "2.0"')).toEqual(T(6));
    expect(find('fixVersion in unreleasedVersions()')).toEqual(T(6));
    expect(find('fixVersion in releasedVersions(TRAIL)')).toEqual([]);
    expect(find('parent = TRAIL-1')).toEqual(T(6));
    expect(find('parent in (TRAIL-6, TRAIL-1)')).toEqual(T(5, 6));
    expect(errors('parent = TRAIL-404')).toEqual([
      "An issue with key 'TRAIL-404' does not exist for field 'parent'.",
    ]);
  });

  it('sprint, with openSprints(), futureSprints(), closedSprints()', () => {
    expect(find('sprint in openSprints()')).toEqual(T(2, 3));
    expect(find('sprint in futureSprints()')).toEqual(T(3));
    expect(find('sprint in closedSprints()')).toEqual(T(7));
    expect(find('sprint = 2 OR sprint = "TRAIL Sprint 3"')).toEqual(T(2, 3));
    expect(find('sprint is EMPTY AND project = TRAIL AND key < TRAIL-5')).toEqual(T(1, 4));
    expect(find('cf[10020] in openSprints()')).toEqual(T(2, 3));
    expect(errors('sprint = nope')[0]).toMatch(/does not exist/);
  });

  it('assignee and reporter, with currentUser()', () => {
    expect(find('assignee = currentUser()', DEV)).toEqual(T(6));
    expect(find('assignee = currentUser()')).toEqual(T(11));
    expect(find('assignee in ("Paula Owner", u-dev)')).toEqual(T(6, 11));
    expect(find('assignee is EMPTY AND project = TRAIL AND key < TRAIL-3')).toEqual(T(1, 2));
    expect(find('assignee != u-dev AND project = TRAIL')).toEqual(T(11)); // != never matches an empty field
    expect(find('reporter = "po@example.test" AND project = FIN')).toEqual(['FIN-1', 'FIN-2']);
    expect(errors('assignee = nobody')).toEqual([
      "The value 'nobody' does not exist for the field 'assignee'.",
    ]);
  });

  it('priority compares by its sequence', () => {
    expect(find('priority > Medium')).toEqual(T(7, 10));
    expect(find('priority <= Low')).toEqual(T(14));
    expect(find('priority = Highest OR priority = 4')).toEqual(T(10, 14));
  });

  it('dates: duedate, created, updated, relative dates and functions', () => {
    expect(find('duedate <= 2026-03-01')).toEqual(T(6));
    expect(find('duedate > "2026/03/01"')).toEqual(T(16));
    expect(find('created >= 2026-01-15 AND created < "2026-01-16 09:00"')).toEqual(T(15));
    expect(find('updated > -3650d AND key = TRAIL-1')).toEqual(T(1));
    expect(find('created > now() OR duedate > startOfYear("+10y")')).toEqual([]);
    expect(find('created < endOfDay() AND key = TRAIL-2')).toEqual(T(2));
    expect(errors('created > yesterday')[0]).toMatch(
      /^Date value 'yesterday' for field 'created' is invalid/,
    );
  });

  it('custom fields by cf[id] and by name; options; EMPTY', () => {
    expect(find('cf[10016] >= 5')).toEqual(T(2, 6));
    expect(find('"Story Points" in (2, 3)')).toEqual(T(3, 4, 7));
    expect(find('"Business Value" > 5 AND "business value" != 13')).toEqual(T(8));
    expect(find('MoSCoW = "Must have"')).toEqual(T(6));
    expect(find('cf[10036] = 10100')).toEqual(T(6));
    expect(find('cf[10030] is not EMPTY')).toEqual(T(6, 8, 9));
    expect(errors('MoSCoW = "Nice to have"')).toEqual([
      "The option 'Nice to have' for field 'MoSCoW' does not exist.",
    ]);
    expect(errors('cf[10016] > many')).toEqual([
      "The value 'many' is not a valid number for the field 'cf[10016]'.",
    ]);
    expect(errors('cf[99999] = 1')).toEqual([
      "Field 'cf[99999]' does not exist or you do not have permission to view it.",
    ]);
  });

  it('issue properties: paths, arrays, comparisons, EMPTY', () => {
    expect(find('issue.property[valuerank.score].wsjf = 4.5')).toEqual(T(6));
    expect(
      find('issue.property[valuerank.score].wsjf >= 4 AND issue.property[valuerank.score].tags = quick-win'),
    ).toEqual(T(6));
    expect(find('issue.property[valuerank.score].wsjf < 4')).toEqual([]);
    expect(find('issue.property[valuerank.score].wsjf is EMPTY AND project = FIN')).toEqual([
      'FIN-1',
      'FIN-2',
    ]);
    expect(find('issue.property[valuerank.score] is not EMPTY')).toEqual(T(6));
  });

  it('NOT, OR, AND and parentheses', () => {
    expect(find('project = TRAIL AND NOT (labels = mobile OR labels = search) AND key < TRAIL-4')).toEqual(
      T(1, 2, 3),
    );
    expect(find('(labels = search OR labels = mobile) AND NOT labels = mobile')).toEqual(T(7));
  });

  it('ORDER BY rank, key, priority, dates, custom fields; empties last ascending', () => {
    expect(find('project = FIN ORDER BY Rank DESC')).toEqual(['FIN-2', 'FIN-1']);
    expect(find('labels = mobile ORDER BY key DESC')).toEqual(T(10, 9, 6));
    expect(find('key in (TRAIL-7, TRAIL-10, TRAIL-14, TRAIL-12) ORDER BY priority DESC')).toEqual(
      T(10, 7, 12, 14),
    );
    expect(find('cf[10030] is not EMPTY ORDER BY "Business Value" ASC')).toEqual(T(9, 8, 6));
    expect(find('key in (TRAIL-6, TRAIL-16, TRAIL-9) ORDER BY duedate ASC')).toEqual(T(6, 16, 9));
    expect(find('key in (TRAIL-6, TRAIL-16, TRAIL-9) ORDER BY duedate DESC')).toEqual(T(9, 16, 6));
    expect(find('project = TRAIL AND key <= TRAIL-3 ORDER BY created DESC')).toEqual(T(3, 2, 1));
    expect(find('key in (TRAIL-6, TRAIL-2) ORDER BY cf[10016] DESC, key ASC')).toEqual(T(6, 2));
    expect(compileJql('project = TRAIL ORDER BY Rank', jqlEnv(site, as(PO))).rankOrder).toBe('asc');
    expect(errors('project = TRAIL ORDER BY colour')).toEqual([
      "Field 'colour' does not exist or you do not have permission to view it.",
    ]);
  });
});
