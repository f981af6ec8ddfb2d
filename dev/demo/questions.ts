/**
 * The demo's questions for the Product Owner (issue 16): three open questions in TRAIL, asked as Jira
 * comments by the developer and marked with the `valuerank-question` comment property, one
 * of them on an issue in the top five of the backlog order; each issue carries the `valuerank-questions`
 * property the app would have written, so `issue.property[valuerank-questions].open > 0` finds them.
 */
import {
  QUESTION_PROPERTY,
  QUESTIONS_PROPERTY,
  questionsOf,
  questionsProperty,
  textToAdf,
} from '../../src/core/questions';
import type { SeedInput } from '../site/seed-schema';
import { ACCOUNT } from './site';

type SeedIssueInput = SeedInput['issues'][number];

interface DemoQuestion {
  /** Position among TRAIL's unresolved issues by rank (1 = top). */
  position: number;
  author: string;
  created: string;
  text: string;
}

const QUESTIONS: DemoQuestion[] = [
  {
    position: 3,
    author: ACCOUNT.dev,
    created: '2026-11-24T10:15:00.000+0000',
    text: 'Should this work offline too, or only with a connection?',
  },
  {
    position: 14,
    author: ACCOUNT.dev,
    created: '2026-11-09T14:02:00.000+0000',
    text: 'Which hikers is this for first: beginners or regulars?',
  },
  {
    position: 22,
    author: ACCOUNT.dev,
    created: '2026-11-18T08:40:00.000+0000',
    text: 'Is a rough estimate enough here, or do we need the exact figure?',
  },
];

const unresolved = (issue: SeedIssueInput) => {
  const status = (issue.fields as { status?: { statusCategory?: { key?: string } } }).status;
  return status?.statusCategory?.key !== 'done';
};
const isEpic = (issue: SeedIssueInput) =>
  (issue.fields as { issuetype?: { name?: string } }).issuetype?.name === 'Epic';

/** The issues (in rank order) with the demo questions added to TRAIL; comment ids from 20001. */
export function withDemoQuestions(issues: SeedIssueInput[]): SeedIssueInput[] {
  const trail = issues.filter((i) => i.key.startsWith('TRAIL-') && unresolved(i));
  const chosen = new Map<string, DemoQuestion>();
  for (const q of QUESTIONS) {
    // The issue at that position, or the next one below it that is not an epic.
    const issue = trail.slice(q.position - 1).find((i) => !isEpic(i) && !chosen.has(i.key));
    if (issue) chosen.set(issue.key, q);
  }
  let nextId = 20001;
  return issues.map((issue) => {
    const q = chosen.get(issue.key);
    if (!q) return issue;
    const comment = {
      id: String(nextId++),
      author: q.author,
      body: textToAdf(q.text),
      created: q.created,
      properties: { [QUESTION_PROPERTY]: { v: 1, kind: 'question', state: 'open' } },
    };
    const comments = [...(issue.comments ?? []), comment];
    const property = questionsProperty(
      questionsOf(
        comments.map((c) => ({
          id: c.id,
          authorId: c.author,
          created: c.created,
          body: c.body,
          properties: Object.entries(c.properties ?? {}).map(([key, value]) => ({ key, value })),
        })),
      ),
    );
    return { ...issue, comments, properties: { ...issue.properties, [QUESTIONS_PROPERTY]: property } };
  });
}
