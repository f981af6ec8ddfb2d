/**
 * The parts of the demo site that are the same for every seed: users, fields, issue types, statuses,
 * priorities, link types, and the Jira-shaped objects issues embed. Every factory returns a fresh object,
 * so a site that mutates one issue cannot change another.
 */
import { PERMISSION_KEYS, type SeedInput } from '../site/seed-schema';
import type { IssueTypeName, Person, PriorityName, StatusName } from './model';

type SeedUserInput = SeedInput['users'][number];
type SeedFieldInput = SeedInput['fields'][number];
type Permission = SeedInput['projects'][number]['permissions'][string][number];

export const ACCOUNT: Record<Person | 'outsider', string> = {
  po: 'local-po',
  dev: 'local-dev',
  viewer: 'local-viewer',
  outsider: 'local-outsider',
};

export function users(): SeedUserInput[] {
  return [
    {
      accountId: 'local-po',
      displayName: 'Amara Okafor',
      emailAddress: 'amara@trailhead.example',
      apiToken: 'local-token-po',
      active: true,
      timeZone: 'Europe/London',
      globalPermissions: ['ADMINISTER', 'USER_PICKER'],
    },
    {
      accountId: 'local-dev',
      displayName: 'Jonas Lindqvist',
      emailAddress: 'jonas@trailhead.example',
      apiToken: 'local-token-dev',
      active: true,
      timeZone: 'Europe/Stockholm',
      globalPermissions: ['USER_PICKER'],
    },
    {
      accountId: 'local-viewer',
      displayName: 'Mei Tanaka',
      emailAddress: 'mei@trailhead.example',
      apiToken: 'local-token-viewer',
      active: true,
      timeZone: 'Asia/Tokyo',
      globalPermissions: ['USER_PICKER'],
    },
    {
      accountId: 'local-outsider',
      displayName: 'Sam Rivera',
      emailAddress: 'sam@trailhead.example',
      apiToken: 'local-token-outsider',
      active: true,
      timeZone: 'America/Denver',
      globalPermissions: ['USER_PICKER'],
    },
  ];
}

const DISPLAY_NAME: Record<string, string> = {
  'local-po': 'Amara Okafor',
  'local-dev': 'Jonas Lindqvist',
  'local-viewer': 'Mei Tanaka',
  'local-outsider': 'Sam Rivera',
};
const TIME_ZONE: Record<string, string> = {
  'local-po': 'Europe/London',
  'local-dev': 'Europe/Stockholm',
  'local-viewer': 'Asia/Tokyo',
  'local-outsider': 'America/Denver',
};

/** A user as issues embed it (assignee, reporter, changelog author). */
export function userRef(person: Person): Record<string, unknown> {
  const accountId = ACCOUNT[person];
  return {
    accountId,
    displayName: DISPLAY_NAME[accountId],
    active: true,
    accountType: 'atlassian',
    timeZone: TIME_ZONE[accountId],
  };
}

export const ALL_PERMISSIONS: Permission[] = [...PERMISSION_KEYS];
export const DEVELOPER_PERMISSIONS: Permission[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'LINK_ISSUES',
  'ADD_COMMENTS',
  'ASSIGN_ISSUES',
];
export const VIEWER_PERMISSIONS: Permission[] = ['BROWSE_PROJECTS'];

/** Permissions of a project the whole team works in (the outsider is deliberately absent). */
export function teamPermissions(): Record<string, Permission[]> {
  return {
    'local-po': [...ALL_PERMISSIONS],
    'local-dev': [...DEVELOPER_PERMISSIONS],
    'local-viewer': [...VIEWER_PERMISSIONS],
  };
}

export const FIELD = {
  storyPoints: 'customfield_10016',
  rank: 'customfield_10019',
  sprint: 'customfield_10020',
  businessValue: 'customfield_10030',
  timeCriticality: 'customfield_10031',
  riskReduction: 'customfield_10032',
  reach: 'customfield_10033',
  impact: 'customfield_10034',
  confidence: 'customfield_10035',
  moscow: 'customfield_10036',
  acceptanceCriteria: 'customfield_10037',
  team: 'customfield_10038',
} as const;

export const MOSCOW_OPTIONS = [
  { id: '10100', value: 'Must have' },
  { id: '10101', value: 'Should have' },
  { id: '10102', value: 'Could have' },
  { id: '10103', value: "Won't have" },
];
export const TEAM_OPTIONS = [
  { id: '10110', value: 'Pathfinders' },
  { id: '10111', value: 'Basecamp' },
  { id: '10112', value: 'Switchback' },
  { id: '10113', value: 'Summit' },
];

const FLOAT = 'com.atlassian.jira.plugin.system.customfieldtypes:float';
const SELECT = 'com.atlassian.jira.plugin.system.customfieldtypes:select';

function system(id: string, name: string, type: string, items?: string): SeedFieldInput {
  return { id, name, custom: false, schema: { type, system: id, ...(items ? { items } : {}) } };
}
function custom(id: string, name: string, type: string, customType: string, items?: string): SeedFieldInput {
  const customId = Number(id.replace('customfield_', ''));
  return {
    id,
    name,
    custom: true,
    schema: { type, custom: customType, customId, ...(items ? { items } : {}) },
  };
}

/** The fields of `GET /rest/api/3/field`. */
export function fields(): SeedFieldInput[] {
  return [
    system('summary', 'Summary', 'string'),
    system('description', 'Description', 'string'),
    system('issuetype', 'Issue Type', 'issuetype'),
    system('status', 'Status', 'status'),
    system('priority', 'Priority', 'priority'),
    system('labels', 'Labels', 'array', 'string'),
    system('components', 'Components', 'array', 'component'),
    system('fixVersions', 'Fix versions', 'array', 'version'),
    system('duedate', 'Due date', 'date'),
    system('assignee', 'Assignee', 'user'),
    system('reporter', 'Reporter', 'user'),
    { id: 'parent', name: 'Parent', custom: false },
    system('issuelinks', 'Linked Issues', 'array', 'issuelinks'),
    system('created', 'Created', 'datetime'),
    system('updated', 'Updated', 'datetime'),
    system('project', 'Project', 'project'),
    custom(FIELD.storyPoints, 'Story Points', 'number', FLOAT),
    custom(FIELD.rank, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'),
    custom(FIELD.sprint, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', 'json'),
    custom(FIELD.businessValue, 'Business Value', 'number', FLOAT),
    custom(FIELD.timeCriticality, 'Time Criticality', 'number', FLOAT),
    custom(FIELD.riskReduction, 'Risk Reduction / Opportunity Enablement', 'number', FLOAT),
    custom(FIELD.reach, 'Reach', 'number', FLOAT),
    custom(FIELD.impact, 'Impact', 'number', FLOAT),
    custom(FIELD.confidence, 'Confidence', 'number', FLOAT),
    { ...custom(FIELD.moscow, 'MoSCoW', 'option', SELECT), options: MOSCOW_OPTIONS.map((o) => ({ ...o })) },
    custom(
      FIELD.acceptanceCriteria,
      'Acceptance Criteria',
      'string',
      'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
    ),
    { ...custom(FIELD.team, 'Team', 'option', SELECT), options: TEAM_OPTIONS.map((o) => ({ ...o })) },
  ];
}

const ISSUE_TYPES: Record<IssueTypeName, { id: string; hierarchyLevel: number; description: string }> = {
  Epic: { id: '10000', hierarchyLevel: 1, description: 'A big user story that needs to be broken down.' },
  Story: {
    id: '10001',
    hierarchyLevel: 0,
    description: 'Functionality or a feature expressed as a user goal.',
  },
  Task: { id: '10002', hierarchyLevel: 0, description: 'A small, distinct piece of work.' },
  Bug: { id: '10004', hierarchyLevel: 0, description: 'A problem or error.' },
};

export function issueType(name: IssueTypeName): Record<string, unknown> {
  const t = ISSUE_TYPES[name];
  return { id: t.id, name, description: t.description, subtask: false, hierarchyLevel: t.hierarchyLevel };
}

const STATUSES: Record<StatusName, { id: string; category: 'new' | 'indeterminate' | 'done' }> = {
  'To Do': { id: '10000', category: 'new' },
  'In Progress': { id: '3', category: 'indeterminate' },
  'In Review': { id: '10001', category: 'indeterminate' },
  Done: { id: '10002', category: 'done' },
};
const CATEGORY = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

export function status(name: StatusName): {
  id: string;
  name: StatusName;
  statusCategory: Record<string, unknown>;
} {
  const s = STATUSES[name];
  return { id: s.id, name, statusCategory: { ...CATEGORY[s.category] } };
}
export const statusId = (name: StatusName): string => STATUSES[name].id;

const PRIORITY_IDS: Record<PriorityName, string> = {
  Highest: '1',
  High: '2',
  Medium: '3',
  Low: '4',
  Lowest: '5',
};
export function priority(name: PriorityName): { id: string; name: PriorityName } {
  return { id: PRIORITY_IDS[name], name };
}

const LINK_TYPES = {
  Blocks: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  Duplicate: { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  Relates: { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
} as const;
export function linkType(name: keyof typeof LINK_TYPES): {
  id: string;
  name: string;
  inward: string;
  outward: string;
} {
  return { ...LINK_TYPES[name] };
}

/** Formats a UTC time like Jira does: `2026-05-14T09:12:33.000+0000`. */
export function jiraTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('Z', '+0000');
}

/** "Now" on the demo site: every date in the seed lies before it. */
export const DEMO_NOW = Date.parse('2026-11-18T16:30:00Z');
