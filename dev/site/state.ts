/**
 * The site's in-memory data: users, projects, fields, boards, sprints and issues, with the issues kept in
 * one ordered index by their rank string (so listing never sorts). Everything is cloned from the seed, so a
 * reset is `new SiteState(seed)`.
 */
import { buildFieldCatalogue, type FieldDef } from './fields';
import { initialRanks, nextBucket, ranksBetween } from './lexorank';
import { RANK_FIELD_ID, SPRINT_FIELD_ID } from './seed';
import type { Seed, SeedBoard, SeedGroup, SeedProject, SeedRole, SeedSprint, SeedUser } from './seed-schema';

export interface ChangeItem {
  field: string;
  fieldId?: string;
  fieldtype: string;
  from?: string | null;
  fromString?: string | null;
  to?: string | null;
  toString?: string | null;
}

export interface StoredHistory {
  id: string;
  authorId: string;
  created: string;
  items: ChangeItem[];
}

export interface IssueRecord {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  /** The number in the key (TRAIL-12 → 12). */
  readonly number: number;
  /** Every stored field, as Jira REST v3 shows it; the rank lives in `customfield_10019`. */
  fields: Record<string, unknown>;
  properties: Map<string, unknown>;
  /** Oldest first. */
  histories: StoredHistory[];
  /** Comments, oldest first (`/rest/api/3/issue/{key}/comment`), each with its comment properties. */
  comments: StoredComment[];
}

/** One comment as the site keeps it: its ADF body, author and properties. */
export interface StoredComment {
  readonly id: string;
  readonly authorId: string;
  readonly body: unknown;
  readonly created: string;
  properties: Map<string, unknown>;
}

export interface NamedValue {
  id: string;
  name: string;
}

/** Formats a time like Jira does: `2026-05-14T09:12:33.000+0000`. */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

const DEFAULT_TIME = '2026-01-05T09:00:00.000+0000';
const STANDARD_PRIORITIES: NamedValue[] = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

export function rankOf(issue: IssueRecord): string {
  return issue.fields[RANK_FIELD_ID] as string;
}

export function statusCategoryOf(issue: IssueRecord): string {
  const status = issue.fields.status as { statusCategory?: { key?: string } } | undefined;
  return status?.statusCategory?.key ?? 'new';
}

export function issueTypeOf(issue: IssueRecord): { name: string; subtask: boolean; hierarchyLevel?: number } {
  const t = issue.fields.issuetype as
    { name?: string; subtask?: boolean; hierarchyLevel?: number } | undefined;
  return {
    name: t?.name ?? '',
    subtask: t?.subtask === true,
    ...(t?.hierarchyLevel !== undefined ? { hierarchyLevel: t.hierarchyLevel } : {}),
  };
}

export function isEpic(issue: IssueRecord): boolean {
  const t = issueTypeOf(issue);
  return t.hierarchyLevel !== undefined ? t.hierarchyLevel >= 1 : t.name.toLowerCase() === 'epic';
}

/** Sprint ids on the issue's sprint field. */
export function sprintIdsOf(issue: IssueRecord): number[] {
  const value = issue.fields[SPRINT_FIELD_ID];
  if (!Array.isArray(value)) return [];
  return value
    .map((s: unknown) => (s as { id?: unknown }).id)
    .filter((id): id is number => typeof id === 'number');
}

function collectNamed(
  issues: readonly IssueRecord[],
  field: string,
  extra: readonly NamedValue[] = [],
): NamedValue[] {
  const byName = new Map<string, NamedValue>();
  for (const v of extra) byName.set(v.name.toLowerCase(), v);
  for (const issue of issues) {
    const value = issue.fields[field] as { id?: unknown; name?: unknown } | null | undefined;
    if (value && typeof value.name === 'string' && !byName.has(value.name.toLowerCase())) {
      byName.set(value.name.toLowerCase(), {
        id: typeof value.id === 'string' ? value.id : value.name,
        name: value.name,
      });
    }
  }
  return [...byName.values()];
}

export class SiteState {
  readonly users = new Map<string, SeedUser>();
  readonly usersByEmail = new Map<string, SeedUser>();
  readonly projects = new Map<string, SeedProject>();
  readonly projectsById = new Map<string, SeedProject>();
  /** Groups, and the project roles every project has (their actors are per project: `roleActors`). */
  readonly groups: SeedGroup[];
  readonly roles: SeedRole[];
  /** Project properties by project key, then property key. */
  readonly projectProperties = new Map<string, Map<string, unknown>>();
  readonly fields: FieldDef[];
  readonly fieldsById = new Map<string, FieldDef>();
  readonly boards = new Map<number, SeedBoard>();
  readonly sprints = new Map<number, SeedSprint>();
  readonly issuesByKey = new Map<string, IssueRecord>();
  readonly issuesById = new Map<string, IssueRecord>();
  readonly defaultUser: string;
  /** Priorities, statuses and issue types seen in the seed (for JQL values and edits). */
  readonly priorities: NamedValue[];
  readonly statuses: Array<NamedValue & { category: string }>;
  readonly issueTypes: NamedValue[];
  /** Bumped by every change. */
  version = 0;
  /**
   * Bumped by every change except an issue property's: what a list whose JQL reads no issue property
   * depends on. Caches of computed lists key on it (or on {@link version} when their JQL reads properties),
   * so a run writing one property per issue while paging through a search does not recompute (and re-sort)
   * the whole search for every page.
   */
  versionBesidesProperties = 0;
  private order: IssueRecord[];
  private nextHistoryId = 10_000;
  private nextCommentId = 10_000;

  /** A new comment id, unique on the site. */
  newCommentId(): string {
    return String(this.nextCommentId++);
  }

  constructor(seed: Seed) {
    // A JSON copy (seeds are JSON): faster than structuredClone for large seeds, and the seed stays untouched.
    const data = JSON.parse(JSON.stringify(seed)) as Seed;
    this.defaultUser = data.defaultUser;
    this.groups = data.groups;
    this.roles = data.roles;
    for (const u of data.users) {
      this.users.set(u.accountId, u);
      this.usersByEmail.set(u.emailAddress.toLowerCase(), u);
    }
    for (const p of data.projects) {
      this.projects.set(p.key, p);
      this.projectsById.set(p.id, p);
      this.projectProperties.set(p.key, new Map(Object.entries(p.properties ?? {})));
    }
    this.fields = buildFieldCatalogue(data.fields);
    for (const f of this.fields) this.fieldsById.set(f.id, f);
    for (const b of data.boards) this.boards.set(b.id, b);
    for (const s of data.sprints) this.sprints.set(s.id, s);

    const records = data.issues.map((issue) => this.toRecord(issue));
    for (const r of records) {
      this.issuesByKey.set(r.key, r);
      this.issuesById.set(r.id, r);
    }
    const seededRanks =
      records.length > 0 && records.every((r) => typeof r.fields[RANK_FIELD_ID] === 'string');
    if (seededRanks) {
      this.order = records
        .map((r, i) => ({ r, i }))
        .sort((a, b) => {
          const x = rankOf(a.r);
          const y = rankOf(b.r);
          return x < y ? -1 : x > y ? 1 : a.i - b.i;
        })
        .map(({ r }) => r);
    } else {
      this.order = records;
      initialRanks(records.length).forEach((rank, i) => {
        (records[i] as IssueRecord).fields[RANK_FIELD_ID] = rank;
      });
    }
    this.priorities = collectNamed(records, 'priority', STANDARD_PRIORITIES);
    this.issueTypes = collectNamed(records, 'issuetype');
    const statuses = new Map<string, NamedValue & { category: string }>();
    for (const r of records) {
      const s = r.fields.status as { id?: string; name: string; statusCategory: { key: string } };
      if (!statuses.has(s.name.toLowerCase())) {
        statuses.set(s.name.toLowerCase(), {
          id: s.id ?? s.name,
          name: s.name,
          category: s.statusCategory.key,
        });
      }
    }
    this.statuses = [...statuses.values()];
  }

  private toRecord(issue: Seed['issues'][number]): IssueRecord {
    const projectKey = issue.key.slice(0, issue.key.lastIndexOf('-'));
    const project = this.projects.get(projectKey);
    const fields = issue.fields as Record<string, unknown>;
    if (project) {
      fields.project = {
        ...(fields.project as object | undefined),
        id: project.id,
        key: project.key,
        name: project.name,
        projectTypeKey: 'software',
        simplified: project.style === 'next-gen',
      };
    }
    for (const list of ['labels', 'components', 'fixVersions', 'issuelinks', 'subtasks']) {
      if (!Array.isArray(fields[list])) fields[list] = [];
    }
    fields.created ??= DEFAULT_TIME;
    fields.updated ??= fields.created;
    const histories = (issue.changelog?.histories ?? []).map((h) => {
      const numeric = Number(h.id);
      if (Number.isSafeInteger(numeric) && numeric >= this.nextHistoryId) this.nextHistoryId = numeric + 1;
      return {
        id: h.id,
        authorId: h.author.accountId,
        created: h.created,
        items: h.items.map((item) => ({ ...item })),
      };
    });
    return {
      id: issue.id,
      key: issue.key,
      projectKey,
      number: Number(issue.key.slice(issue.key.lastIndexOf('-') + 1)),
      fields,
      properties: new Map(Object.entries(issue.properties ?? {})),
      histories,
      comments: (issue.comments ?? []).map((c) => {
        const numeric = Number(c.id);
        if (Number.isSafeInteger(numeric) && numeric >= this.nextCommentId) this.nextCommentId = numeric + 1;
        return {
          id: c.id,
          authorId: c.author,
          body: c.body,
          created: c.created,
          properties: new Map(Object.entries(c.properties ?? {})),
        };
      }),
    };
  }

  /** By key (any case) or numeric id. */
  issue(idOrKey: string): IssueRecord | undefined {
    return /^\d+$/.test(idOrKey) ? this.issuesById.get(idOrKey) : this.issuesByKey.get(idOrKey.toUpperCase());
  }

  /** Every issue, first rank first. Do not mutate. */
  issuesInRankOrder(): readonly IssueRecord[] {
    return this.order;
  }

  project(keyOrId: string): SeedProject | undefined {
    return this.projects.get(keyOrId.toUpperCase()) ?? this.projectsById.get(keyOrId);
  }

  touch(): void {
    this.version++;
    this.versionBesidesProperties++;
  }

  /** An issue property was set or deleted: only what reads issue properties is stale. */
  touchProperties(): void {
    this.version++;
  }

  addHistory(issue: IssueRecord, authorId: string, items: ChangeItem[], now = Date.now()): void {
    if (items.length === 0) return;
    issue.histories.push({ id: String(this.nextHistoryId++), authorId, created: jiraTime(now), items });
  }

  /**
   * Puts `moving` (in that order, none of them the anchor) just before or after `anchor`, with fresh rank
   * strings between the new neighbours; rebalances every rank into the next bucket when none fit. O(n).
   * Returns each moved issue's position in the whole order before and after.
   */
  move(
    moving: readonly IssueRecord[],
    anchor: IssueRecord,
    before: boolean,
  ): Map<IssueRecord, { from: number; to: number }> {
    const positions = new Map<IssueRecord, { from: number; to: number }>();
    if (moving.length === 0) return positions;
    const movingSet = new Set(moving);
    this.order.forEach((issue, i) => {
      if (movingSet.has(issue)) positions.set(issue, { from: i, to: i });
    });
    const rest = this.order.filter((issue) => !movingSet.has(issue));
    const at = rest.indexOf(anchor) + (before ? 0 : 1);
    const prev = rest[at - 1];
    const next = rest[at];
    this.order = [...rest.slice(0, at), ...moving, ...rest.slice(at)];
    moving.forEach((issue, i) => {
      const p = positions.get(issue);
      if (p) p.to = at + i;
    });
    const ranks = ranksBetween(prev && rankOf(prev), next && rankOf(next), moving.length);
    if (ranks) moving.forEach((issue, i) => (issue.fields[RANK_FIELD_ID] = ranks[i]));
    else this.rebalance();
    this.touch();
    return positions;
  }

  /** Evenly spaced ranks in the next bucket, keeping the order. */
  rebalance(): void {
    const bucket = nextBucket(this.order[0] && rankOf(this.order[0]));
    initialRanks(this.order.length, bucket).forEach((rank, i) => {
      (this.order[i] as IssueRecord).fields[RANK_FIELD_ID] = rank;
    });
    this.touch();
  }
}
