/**
 * The kinds of JQL field: how each reads an issue, which operators it takes, which values it accepts (with
 * Jira's messages when it does not), and how it sorts. ./jql-fields resolves clause names to these.
 */
import type { FieldDef } from './fields';
import type { Operator, ValueNode } from './jql';
import { dateFunction, parseJqlDate, plainText, storedDate } from './jql-values';

export interface JqlIssue {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  readonly number: number;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly properties: ReadonlyMap<string, unknown>;
}

interface Named {
  id: string;
  name: string;
}

export interface JqlEnv {
  fields: readonly FieldDef[];
  /** The caller's accountId, for currentUser(); undefined for the app (currentUser() matches nobody). */
  currentUser: string | undefined;
  users: ReadonlyArray<{ accountId: string; displayName: string; emailAddress: string }>;
  /** The projects the caller can browse. */
  projects: ReadonlyArray<{
    id: string;
    key: string;
    name: string;
    components: readonly Named[];
    versions: ReadonlyArray<Named & { released: boolean }>;
  }>;
  sprints: ReadonlyArray<{ id: number; name: string; state: string }>;
  statuses: ReadonlyArray<Named & { category: string }>;
  /** Highest first. */
  priorities: readonly Named[];
  issueTypes: readonly Named[];
  /** Whether the caller can see this issue (for `key = X` and `parent = X` validation). */
  issueExists(keyOrId: string): boolean;
  now(): number;
}

export type SortKey = string | number | undefined | SortKey[];

export type Predicate = (issue: JqlIssue) => boolean;

export interface Atom {
  keys: string[];
  num?: number;
  scope?: string;
}

export interface Target {
  keys?: Set<string>;
  num?: number;
  scope?: string;
  empty?: boolean;
}

export interface Handler {
  ops: ReadonlySet<Operator>;
  atoms(issue: JqlIssue): Atom[];
  /** The searchable text, for `~`. */
  text?(issue: JqlIssue): string;
  /** Targets for one literal or function value; pushes a message and returns undefined when invalid. */
  resolve(value: ValueNode & { kind: 'literal' | 'function' }, ctx: ResolveContext): Target[] | undefined;
  sortKey(issue: JqlIssue): SortKey;
  isRank?: boolean;
}

export interface ResolveContext {
  env: JqlEnv;
  label: string;
  errors: string[];
}

export const EQ: ReadonlySet<Operator> = new Set(['=', '!=', 'in', 'not in', 'is', 'is not']);
const ORD: ReadonlySet<Operator> = new Set([...EQ, '>', '>=', '<', '<=']);
const TEXT: ReadonlySet<Operator> = new Set(['~', '!~', 'is', 'is not']);
const ALL: ReadonlySet<Operator> = new Set([...ORD, '~', '!~']);
const NONE: ReadonlySet<Operator> = new Set();

export const lower = (s: string): string => s.toLowerCase();
const keysOf = (...keys: Array<string | undefined>): Set<string> =>
  new Set(keys.filter((k): k is string => k !== undefined).map(lower));

function noSuchValue(ctx: ResolveContext, text: string): undefined {
  ctx.errors.push(`The value '${text}' does not exist for the field '${ctx.label}'.`);
  return undefined;
}

/** Every JQL function the local site knows (lower case). */
const KNOWN_FUNCTIONS = new Set([
  'currentuser',
  'opensprints',
  'closedsprints',
  'futuresprints',
  'releasedversions',
  'unreleasedversions',
  'now',
  ...['start', 'end'].flatMap((p) => ['day', 'week', 'month', 'year'].map((u) => `${p}of${u}`)),
]);

function badFunction(ctx: ResolveContext, name: string): undefined {
  ctx.errors.push(
    KNOWN_FUNCTIONS.has(lower(name))
      ? `A value provided by the function '${name}' is invalid for the field '${ctx.label}'.`
      : `Unable to find JQL function '${name}()'.`,
  );
  return undefined;
}

/** Literals only (functions are invalid for this field). */
function literals(fn: (text: string, ctx: ResolveContext) => Target[] | undefined): Handler['resolve'] {
  return (value, ctx) => (value.kind === 'literal' ? fn(value.text, ctx) : badFunction(ctx, value.name));
}

function named(value: unknown): Atom[] {
  if (!value || typeof value !== 'object') return [];
  const v = value as { id?: unknown; name?: unknown; key?: unknown; value?: unknown };
  const keys = [v.id, v.name, v.key, v.value].filter(
    (k): k is string | number => typeof k === 'string' || typeof k === 'number',
  );
  return keys.length > 0 ? [{ keys: keys.map((k) => lower(String(k))) }] : [];
}

function namedList(value: unknown): Atom[] {
  return Array.isArray(value) ? value.flatMap(named) : named(value);
}

function nameOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { name?: unknown; value?: unknown; displayName?: unknown; key?: unknown };
  const n = v.displayName ?? v.name ?? v.value ?? v.key;
  return typeof n === 'string' ? lower(n) : undefined;
}

function findNamed<T extends Named>(list: readonly T[], text: string): T | undefined {
  const l = lower(text);
  return list.find((x) => lower(x.name) === l) ?? list.find((x) => x.id === text);
}

// ------------------------------------------------------------------------------------------------ handlers

function projectHandler(): Handler {
  return {
    ops: EQ,
    atoms: (issue) => [{ keys: [lower(issue.projectKey)] }],
    resolve: literals((text, ctx) => {
      const l = lower(text);
      const p = ctx.env.projects.find((x) => lower(x.key) === l || x.id === text || lower(x.name) === l);
      return p ? [{ keys: keysOf(p.key) }] : noSuchValue(ctx, text);
    }),
    sortKey: (issue) => issue.projectKey,
  };
}

const ISSUE_KEY = /^([A-Z][A-Z0-9_]+)-(\d+)$/i;

function issueKeyHandler(): Handler {
  return {
    ops: ORD,
    atoms: (issue) => [
      { keys: [lower(issue.key), issue.id], num: issue.number, scope: lower(issue.projectKey) },
      { keys: [], num: Number(issue.id), scope: '#id' },
    ],
    resolve: literals((text, ctx) => {
      if (/^\d+$/.test(text)) return [{ keys: keysOf(text), num: Number(text), scope: '#id' }];
      const m = ISSUE_KEY.exec(text);
      if (!m || !ctx.env.issueExists(text)) {
        ctx.errors.push(`An issue with key '${text}' does not exist for field '${ctx.label}'.`);
        return undefined;
      }
      return [{ keys: keysOf(text), num: Number(m[2]), scope: lower(m[1] ?? '') }];
    }),
    sortKey: (issue) => [issue.projectKey, issue.number],
  };
}

export function textHandler(read: (issue: JqlIssue) => string): Handler {
  return {
    ops: TEXT,
    atoms: (issue) => (read(issue).trim() === '' ? [] : [{ keys: [] }]),
    text: read,
    resolve: literals((text) => [{ keys: keysOf(text) }]),
    sortKey: (issue) => lower(read(issue)),
  };
}

function statusHandler(): Handler {
  return {
    ops: EQ,
    atoms: (issue) => named(issue.fields.status),
    resolve: literals((text, ctx) => {
      const s = findNamed(ctx.env.statuses, text);
      return s ? [{ keys: keysOf(s.name, s.id) }] : noSuchValue(ctx, text);
    }),
    sortKey: (issue) => nameOf(issue.fields.status),
  };
}

const CATEGORY_ALIASES: Record<string, string[]> = {
  new: ['new', 'to do', '2', 'undefined'],
  indeterminate: ['indeterminate', 'in progress', '4'],
  done: ['done', '3'],
};

function statusCategoryHandler(): Handler {
  return {
    ops: EQ,
    atoms: (issue) => {
      const key = (issue.fields.status as { statusCategory?: { key?: string } } | undefined)?.statusCategory
        ?.key;
      return key ? [{ keys: CATEGORY_ALIASES[key] ?? [key] }] : [];
    },
    resolve: literals((text, ctx) => {
      const l = lower(text);
      const entry = Object.values(CATEGORY_ALIASES).find((aliases) => aliases.includes(l));
      return entry ? [{ keys: new Set(entry) }] : noSuchValue(ctx, text);
    }),
    sortKey: (issue) =>
      (issue.fields.status as { statusCategory?: { key?: string } } | undefined)?.statusCategory?.key,
  };
}

function namedDomainHandler(field: string, domain: readonly Named[], ordered = false): Handler {
  // Priorities sort by their sequence: the first (Highest) is the greatest.
  const sequence = new Map(
    domain.flatMap(
      (p, i) =>
        [
          [lower(p.name), -i],
          [p.id, -i],
        ] as Array<[string, number]>,
    ),
  );
  const rankOf = (a: Atom): number => a.keys.map((k) => sequence.get(k)).find((n) => n !== undefined) ?? 1;
  return {
    ops: ordered ? ORD : EQ,
    atoms: (issue) => {
      const atoms = named(issue.fields[field]);
      return ordered ? atoms.map((a) => ({ ...a, num: rankOf(a) })) : atoms;
    },
    resolve: literals((text, ctx) => {
      const v = findNamed(domain, text);
      if (!v) return noSuchValue(ctx, text);
      return [{ keys: keysOf(v.name, v.id), ...(ordered ? { num: sequence.get(v.id) ?? 1 } : {}) }];
    }),
    sortKey: (issue) => {
      if (!ordered) return nameOf(issue.fields[field]);
      const atom = named(issue.fields[field])[0];
      return atom ? rankOf(atom) : undefined;
    },
  };
}

function resolutionHandler(): Handler {
  return {
    ops: EQ,
    atoms: (issue) => named(issue.fields.resolution),
    resolve: literals((text) =>
      lower(text) === 'unresolved' ? [{ empty: true }] : [{ keys: keysOf(text) }],
    ),
    sortKey: (issue) => nameOf(issue.fields.resolution),
  };
}

function stringListHandler(field: string): Handler {
  const read = (issue: JqlIssue): string[] => {
    const v = issue.fields[field];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  return {
    ops: EQ,
    atoms: (issue) => read(issue).map((l) => ({ keys: [lower(l)] })),
    resolve: literals((text) => [{ keys: keysOf(text) }]),
    sortKey: (issue) => {
      const all = read(issue);
      return all.length > 0 ? all.map(lower).sort().join(' ') : undefined;
    },
  };
}

function componentHandler(): Handler {
  return {
    ops: EQ,
    atoms: (issue) => namedList(issue.fields.components),
    resolve: literals((text, ctx) => {
      const found = ctx.env.projects
        .flatMap((p) => p.components)
        .filter((c) => lower(c.name) === lower(text) || c.id === text);
      return found.length > 0
        ? [{ keys: new Set(found.flatMap((c) => [lower(c.name), c.id])) }]
        : noSuchValue(ctx, text);
    }),
    sortKey: (issue) => sortedNames(issue.fields.components),
  };
}

function sortedNames(value: unknown): SortKey {
  const names = (Array.isArray(value) ? value : [])
    .map(nameOf)
    .filter((n): n is string => n !== undefined)
    .sort();
  return names.length > 0 ? names.join(' ') : undefined;
}

function versionHandler(): Handler {
  return {
    ops: EQ,
    atoms: (issue) => namedList(issue.fields.fixVersions),
    resolve: (value, ctx) => {
      const versions = ctx.env.projects.flatMap((p) => p.versions.map((v) => ({ ...v, project: p })));
      if (value.kind === 'function') {
        const fn = lower(value.name);
        if (fn !== 'releasedversions' && fn !== 'unreleasedversions') return badFunction(ctx, value.name);
        const released = fn === 'releasedversions';
        const scope = value.args.map(lower);
        const chosen = versions.filter(
          (v) =>
            v.released === released &&
            (scope.length === 0 ||
              scope.some(
                (s) => s === lower(v.project.key) || s === v.project.id || s === lower(v.project.name),
              )),
        );
        return [{ keys: new Set(chosen.flatMap((v) => [v.id])) }];
      }
      const found = versions.filter((v) => lower(v.name) === lower(value.text) || v.id === value.text);
      return found.length > 0
        ? [{ keys: new Set(found.flatMap((v) => [lower(v.name), v.id])) }]
        : noSuchValue(ctx, value.text);
    },
    sortKey: (issue) => sortedNames(issue.fields.fixVersions),
  };
}

function parentHandler(): Handler {
  return {
    ops: EQ,
    atoms: (issue) => {
      const p = issue.fields.parent as { id?: string; key?: string } | undefined;
      return p ? [{ keys: [p.key, p.id].filter((k): k is string => k !== undefined).map(lower) }] : [];
    },
    resolve: literals((text, ctx) => {
      if (!ctx.env.issueExists(text)) {
        ctx.errors.push(`An issue with key '${text}' does not exist for field '${ctx.label}'.`);
        return undefined;
      }
      return [{ keys: keysOf(text) }];
    }),
    sortKey: (issue) => (issue.fields.parent as { key?: string } | undefined)?.key,
  };
}

const SPRINT_FUNCTIONS: Record<string, (state: string) => boolean> = {
  opensprints: (s) => s === 'active' || s === 'future',
  closedsprints: (s) => s === 'closed',
  futuresprints: (s) => s === 'future',
};

function sprintHandler(fieldId: string): Handler {
  const ids = (issue: JqlIssue): number[] => {
    const v = issue.fields[fieldId];
    return Array.isArray(v)
      ? v.map((s: unknown) => (s as { id?: unknown }).id).filter((id): id is number => typeof id === 'number')
      : [];
  };
  return {
    ops: EQ,
    atoms: (issue) => ids(issue).map((id) => ({ keys: [String(id)] })),
    resolve: (value, ctx) => {
      if (value.kind === 'function') {
        const test = SPRINT_FUNCTIONS[lower(value.name)];
        if (!test) return badFunction(ctx, value.name);
        return [{ keys: new Set(ctx.env.sprints.filter((s) => test(s.state)).map((s) => String(s.id))) }];
      }
      const matches = ctx.env.sprints.filter(
        (s) => String(s.id) === value.text || lower(s.name) === lower(value.text),
      );
      if (matches.length === 0) {
        ctx.errors.push(
          `Sprint with name or id '${value.text}' does not exist or you do not have permission to view it.`,
        );
        return undefined;
      }
      return [{ keys: new Set(matches.map((s) => String(s.id))) }];
    },
    sortKey: (issue) => {
      const all = ids(issue);
      return all.length > 0 ? Math.max(...all) : undefined;
    },
  };
}

function userHandler(field: string): Handler {
  return {
    ops: EQ,
    atoms: (issue) => {
      const u = issue.fields[field] as { accountId?: string } | null | undefined;
      return u?.accountId ? [{ keys: [lower(u.accountId)] }] : [];
    },
    resolve: (value, ctx) => {
      if (value.kind === 'function') {
        if (lower(value.name) !== 'currentuser' || value.args.length > 0) return badFunction(ctx, value.name);
        return [{ keys: keysOf(ctx.env.currentUser ?? '\u0000nobody') }];
      }
      const l = lower(value.text);
      const u = ctx.env.users.find(
        (x) => lower(x.accountId) === l || lower(x.emailAddress) === l || lower(x.displayName) === l,
      );
      return u ? [{ keys: keysOf(u.accountId) }] : noSuchValue(ctx, value.text);
    },
    sortKey: (issue) => nameOf(issue.fields[field]),
  };
}

function dateHandler(field: string): Handler {
  return {
    ops: ORD,
    atoms: (issue) => {
      const ms = storedDate(issue.fields[field]);
      return ms === undefined ? [] : [{ keys: [], num: ms }];
    },
    resolve: (value, ctx) => {
      const now = ctx.env.now();
      if (value.kind === 'function') {
        const ms = dateFunction(value.name, value.args, now);
        if (ms === undefined) return badFunction(ctx, value.name);
        if (ms === null) {
          ctx.errors.push(
            `Function '${value.name}' was given invalid arguments for the field '${ctx.label}'.`,
          );
          return undefined;
        }
        return [{ num: ms }];
      }
      const ms = parseJqlDate(value.text, now);
      if (ms === undefined) {
        ctx.errors.push(
          `Date value '${value.text}' for field '${ctx.label}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', ` +
            `'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
        );
        return undefined;
      }
      return [{ num: ms }];
    },
    sortKey: (issue) => storedDate(issue.fields[field]),
  };
}

function numberHandler(field: string): Handler {
  return {
    ops: ORD,
    atoms: (issue) => {
      const v = issue.fields[field];
      return typeof v === 'number' ? [{ keys: [], num: v }] : [];
    },
    resolve: literals((text, ctx) => {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) {
        ctx.errors.push(`The value '${text}' is not a valid number for the field '${ctx.label}'.`);
        return undefined;
      }
      return [{ num: n }];
    }),
    sortKey: (issue) => {
      const v = issue.fields[field];
      return typeof v === 'number' ? v : undefined;
    },
  };
}

function optionHandler(def: FieldDef): Handler {
  return {
    ops: EQ,
    atoms: (issue) => namedList(issue.fields[def.id]),
    resolve: literals((text, ctx) => {
      const options = def.options;
      if (!options) return [{ keys: keysOf(text) }];
      const o = options.find((x) => lower(x.value) === lower(text) || x.id === text);
      if (!o) {
        ctx.errors.push(`The option '${text}' for field '${ctx.label}' does not exist.`);
        return undefined;
      }
      return [{ keys: keysOf(o.value, o.id) }];
    }),
    sortKey: (issue) => {
      const v = issue.fields[def.id];
      return Array.isArray(v) ? sortedNames(v) : nameOf(v);
    },
  };
}

function jsonAtoms(value: unknown): Atom[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(jsonAtoms);
  if (typeof value === 'number') return [{ keys: [String(value)], num: value }];
  if (typeof value === 'boolean') return [{ keys: [String(value)] }];
  if (typeof value === 'string') {
    const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? storedDate(value) : undefined;
    return [{ keys: [lower(value)], ...(ms !== undefined ? { num: ms } : {}) }];
  }
  return named(value);
}

function jsonText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(jsonText).join(' ');
  if (typeof value === 'object') return plainText(value) || Object.values(value).map(jsonText).join(' ');
  return String(value);
}

function jsonSortKey(value: unknown): SortKey {
  const first = jsonAtoms(value)[0];
  return first ? (first.num ?? first.keys[0]) : undefined;
}

function literalTarget(text: string, now: number): Target {
  const n = Number(text);
  const num =
    text.trim() !== '' && Number.isFinite(n)
      ? n
      : /^\d{4}[-/]\d/.test(text)
        ? parseJqlDate(text, now)
        : undefined;
  return { keys: keysOf(text), ...(num !== undefined ? { num } : {}) };
}

function genericHandler(read: (issue: JqlIssue) => unknown, ops: ReadonlySet<Operator>): Handler {
  return {
    ops,
    atoms: (issue) => jsonAtoms(read(issue)),
    text: (issue) => jsonText(read(issue)),
    resolve: (value, ctx) => {
      if (value.kind === 'function') {
        const ms = dateFunction(value.name, value.args, ctx.env.now());
        if (typeof ms === 'number') return [{ num: ms }];
        if (lower(value.name) === 'currentuser' && ctx.env.currentUser)
          return [{ keys: keysOf(ctx.env.currentUser) }];
        return badFunction(ctx, value.name);
      }
      return [literalTarget(value.text, ctx.env.now())];
    },
    sortKey: (issue) => jsonSortKey(read(issue)),
  };
}

/** `issue.property[key].path.to.value` */
export function propertyHandler(key: string, path: string[]): Handler {
  const read = (issue: JqlIssue): unknown => {
    let v: unknown = issue.properties.get(key);
    for (const part of path) {
      if (Array.isArray(v))
        v = v.map((x: unknown) =>
          x && typeof x === 'object' ? (x as Record<string, unknown>)[part] : undefined,
        );
      else v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    }
    return v;
  };
  return genericHandler(read, ALL);
}

function rankHandler(field: string): Handler {
  return {
    ops: NONE,
    isRank: true,
    atoms: () => [],
    resolve: () => undefined,
    sortKey: (issue) => issue.fields[field] as string | undefined,
  };
}

export function textFields(env: JqlEnv): string[] {
  return env.fields
    .filter(
      (f) =>
        f.id === 'summary' ||
        f.id === 'description' ||
        f.id === 'environment' ||
        (f.custom && f.schema?.type === 'string'),
    )
    .map((f) => f.id);
}

export function handlerForField(def: FieldDef, env: JqlEnv): Handler {
  switch (def.id) {
    case 'project':
      return projectHandler();
    case 'issuekey':
      return issueKeyHandler();
    case 'summary':
    case 'description':
    case 'environment':
      return textHandler((issue) => plainText(issue.fields[def.id]));
    case 'status':
      return statusHandler();
    case 'statusCategory':
      return statusCategoryHandler();
    case 'issuetype':
      return namedDomainHandler('issuetype', env.issueTypes);
    case 'priority':
      return namedDomainHandler('priority', env.priorities, true);
    case 'resolution':
      return resolutionHandler();
    case 'labels':
      return stringListHandler('labels');
    case 'components':
      return componentHandler();
    case 'fixVersions':
      return versionHandler();
    case 'parent':
      return parentHandler();
    case 'assignee':
    case 'reporter':
      return userHandler(def.id);
    case 'duedate':
    case 'created':
    case 'updated':
    case 'resolutiondate':
      return dateHandler(def.id);
  }
  const schema = def.schema;
  const custom = schema?.custom ?? '';
  if (custom.endsWith(':gh-lexo-rank')) return rankHandler(def.id);
  if (custom.endsWith(':gh-sprint')) return sprintHandler(def.id);
  switch (schema?.type) {
    case 'number':
      return numberHandler(def.id);
    case 'date':
    case 'datetime':
      return dateHandler(def.id);
    case 'user':
      return userHandler(def.id);
    case 'option':
      return optionHandler(def);
    case 'string':
      return textHandler((issue) => plainText(issue.fields[def.id]));
    case 'array':
      if (schema.items === 'option') return optionHandler(def);
      if (schema.items === 'string') return stringListHandler(def.id);
      break;
  }
  return genericHandler((issue) => issue.fields[def.id], new Set([...EQ, ...TEXT]));
}
