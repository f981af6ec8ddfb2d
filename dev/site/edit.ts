/**
 * Editing issue fields (`PUT /rest/api/3/issue/{key}`, Forge app field values): checks each value the way
 * Jira does (a 400 with per-field `errors`), stores it in Jira's response shape, bumps `updated`, and writes
 * one changelog entry for the edit.
 */
import type { SiteContext } from './context';
import type { FieldDef } from './fields';
import { jiraError } from './http';
import { plainText } from './jql-values';
import { RANK_FIELD_ID, SPRINT_FIELD_ID } from './seed';
import { jiraTime, type ChangeItem, type IssueRecord } from './state';

/** Fields no edit can set (status needs a transition; rank needs the rank API). */
const READ_ONLY = new Set([
  'status',
  'statusCategory',
  'project',
  'issuekey',
  'created',
  'updated',
  'resolution',
  'resolutiondate',
  'issuelinks',
  'subtasks',
  'issuetype',
  RANK_FIELD_ID,
]);

export function cannotSet(fieldId: string): string {
  return `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;
}

type Converted = { ok: true; value: unknown } | { ok: false; error: string };
const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (error: string): Converted => ({ ok: false, error });

function isAdf(value: unknown): boolean {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === 'doc';
}

function userRef(site: SiteContext, value: unknown, fieldId: string): Converted {
  if (value === null) return ok(null);
  const accountId = (value as { accountId?: unknown } | undefined)?.accountId;
  const user = typeof accountId === 'string' ? site.state.users.get(accountId) : undefined;
  if (!user)
    return bad(`The user for ${fieldId} does not exist: specify {"accountId": "..."} of an existing user.`);
  return ok({
    self: `${site.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    displayName: user.displayName,
    active: user.active,
    accountType: 'atlassian',
    timeZone: user.timeZone,
  });
}

function namedRef<T extends { id: string; name: string }>(
  list: readonly T[],
  value: unknown,
  what: string,
): { found: T } | { error: string } {
  const v = (value ?? {}) as { id?: unknown; name?: unknown };
  const found = list.find(
    (x) => (typeof v.id === 'string' && x.id === v.id) || (typeof v.name === 'string' && x.name === v.name),
  );
  return found ? { found } : { error: `${what} ${JSON.stringify(v.name ?? v.id ?? value)} is not valid.` };
}

function option(def: FieldDef, value: unknown): Converted {
  if (value === null) return ok(null);
  const v = (value ?? {}) as { id?: unknown; value?: unknown };
  if (!def.options) return ok(value);
  const found = def.options.find((o) => o.id === v.id || o.value === v.value);
  if (!found) return bad(`Option value '${String(v.value ?? v.id)}' is not valid`);
  return ok({ value: found.value, id: found.id });
}

/** A field value as Jira stores it, or the message Jira gives for it. */
export function convertValue(
  site: SiteContext,
  issue: IssueRecord,
  def: FieldDef,
  value: unknown,
): Converted {
  const project = site.state.projects.get(issue.projectKey);
  switch (def.id) {
    case 'summary':
      if (typeof value !== 'string' || value.trim() === '')
        return bad('You must specify a summary of the issue.');
      if (value.length > 255) return bad('Summary must be less than 255 characters.');
      return ok(value);
    case 'description':
    case 'environment':
      return value === null || isAdf(value)
        ? ok(value)
        : bad('Operation value must be an Atlassian Document (see the Atlassian Document Format).');
    case 'priority': {
      const r = namedRef(site.state.priorities, value, 'Priority');
      return 'found' in r ? ok({ ...r.found }) : bad('The priority selected is invalid.');
    }
    case 'labels':
      if (!Array.isArray(value) || value.some((l) => typeof l !== 'string'))
        return bad('Labels must be a list of strings.');
      for (const l of value as string[])
        if (/\s/.test(l)) return bad(`The label '${l}' contains spaces which is invalid.`);
      return ok([...(value as string[])]);
    case 'components':
    case 'fixVersions': {
      if (!Array.isArray(value)) return bad(`${def.id} must be a list.`);
      const list = def.id === 'components' ? (project?.components ?? []) : (project?.versions ?? []);
      const out: unknown[] = [];
      for (const v of value) {
        const r = namedRef(list, v, def.id === 'components' ? 'Component name' : 'Version name');
        if ('error' in r) return bad(r.error);
        out.push({ ...r.found });
      }
      return ok(out);
    }
    case 'duedate':
      return value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
        ? ok(value)
        : bad('Error parsing date string: ' + String(value));
    case 'assignee':
    case 'reporter':
      return userRef(site, value, def.id);
    case 'parent': {
      const v = (value ?? {}) as { id?: unknown; key?: unknown };
      const target =
        typeof v.key === 'string'
          ? site.state.issue(v.key)
          : typeof v.id === 'string'
            ? site.state.issue(v.id)
            : undefined;
      if (!target || target === issue) return bad('Could not find issue by id or key.');
      return ok({
        id: target.id,
        key: target.key,
        self: `${site.baseUrl}/rest/api/3/issue/${target.id}`,
        fields: {
          summary: target.fields.summary,
          status: target.fields.status,
          priority: target.fields.priority,
          issuetype: target.fields.issuetype,
        },
      });
    }
    case SPRINT_FIELD_ID: {
      const kept = (
        Array.isArray(issue.fields[SPRINT_FIELD_ID]) ? (issue.fields[SPRINT_FIELD_ID] as unknown[]) : []
      ).filter((e) => site.state.sprints.get((e as { id: number }).id)?.state === 'closed');
      if (value === null) return ok(kept.length > 0 ? kept : null);
      const sprint = typeof value === 'number' ? site.state.sprints.get(value) : undefined;
      if (!sprint) return bad(`Sprint with id ${JSON.stringify(value)} does not exist.`);
      if (sprint.state === 'closed') return bad('Issue can be assigned only active or future sprints.');
      return ok([
        ...kept,
        { id: sprint.id, name: sprint.name, state: sprint.state, boardId: sprint.boardId },
      ]);
    }
  }
  const schema = def.schema;
  switch (schema?.type) {
    case 'number':
      return value === null || (typeof value === 'number' && Number.isFinite(value))
        ? ok(value)
        : bad('Operation value must be a number');
    case 'string':
      if (schema.custom?.endsWith(':textarea')) {
        return value === null || isAdf(value)
          ? ok(value)
          : bad('Operation value must be an Atlassian Document (see the Atlassian Document Format).');
      }
      return value === null || typeof value === 'string'
        ? ok(value)
        : bad('Operation value must be a string');
    case 'option':
      return option(def, value);
    case 'array':
      if (schema.items === 'option') {
        if (value === null) return ok(null);
        if (!Array.isArray(value)) return bad('Operation value must be a list of options');
        const out: unknown[] = [];
        for (const v of value) {
          const c = option(def, v);
          if (!c.ok) return c;
          out.push(c.value);
        }
        return ok(out);
      }
      if (schema.items === 'string') {
        return value === null || (Array.isArray(value) && value.every((s) => typeof s === 'string'))
          ? ok(value)
          : bad('Operation value must be a list of strings');
      }
      return ok(value);
    case 'user':
      return userRef(site, value, def.id);
    case 'date':
      return value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
        ? ok(value)
        : bad('Error parsing date string: ' + String(value));
    default:
      return ok(value);
  }
}

export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) return value.map((v) => displayValue(v) ?? '').join(' ');
  const v = value as {
    displayName?: unknown;
    name?: unknown;
    value?: unknown;
    key?: unknown;
    type?: unknown;
  };
  if (v.type === 'doc') return plainText(value);
  const named = v.displayName ?? v.name ?? v.value ?? v.key;
  return typeof named === 'string' ? named : JSON.stringify(value);
}

function idValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => idValue(v) ?? '').join(', ');
  if (typeof value === 'object') {
    const v = value as { accountId?: unknown; id?: unknown };
    const id = v.accountId ?? v.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  }
  return null;
}

export function changeItem(def: FieldDef, from: unknown, to: unknown): ChangeItem {
  return {
    field: def.custom ? def.name : def.id,
    fieldId: def.id,
    fieldtype: def.custom ? 'custom' : 'jira',
    from: idValue(from),
    fromString: displayValue(from),
    to: idValue(to),
    toString: displayValue(to),
  };
}

/**
 * Sets fields (already validated) on an issue: returns the changelog items for the values that changed
 * and records them (with `updated` = now) when any did.
 */
export function applyValues(
  site: SiteContext,
  issue: IssueRecord,
  values: ReadonlyArray<{ def: FieldDef; value: unknown }>,
  authorId: string,
  changelog = true,
): ChangeItem[] {
  const items: ChangeItem[] = [];
  for (const { def, value } of values) {
    const before = issue.fields[def.id];
    if (JSON.stringify(before ?? null) === JSON.stringify(value ?? null)) continue;
    issue.fields[def.id] = value;
    items.push(changeItem(def, before, value));
  }
  if (items.length > 0) {
    const now = Date.now();
    issue.fields.updated = jiraTime(now);
    if (changelog) site.state.addHistory(issue, authorId, items, now);
    site.state.touch();
  }
  return items;
}

interface EditBody {
  fields?: Record<string, unknown>;
  update?: Record<string, unknown>;
}

/** `PUT /rest/api/3/issue/{key}` body → validated values; a 400 with per-field errors otherwise. */
export function validateEdit(
  site: SiteContext,
  issue: IssueRecord,
  body: EditBody,
  canEdit: boolean,
): Array<{ def: FieldDef; value: unknown }> {
  const errors: Record<string, string> = {};
  const values: Array<{ def: FieldDef; value: unknown }> = [];
  const wanted = new Map<string, unknown>(Object.entries(body.fields ?? {}));
  for (const [fieldId, ops] of Object.entries(body.update ?? {})) {
    if (!Array.isArray(ops)) {
      errors[fieldId] = 'Operations must be a list.';
      continue;
    }
    let current: unknown = wanted.has(fieldId) ? wanted.get(fieldId) : issue.fields[fieldId];
    for (const op of ops as Array<Record<string, unknown>>) {
      if (op && 'set' in op) current = op.set;
      else if (op && 'add' in op) current = [...(Array.isArray(current) ? current : []), op.add];
      else if (op && 'remove' in op) {
        const removed = JSON.stringify(op.remove);
        const sameId = (x: unknown): boolean =>
          JSON.stringify(x) === removed ||
          (typeof op.remove === 'object' &&
            op.remove !== null &&
            x !== null &&
            typeof x === 'object' &&
            (((x as { id?: unknown }).id !== undefined &&
              (x as { id?: unknown }).id === (op.remove as { id?: unknown }).id) ||
              ((x as { name?: unknown }).name !== undefined &&
                (x as { name?: unknown }).name === (op.remove as { name?: unknown }).name)));
        current = (Array.isArray(current) ? current : []).filter((x) => !sameId(x));
      } else {
        errors[fieldId] = `Unsupported update operation on '${fieldId}': use set, add or remove.`;
      }
    }
    wanted.set(fieldId, current);
  }
  for (const [fieldId, value] of wanted) {
    const def = site.state.fieldsById.get(fieldId);
    if (!canEdit || !def || READ_ONLY.has(fieldId)) {
      errors[fieldId] = cannotSet(fieldId);
      continue;
    }
    const c = convertValue(site, issue, def, value);
    if (c.ok) values.push({ def, value: c.value });
    else errors[fieldId] = c.error;
  }
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  return values;
}
