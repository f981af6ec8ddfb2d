/**
 * The site's field catalogue (`GET /rest/api/3/field`): the seed's fields plus the system fields every Jira
 * Cloud site has, each with its JQL clause names (`cf[10016]` and the name for custom fields).
 */
import type { SeedField } from './seed-schema';
import { RANK_FIELD_ID, SPRINT_FIELD_ID } from './seed';

export interface FieldSchema {
  type: string;
  items?: string;
  system?: string;
  custom?: string;
  customId?: number;
}

export interface FieldDef {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  schema?: FieldSchema;
  clauseNames: string[];
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  options?: Array<{ id: string; value: string }>;
}

interface SystemFieldSpec {
  id: string;
  name: string;
  clauseNames: string[];
  schema?: FieldSchema;
  orderable?: boolean;
  searchable?: boolean;
}

const sys = (type: string, system: string, items?: string): FieldSchema =>
  items === undefined ? { type, system } : { type, system, items };

/** System fields as Jira Cloud lists them (the subset the local site knows how to hold and search). */
const SYSTEM_FIELDS: SystemFieldSpec[] = [
  { id: 'issuekey', name: 'Key', clauseNames: ['id', 'issue', 'issuekey', 'key'], orderable: false },
  { id: 'summary', name: 'Summary', clauseNames: ['summary'], schema: sys('string', 'summary') },
  {
    id: 'description',
    name: 'Description',
    clauseNames: ['description'],
    schema: sys('string', 'description'),
  },
  {
    id: 'issuetype',
    name: 'Issue Type',
    clauseNames: ['issuetype', 'type'],
    schema: sys('issuetype', 'issuetype'),
  },
  {
    id: 'status',
    name: 'Status',
    clauseNames: ['status'],
    schema: sys('status', 'status'),
    orderable: false,
  },
  {
    id: 'statusCategory',
    name: 'Status Category',
    clauseNames: ['statusCategory'],
    schema: sys('statusCategory', 'statusCategory'),
    orderable: false,
  },
  { id: 'priority', name: 'Priority', clauseNames: ['priority'], schema: sys('priority', 'priority') },
  { id: 'labels', name: 'Labels', clauseNames: ['labels'], schema: sys('array', 'labels', 'string') },
  {
    id: 'components',
    name: 'Components',
    clauseNames: ['component'],
    schema: sys('array', 'components', 'component'),
  },
  {
    id: 'fixVersions',
    name: 'Fix versions',
    clauseNames: ['fixVersion'],
    schema: sys('array', 'fixVersions', 'version'),
  },
  { id: 'duedate', name: 'Due date', clauseNames: ['due', 'duedate'], schema: sys('date', 'duedate') },
  { id: 'assignee', name: 'Assignee', clauseNames: ['assignee'], schema: sys('user', 'assignee') },
  { id: 'reporter', name: 'Reporter', clauseNames: ['reporter'], schema: sys('user', 'reporter') },
  { id: 'parent', name: 'Parent', clauseNames: ['parent'] },
  {
    id: 'issuelinks',
    name: 'Linked Issues',
    clauseNames: ['issueLink'],
    schema: sys('array', 'issuelinks', 'issuelinks'),
  },
  {
    id: 'created',
    name: 'Created',
    clauseNames: ['created', 'createdDate'],
    schema: sys('datetime', 'created'),
    orderable: false,
  },
  {
    id: 'updated',
    name: 'Updated',
    clauseNames: ['updated', 'updatedDate'],
    schema: sys('datetime', 'updated'),
    orderable: false,
  },
  { id: 'project', name: 'Project', clauseNames: ['project'], schema: sys('project', 'project') },
  {
    id: 'resolution',
    name: 'Resolution',
    clauseNames: ['resolution'],
    schema: sys('resolution', 'resolution'),
  },
  {
    id: 'resolutiondate',
    name: 'Resolved',
    clauseNames: ['resolutiondate', 'resolved'],
    schema: sys('datetime', 'resolutiondate'),
    orderable: false,
  },
  {
    id: 'subtasks',
    name: 'Sub-tasks',
    clauseNames: ['subtasks'],
    schema: sys('array', 'subtasks', 'issuelinks'),
    orderable: false,
  },
];

const DEFAULT_CUSTOM: SeedField[] = [
  {
    id: RANK_FIELD_ID,
    name: 'Rank',
    custom: true,
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: 10019 },
  },
  {
    id: SPRINT_FIELD_ID,
    name: 'Sprint',
    custom: true,
    schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
  },
];

function customId(id: string): number | undefined {
  const m = /^customfield_(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

function fromSeed(field: SeedField, system: SystemFieldSpec | undefined): FieldDef {
  const cid = field.custom ? customId(field.id) : undefined;
  const schema: FieldSchema | undefined = field.schema
    ? { ...field.schema, ...(cid !== undefined ? { customId: field.schema.customId ?? cid } : {}) }
    : system?.schema;
  const clauseNames = field.custom ? [`cf[${cid ?? 0}]`, field.name] : (system?.clauseNames ?? [field.id]);
  return {
    id: field.id,
    key: field.key ?? field.id,
    name: field.name,
    custom: field.custom,
    ...(schema ? { schema } : {}),
    clauseNames,
    navigable: true,
    orderable: system?.orderable ?? true,
    searchable: system?.searchable ?? true,
    ...(field.options ? { options: field.options.map((o) => ({ ...o })) } : {}),
  };
}

/** Seed fields first (in seed order), then the system and Agile fields the seed left out. */
export function buildFieldCatalogue(seedFields: readonly SeedField[]): FieldDef[] {
  const systemById = new Map(SYSTEM_FIELDS.map((f) => [f.id, f]));
  const defs = seedFields.map((f) => fromSeed(f, systemById.get(f.id)));
  const have = new Set(defs.map((d) => d.id));
  for (const s of SYSTEM_FIELDS) {
    if (have.has(s.id)) continue;
    defs.push(
      fromSeed({ id: s.id, name: s.name, custom: false, ...(s.schema ? { schema: s.schema } : {}) }, s),
    );
  }
  for (const c of DEFAULT_CUSTOM) if (!have.has(c.id)) defs.push(fromSeed(c, undefined));
  return defs;
}

/** FieldDetails as `GET /rest/api/3/field` answers. */
export function fieldDetails(def: FieldDef): Record<string, unknown> {
  return {
    id: def.id,
    key: def.key,
    name: def.name,
    custom: def.custom,
    orderable: def.orderable,
    navigable: def.navigable,
    searchable: def.searchable,
    clauseNames: [...def.clauseNames],
    ...(def.schema ? { schema: { ...def.schema } } : {}),
  };
}

/** Fields that are not stored on issues (pseudo fields listed by `GET /field`). */
export const PSEUDO_FIELDS = new Set(['issuekey', 'statusCategory']);

/**
 * Which fields a `fields` parameter selects: `*all`, `*navigable`, ids, and `-id` exclusions. `undefined`
 * selects the endpoint's default. Returns a predicate over field ids plus the ids named explicitly (those
 * are answered with null when an issue has no value).
 */
export interface FieldSelection {
  all: boolean;
  include: Set<string>;
  exclude: Set<string>;
}

export function parseFieldSelection(values: readonly string[] | undefined, fallback: string): FieldSelection {
  const items = (values && values.length > 0 ? values : [fallback])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const selection: FieldSelection = { all: false, include: new Set(), exclude: new Set() };
  for (const item of items) {
    if (item === '*all' || item === '*navigable') selection.all = true;
    else if (item.startsWith('-')) selection.exclude.add(item.slice(1));
    else selection.include.add(item);
  }
  // Only exclusions (e.g. `-description`) mean "the navigable fields except".
  if (selection.include.size === 0 && selection.exclude.size > 0) selection.all = true;
  return selection;
}
