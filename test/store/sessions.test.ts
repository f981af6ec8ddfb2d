/**
 * The sessions store on the emulated Forge KVS (real @forge/kvs, Forge's limits enforced by the harness):
 * the largest session (100 issues, 20 participants, 5 inputs, every rating with a 280-character reason)
 * fits under 240 KiB a value, and 20 participants rating at once lose nothing.
 */
import { KvsStore } from '../../dev/harness/kvs';
import {
  MAX_NOTE_CHARS,
  MAX_PARTICIPANTS,
  MAX_REASON_CHARS,
  MAX_SESSION_INPUTS,
  MAX_SESSION_ISSUES,
  MAX_TITLE_CHARS,
  type IssueRecord,
  type Rating,
  type Session,
} from '../../src/core/sessions';
import { MAX_VALUE_BYTES } from '../../src/store/keys';
import {
  listIssueRecords,
  listSessionHeads,
  readAllRatings,
  readOwnRatings,
  readSession,
  saveIssueRecords,
  saveRatings,
  saveSession,
} from '../../src/store/sessions';
import { installTestForge } from '../support/forge-runtime';

let store: KvsStore;
beforeEach(() => {
  store = installTestForge(new KvsStore());
});

const issues = Array.from({ length: MAX_SESSION_ISSUES }, (_, i) => `TRAIL-${1001 + i}`);
const inputs = [
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'customValueInputNumberOne',
  'customValueInputNumberTwo',
];
// Account ids as long as Atlassian's (557058:uuid) and reasons of multi-byte text at the limit.
const people = Array.from(
  { length: MAX_PARTICIPANTS },
  (_, i) => `557058:${String(i).padStart(8, '0')}-aaaa-bbbb-cccc-ddddeeeeffff`,
);
const longReason = 'Ça coûte “cher” — «très» cher; ÿ '.repeat(20).slice(0, MAX_REASON_CHARS);
const at = '2026-12-01T10:00:00.000Z';

const largest = (): Session => ({
  id: 'mfz3k2-abcdef',
  projectKey: 'TRAIL',
  title: 'T'.repeat(MAX_TITLE_CHARS),
  createdBy: people[0]!,
  createdAt: at,
  scale: 'fibonacci',
  inputs: inputs.slice(0, MAX_SESSION_INPUTS),
  issues,
  participants: people,
  weights: Object.fromEntries(people.map((p) => [p, 2.5])),
  state: 'committed',
  revealedAt: at,
  committedAt: at,
  committedBy: people[0]!,
  decisions: issues.map((issueKey) => ({
    issueKey,
    values: Object.fromEntries(inputs.map((n) => [n, 21])),
    note: 'é'.repeat(MAX_NOTE_CHARS),
  })),
});

const ratingsOf = (accountId: string, value: number): Rating[] =>
  issues.flatMap((issueKey) =>
    inputs.map((input) => ({ accountId, issueKey, input, value, reason: longReason, at })),
  );

const largestValue = () =>
  Math.max(
    ...Object.values(store.snapshot()).flatMap((space) =>
      Object.values(space).map((v) => Buffer.byteLength(JSON.stringify(v), 'utf8')),
    ),
  );

describe('the largest session fits Forge storage', () => {
  it('session, head, every participant’s ratings and every issue record stay under 240 KiB a value', async () => {
    await saveSession(largest());
    await Promise.all(people.map((p) => saveRatings('mfz3k2-abcdef', p, ratingsOf(p, 13))));
    const session = largest();
    const records: IssueRecord[] = issues.map((issueKey) => ({
      sessionId: session.id,
      projectKey: 'TRAIL',
      issueKey,
      title: session.title,
      scale: 'fibonacci',
      by: people[0]!,
      at,
      inputs: inputs.map((input) => ({
        input,
        fieldId: 'customfield_10030',
        from: 3,
        to: 21,
        median: 13,
        ratings: people.map((accountId) => ({ accountId, value: 13, reason: longReason })),
      })),
      note: 'é'.repeat(MAX_NOTE_CHARS),
    }));
    await saveIssueRecords(records);

    expect(largestValue()).toBeLessThan(MAX_VALUE_BYTES);
    expect(await readSession(session.id)).toEqual(session);
    const all = await readAllRatings(session.id);
    expect(all).toHaveLength(MAX_SESSION_ISSUES * MAX_PARTICIPANTS * MAX_SESSION_INPUTS);
    expect(all.every((r) => r.reason === longReason && r.value === 13)).toBe(true);
    expect(await listIssueRecords(issues[0]!)).toEqual([records[0]]);
    expect((await listSessionHeads('TRAIL')).map((h) => [h.id, h.state, h.issues])).toEqual([
      [session.id, 'committed', MAX_SESSION_ISSUES],
    ]);
  });

  it('more than the limits is refused before anything is written', async () => {
    await expect(saveSession({ ...largest(), issues: [...issues, 'TRAIL-9999'] })).rejects.toThrow();
    await expect(saveSession({ ...largest(), participants: [...people, 'one-more'] })).rejects.toThrow();
    await expect(
      saveRatings('s', 'ann', [
        {
          accountId: 'ann',
          issueKey: 'TRAIL-1',
          input: 'businessValue',
          value: 3,
          reason: 'x'.repeat(MAX_REASON_CHARS + 1),
          at,
        },
      ]),
    ).rejects.toThrow();
    expect(Object.keys(store.snapshot().kvs ?? {})).toEqual([]);
  });
});

describe('concurrent ratings', () => {
  it('20 participants rating at once, each issue by issue: nothing is lost', async () => {
    const session = { ...largest(), state: 'open' as const };
    await saveSession(session);
    // Every participant rates 30 issues one after another (as the rating view saves), all 20 at the same time.
    await Promise.all(
      people.map(async (p, i) => {
        const mine = ratingsOf(p, [1, 2, 3, 5, 8, 13, 21][i % 7]!)
          .filter((r) => r.input === 'businessValue')
          .slice(0, 30);
        for (const rating of mine) await saveRatings(session.id, p, [rating]);
      }),
    );
    const all = await readAllRatings(session.id);
    expect(all).toHaveLength(30 * MAX_PARTICIPANTS);
    for (const [i, p] of people.entries()) {
      const mine = all.filter((r) => r.accountId === p);
      expect(mine.map((r) => r.issueKey).sort()).toEqual(issues.slice(0, 30).sort());
      expect(mine.every((r) => r.value === [1, 2, 3, 5, 8, 13, 21][i % 7])).toBe(true);
    }
  });

  it('20 participants saving all their ratings at the same moment: every rating is there', async () => {
    const session = { ...largest(), state: 'open' as const };
    await saveSession(session);
    await Promise.all(
      people.map((p, i) => saveRatings(session.id, p, ratingsOf(p, [1, 2, 3, 5, 8, 13, 21][i % 7]!))),
    );
    const all = await readAllRatings(session.id);
    expect(all).toHaveLength(MAX_SESSION_ISSUES * MAX_PARTICIPANTS * MAX_SESSION_INPUTS);
    for (const [i, p] of people.entries()) {
      const mine = await readOwnRatings(session.id, p, inputs);
      expect(mine).toHaveLength(MAX_SESSION_ISSUES * MAX_SESSION_INPUTS);
      expect(new Set(mine.map((r) => r.value))).toEqual(new Set([[1, 2, 3, 5, 8, 13, 21][i % 7]]));
    }
  });
});
