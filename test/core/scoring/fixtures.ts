/** Shared test data: the Trailhead demo site's fields (as `GET /rest/api/3/field` gives them) and a mapping. */
import type { FieldMapping, JiraFieldInfo } from '../../../src/core/scoring/mapping';

const FLOAT = 'com.atlassian.jira.plugin.system.customfieldtypes:float';
const SELECT = 'com.atlassian.jira.plugin.system.customfieldtypes:select';

const system = (id: string, name: string, type: string, items?: string): JiraFieldInfo => ({
  id,
  name,
  custom: false,
  schema: { type, system: id, ...(items ? { items } : {}) },
});
const custom = (id: string, name: string, type: string, customType: string): JiraFieldInfo => ({
  id,
  name,
  custom: true,
  schema: { type, custom: customType },
});

/** The Trailhead demo's fields, plus the distractors a real site has. */
export const TRAILHEAD_FIELDS: JiraFieldInfo[] = [
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
  { id: 'parent', name: 'Parent', custom: false },
  system('issuelinks', 'Linked Issues', 'array', 'issuelinks'),
  system('created', 'Created', 'datetime'),
  custom('customfield_10016', 'Story Points', 'number', FLOAT),
  custom('customfield_10019', 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'),
  custom('customfield_10020', 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint'),
  custom('customfield_10030', 'Business Value', 'number', FLOAT),
  custom('customfield_10031', 'Time Criticality', 'number', FLOAT),
  custom('customfield_10032', 'Risk Reduction / Opportunity Enablement', 'number', FLOAT),
  custom('customfield_10033', 'Reach', 'number', FLOAT),
  custom('customfield_10034', 'Impact', 'number', FLOAT),
  custom('customfield_10035', 'Confidence', 'number', FLOAT),
  custom('customfield_10036', 'MoSCoW', 'option', SELECT),
  custom(
    'customfield_10037',
    'Acceptance Criteria',
    'string',
    'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
  ),
  custom('customfield_10038', 'Team', 'option', SELECT),
  // Distractors: a team-managed estimate, a text field that only looks like a value field, near names.
  custom('customfield_10028', 'Story point estimate', 'number', FLOAT),
  custom(
    'customfield_10040',
    'Business value (notes)',
    'string',
    'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
  ),
  custom('customfield_10041', 'Impact area', 'option', SELECT),
  custom(
    'customfield_10042',
    'Reach (notes)',
    'string',
    'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
  ),
];

/** The Trailhead mapping, written out (what proposeMapping gives, minus tables and notes). */
export const TRAILHEAD: FieldMapping = {
  storyPoints: { fieldId: 'customfield_10016', fieldName: 'Story Points' },
  businessValue: { fieldId: 'customfield_10030', fieldName: 'Business Value' },
  timeCriticality: { fieldId: 'customfield_10031', fieldName: 'Time Criticality' },
  riskReduction: { fieldId: 'customfield_10032', fieldName: 'Risk Reduction / Opportunity Enablement' },
  reach: { fieldId: 'customfield_10033', fieldName: 'Reach' },
  impact: { fieldId: 'customfield_10034', fieldName: 'Impact' },
  confidence: { fieldId: 'customfield_10035', fieldName: 'Confidence' },
  moscow: { fieldId: 'customfield_10036', fieldName: 'MoSCoW' },
  priority: { fieldId: 'priority', fieldName: 'Priority' },
};

export const F = {
  sp: 'customfield_10016',
  bv: 'customfield_10030',
  tc: 'customfield_10031',
  rr: 'customfield_10032',
  reach: 'customfield_10033',
  impact: 'customfield_10034',
  confidence: 'customfield_10035',
  moscow: 'customfield_10036',
} as const;

export const issue = (key: string, fields: Record<string, unknown>) => ({ key, fields });

export const NOW = '2024-05-08';
