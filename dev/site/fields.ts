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

/** The type names Jira's field search shows for the custom field types the site knows. */
const TYPE_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  float: 'Number Field',
  select: 'Select List (single choice)',
  multiselect: 'Select List (multiple choices)',
  textarea: 'Paragraph (supports rich text)',
  textfield: 'Short text (plain text only)',
  datepicker: 'Date Picker',
  userpicker: 'User Picker (single user)',
  'gh-lexo-rank': 'Rank',
  'gh-sprint': 'Sprint',
};

/** Where a field is used on the site: the projects with an issue holding a value, and its last change. */
export interface FieldUsage {
  projects: Set<string>;
  lastUsed: string | undefined;
}

const hasValue = (v: unknown): boolean =>
  v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Each field's usage over the issues (one pass). */
export function fieldUsage(
  issues: Iterable<{ projectKey: string; fields: Record<string, unknown> }>,
): Map<string, FieldUsage> {
  const usage = new Map<string, FieldUsage>();
  for (const issue of issues) {
    const updated = typeof issue.fields.updated === 'string' ? issue.fields.updated : undefined;
    for (const [id, value] of Object.entries(issue.fields)) {
      if (!hasValue(value)) continue;
      let u = usage.get(id);
      if (!u) usage.set(id, (u = { projects: new Set(), lastUsed: undefined }));
      u.projects.add(issue.projectKey);
      if (updated && (!u.lastUsed || updated > u.lastUsed)) u.lastUsed = updated;
    }
  }
  return usage;
}

export interface FieldSearchQuery {
  query: string | undefined;
  type: readonly string[] | undefined;
  ids: readonly string[] | undefined;
  orderBy: string | undefined;
  expand: ReadonlySet<string>;
}

/**
 * `GET /rest/api/3/field/search` as Jira answers it: fields whose name or description contains `query`
 * (case-insensitive), of the given types and ids, ordered; the local site has one screen and one context
 * per project, so a custom field is on as many screens as projects use it.
 */
export function searchFieldDefs(
  defs: readonly FieldDef[],
  usage: ReadonlyMap<string, FieldUsage>,
  q: FieldSearchQuery,
): Array<Record<string, unknown>> {
  const needle = q.query?.trim().toLowerCase();
  let found = defs.filter(
    (d) =>
      !PSEUDO_FIELDS.has(d.id) &&
      (!needle || d.name.toLowerCase().includes(needle)) &&
      (!q.type || q.type.length === 0 || q.type.includes(d.custom ? 'custom' : 'system')) &&
      (!q.ids || q.ids.length === 0 || q.ids.includes(d.id)),
  );
  const order = q.orderBy?.replace(/^[+-]/, '');
  const desc = q.orderBy?.startsWith('-') ? -1 : 1;
  const count = (d: FieldDef) => usage.get(d.id)?.projects.size ?? 0;
  if (order === 'name') found = [...found].sort((a, b) => desc * a.name.localeCompare(b.name));
  else if (order === 'screensCount' || order === 'contextsCount' || order === 'projectsCount')
    found = [...found].sort((a, b) => desc * (count(a) - count(b)));
  else if (order === 'lastUsed')
    found = [...found].sort(
      (a, b) => desc * (usage.get(a.id)?.lastUsed ?? '').localeCompare(usage.get(b.id)?.lastUsed ?? ''),
    );
  return found.map((d) => {
    const u = usage.get(d.id);
    const kind = d.schema?.custom?.split(':').pop();
    const display = kind ? TYPE_DISPLAY_NAMES[kind] : undefined;
    return {
      id: d.id,
      name: d.name,
      schema: d.schema ? { ...d.schema } : { type: 'any' },
      ...(q.expand.has('key') ? { key: d.key } : {}),
      ...(display ? { typeDisplayName: display } : {}),
      ...(d.custom && q.expand.has('screensCount') ? { screensCount: u?.projects.size ?? 0 } : {}),
      ...(d.custom && q.expand.has('contextsCount') ? { contextsCount: 1 } : {}),
      ...(d.custom && q.expand.has('projectsCount') ? { projectsCount: u?.projects.size ?? 0 } : {}),
      ...(q.expand.has('lastUsed')
        ? {
            lastUsed:
              d.custom && u?.lastUsed
                ? { type: 'TRACKED', value: u.lastUsed.replace(/Z$/, '+0000') }
                : { type: 'NOT_TRACKED' },
          }
        : {}),
    };
  });
}
