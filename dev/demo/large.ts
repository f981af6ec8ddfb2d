/**
 * Large generated backlogs for performance work. Summaries, descriptions and acceptance criteria are assembled
 * from hand-written fragments with a seeded generator; the result is deterministic for a given issue count.
 */
import type { SeedInput } from '../site/seed-schema';
import type { AdfDoc, AdfNode } from './adf';
import type { IssueTypeName, Person, PriorityName } from './model';
import { createRng, uuidFrom, type Rng } from './prng';
import {
  DEMO_NOW,
  FIELD,
  MOSCOW_OPTIONS,
  TEAM_OPTIONS,
  issueType,
  jiraTime,
  linkType,
  priority,
  status,
  userRef,
} from './site';
import { rankString } from './build';

type SeedIssueInput = SeedInput['issues'][number];

const ROLES = [
  'guest',
  'returning guest',
  'group organiser',
  'parent',
  'guide',
  'new guide',
  'guide company owner',
  'support agent',
  'finance manager',
  'marketing lead',
] as const;

/** Goal, benefit and component, written for the Trailhead domain. */
const GOALS: ReadonlyArray<readonly [string, string, string]> = [
  ['filter tours by start time', 'I can fit a tour around my travel plans', 'Search'],
  ['see the total price before entering my details', 'I am not surprised at the payment step', 'Booking'],
  ['download all receipts of a year at once', 'my accounting takes minutes instead of hours', 'Payments'],
  ["duplicate last season's departures", 'I can publish the new season quickly', 'Guide Portal'],
  ['get a push message when my guide writes to me', 'I answer before the trip starts', 'Notifications'],
  ['open my ticket without signal', 'I can check in at remote trailheads', 'Mobile App'],
  ['see which departures are nearly full', 'I can decide whether to add a second guide', 'Guide Portal'],
  ['pay with a saved card', 'checkout is faster on my phone', 'Payments'],
  ['search tours by mountain hut', 'I find multi-day trips that match my route', 'Search'],
  ['change the number of participants', 'I can bring a friend who decided late', 'Booking'],
  ['find a booking by phone number', 'I can help callers quickly', 'Platform'],
  ['export participant lists as CSV', 'I can share them with the hut warden', 'Guide Portal'],
  ['see the difficulty explained in plain words', 'I pick a tour that matches my fitness', 'Search'],
  ['receive a reminder to bring my gear', 'I do not forget my helmet', 'Notifications'],
  ['see refunds in my payout statement', 'I understand why a payout was lower', 'Payments'],
  ['set a different price for weekends', 'my prices follow demand', 'Guide Portal'],
  ['share a tour with friends in a chat app', 'we can decide together', 'Mobile App'],
  ['see the cancellation deadline on my booking', 'I know until when I can cancel for free', 'Booking'],
  ['mark a participant as no-show', 'the review invitation is not sent to them', 'Guide Portal'],
  ['see the weather forecast for the meeting point', 'I can dress for the conditions', 'Mobile App'],
  ['filter reviews by language', 'I read reviews I understand', 'Search'],
  ['see all my upcoming trips in one list', 'I can plan my holidays', 'Booking'],
  ['retry a failed payout', 'guides are paid without a developer', 'Payments'],
  ['load search results faster on slow networks', 'I keep browsing', 'Platform'],
];

const BUG_SUMMARIES: ReadonlyArray<readonly [string, string]> = [
  ['Date picker skips the last day of the month', 'Booking'],
  ['Payout statement totals differ from the bank transfer by a few cents', 'Payments'],
  ['Tour photos appear rotated on some Android phones', 'Mobile App'],
  ['Search returns tours from the wrong country for ambiguous place names', 'Search'],
  ['Reminder emails are sent twice after a booking change', 'Notifications'],
  ['Guide portal logs out after 5 minutes of inactivity', 'Guide Portal'],
  ['Checkout button stays disabled after correcting a form error', 'Booking'],
  ['Admin export fails for more than 10,000 rows', 'Platform'],
];

const TASK_SUMMARIES: ReadonlyArray<readonly [string, string]> = [
  ['Spike: evaluate a new map tile provider', 'Platform'],
  ['Upgrade the payment SDK', 'Payments'],
  ['Add monitoring for the notification queue', 'Notifications'],
  ['Remove the old search endpoint', 'Search'],
  ['Refactor availability calculation', 'Guide Portal'],
  ['Migrate push notifications to the new provider', 'Mobile App'],
];

const CRITERIA: readonly string[] = [
  'Works on the latest two versions of Chrome, Safari and Firefox',
  'Response time under 500 ms for 95% of requests',
  'The change is visible to guests within 5 minutes',
  'An event is sent to analytics with the outcome',
  'Error messages say what went wrong and what to do next',
  'Texts are available in English, German, Italian and French',
  'Only the owner of the booking can see the information',
  'Looks good on mobile',
  'Is fast enough',
  'Handles errors if possible',
  'Support can see the change in the admin',
  'Existing bookings are not affected',
  'The guide is notified and the guest is notified and the log is updated',
  'Screen readers announce the new state',
];

const INTROS: readonly string[] = [
  'Raised several times in support tickets this quarter.',
  'From the guide advisory board meeting.',
  'Came up in the usability test with 8 guests.',
  'Competitors offer this and guests mention it in reviews.',
  'Small change with a clear benefit; low risk.',
  'We are not sure about the value yet; needs a conversation with the PO.',
];

const FIB = [1, 2, 3, 5, 8, 13] as const;
const IMPACT = [0.25, 0.5, 1, 2, 3] as const;
const PRIORITIES: ReadonlyArray<readonly [PriorityName, number]> = [
  ['Highest', 3],
  ['High', 17],
  ['Medium', 55],
  ['Low', 18],
  ['Lowest', 7],
];
const COMPONENT_IDS: Record<string, string> = {
  Search: '10000',
  Booking: '10001',
  Payments: '10002',
  'Guide Portal': '10003',
  'Mobile App': '10004',
  Notifications: '10005',
  Platform: '10006',
};
const LABELS = ['web', 'mobile', 'payments', 'seo', 'a11y', 'tech-debt', 'email', 'i18n'] as const;

const text = (value: string): AdfNode => ({ type: 'text', text: value });
const para = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });

function description(rng: Rng, intro: string, withCriteria: boolean): AdfDoc {
  const content: AdfNode[] = [para(text(intro))];
  if (withCriteria) {
    const count = rng.int(2, 4);
    const picked = new Set<string>();
    while (picked.size < count) picked.add(rng.pick(CRITERIA));
    const form = rng.int(0, 3);
    if (form === 3) {
      content.push({ type: 'heading', attrs: { level: 3 }, content: [text('Acceptance criteria')] });
      content.push(
        para(text('Given a published tour'), { type: 'hardBreak' }, text('When a guest opens it')),
        para(text(`Then ${[...picked][0]?.toLowerCase() ?? 'it works'}`)),
      );
    } else if (form === 2) {
      content.push(para({ type: 'text', text: 'Acceptance criteria', marks: [{ type: 'strong' }] }));
      content.push({
        type: 'taskList',
        attrs: { localId: uuidFrom(rng) },
        content: [...picked].map((c) => ({
          type: 'taskItem',
          attrs: { localId: uuidFrom(rng), state: rng.chance(0.2) ? 'DONE' : 'TODO' },
          content: [text(c)],
        })),
      });
    } else {
      content.push({ type: 'heading', attrs: { level: 2 }, content: [text('Acceptance criteria')] });
      content.push({
        type: form === 0 ? 'bulletList' : 'orderedList',
        content: [...picked].map((c) => ({ type: 'listItem', content: [para(text(c))] })),
      });
    }
  }
  return { type: 'doc', version: 1, content };
}

export interface LargeProject {
  projectId: string;
  projectKey: string;
  projectName: string;
}

/** `count` backlog issues (To Do, no sprint) in rank order; keys in creation order. */
export function buildLargeIssues(count: number, project: LargeProject): SeedIssueInput[] {
  const rng = createRng(20261118);
  const start = Date.parse('2025-01-06T09:00:00Z');
  const step = Math.max(60_000, Math.floor((DEMO_NOW - start - 86_400_000) / Math.max(1, count)));
  const issues: SeedIssueInput[] = [];
  const scores: number[] = [];
  for (let n = 0; n < count; n++) {
    const roll = rng.next();
    const type: IssueTypeName = roll < 0.75 ? 'Story' : roll < 0.9 ? 'Bug' : 'Task';
    let summary: string;
    let component: string;
    if (type === 'Story') {
      const [goal, benefit, comp] = rng.pick(GOALS);
      const role = rng.pick(ROLES);
      const form = rng.next();
      const article = /^[aeiou]/.test(role) ? 'an' : 'a';
      if (form < 0.65) summary = `As ${article} ${role}, I want to ${goal}, so that ${benefit}`;
      else if (form < 0.85) summary = `As ${article} ${role}, I want to ${goal}`;
      else summary = goal.charAt(0).toUpperCase() + goal.slice(1);
      component = comp;
    } else {
      [summary, component] = rng.pick(type === 'Bug' ? BUG_SUMMARIES : TASK_SUMMARIES);
    }
    const prio = rng.weighted(PRIORITIES);
    const created = start + n * step + rng.int(0, Math.floor(step / 2));
    const updated = Math.min(created + rng.int(0, 90) * 86_400_000, DEMO_NOW - 60_000);
    const hasWsjf = rng.chance(0.7);
    const hasRice = rng.chance(0.5);
    const level = { Highest: 5, High: 4, Medium: 3, Low: 2, Lowest: 1 }[prio];
    const moscow = rng.chance(0.5)
      ? MOSCOW_OPTIONS[Math.max(0, Math.min(3, 4 - level + rng.int(-1, 1)))]
      : undefined;
    const team = rng.chance(0.4) ? rng.pick(TEAM_OPTIONS) : undefined;
    const id = String(10001 + n);
    const key = `${project.projectKey}-${n + 1}`;
    const hasDescription = rng.chance(0.85);
    const fields: Record<string, unknown> = {
      summary,
      issuetype: issueType(type),
      status: status('To Do'),
      project: {
        id: project.projectId,
        key: project.projectKey,
        name: project.projectName,
        projectTypeKey: 'software',
        simplified: false,
      },
      priority: priority(prio),
      description: hasDescription ? description(rng, rng.pick(INTROS), rng.chance(0.65)) : null,
      labels: rng.chance(0.4) ? [rng.pick(LABELS)] : [],
      components: [{ id: COMPONENT_IDS[component] ?? '10006', name: component }],
      fixVersions: [],
      duedate: null,
      created: jiraTime(created),
      updated: jiraTime(Math.max(updated, created + 60_000)),
      statuscategorychangedate: jiraTime(created),
      resolution: null,
      resolutiondate: null,
      reporter: userRef(rng.chance(0.8) ? 'po' : 'dev'),
      assignee: rng.chance(0.1) ? userRef('dev' as Person) : null,
      issuelinks: [],
      subtasks: [],
      [FIELD.storyPoints]: type !== 'Task' && rng.chance(0.85) ? rng.pick(FIB) : null,
      [FIELD.sprint]: null,
      [FIELD.businessValue]: hasWsjf ? rng.pick(FIB) : null,
      [FIELD.timeCriticality]: hasWsjf && rng.chance(0.9) ? rng.pick(FIB) : null,
      [FIELD.riskReduction]: hasWsjf && rng.chance(0.8) ? rng.pick(FIB) : null,
      [FIELD.reach]: hasRice ? rng.int(1, 400) * 100 : null,
      [FIELD.impact]: hasRice ? rng.pick(IMPACT) : null,
      [FIELD.confidence]: hasRice ? rng.pick([50, 80, 100]) : null,
      [FIELD.moscow]: moscow ? { ...moscow } : null,
      [FIELD.acceptanceCriteria]: null,
      [FIELD.team]: team ? { ...team } : null,
    };
    issues.push({ id, key, fields: fields as SeedIssueInput['fields'] });
    scores.push(level + rng.normal(0, 1.5));
  }

  // A few "Blocks" links, on both issues as Jira returns them.
  let linkId = 30001;
  for (let n = 40; n < count; n += 40) {
    const blocker = issues[n] as SeedIssueInput;
    const blocked = issues[rng.int(0, n - 1)] as SeedIssueInput;
    const brief = (i: SeedIssueInput): { id: string; key: string; fields: Record<string, unknown> } => ({
      id: i.id,
      key: i.key,
      fields: {
        summary: i.fields.summary,
        status: status('To Do'),
        priority: i.fields.priority ? { ...i.fields.priority } : null,
        issuetype: { ...i.fields.issuetype },
      },
    });
    const id = String(linkId++);
    blocker.fields.issuelinks?.push({ id, type: linkType('Blocks'), outwardIssue: brief(blocked) });
    blocked.fields.issuelinks?.push({ id, type: linkType('Blocks'), inwardIssue: brief(blocker) });
  }

  // Rank: a noisy priority order, as a busy PO would leave it.
  const order = issues.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  return order.map((index, position) => {
    const issue = issues[index] as SeedIssueInput;
    issue.fields[FIELD.rank] = rankString(position);
    return issue;
  });
}
