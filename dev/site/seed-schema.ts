/**
 * The seed of the local Jira site: users, groups, project roles, projects, fields, boards, sprints and issues.
 * Issues are in the shape Jira Cloud's REST API v3 returns them (`GET /rest/api/3/issue/{key}`), so a
 * real export can be loaded. docs/local-site.md describes the format for people.
 */
import { z } from 'zod';

export const PERMISSION_KEYS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'SCHEDULE_ISSUES',
  'LINK_ISSUES',
  'ADD_COMMENTS',
  'ASSIGN_ISSUES',
  'ADMINISTER_PROJECTS',
] as const;
export const GLOBAL_PERMISSION_KEYS = ['ADMINISTER', 'USER_PICKER'] as const;

export const PermissionKey = z.enum(PERMISSION_KEYS);
export type PermissionKey = z.infer<typeof PermissionKey>;

export const SeedUser = z.object({
  accountId: z.string().min(1),
  displayName: z.string().min(1),
  emailAddress: z.string().email(),
  /** API token accepted in HTTP basic auth (`email:token`), as on a real site. */
  apiToken: z.string().min(1),
  active: z.boolean().default(true),
  timeZone: z.string().default('Europe/London'),
  globalPermissions: z.array(z.enum(GLOBAL_PERMISSION_KEYS)).default(['USER_PICKER']),
});
export type SeedUser = z.infer<typeof SeedUser>;

const NamedRef = z.object({ id: z.string(), name: z.string() }).passthrough();

/** A group of users (`myself?expand=groups`, group actors of project roles). */
export const SeedGroup = z.object({
  /** Jira's group id (a UUID on Cloud). */
  groupId: z.string().min(1),
  name: z.string().min(1),
  /** accountIds of its members. */
  members: z.array(z.string()).default([]),
});
export type SeedGroup = z.infer<typeof SeedGroup>;

/** A project role; as on Jira, the list of roles is the same in every project (only the actors differ). */
export const SeedRole = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string().default(''),
});
export type SeedRole = z.infer<typeof SeedRole>;

/** The roles every Jira Cloud site starts with. */
export const DEFAULT_ROLES: SeedRole[] = [
  {
    id: 10002,
    name: 'Administrators',
    description: 'A project role that represents administrators in a project',
  },
  { id: 10000, name: 'Developers', description: 'A project role that represents developers in a project' },
  { id: 10001, name: 'Users', description: 'A project role that represents users in a project' },
];

/** Who acts in one role of a project: users by accountId, groups by name. */
export const SeedRoleActors = z.object({
  users: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});

export const SeedProject = z.object({
  id: z.string().regex(/^\d+$/, 'project id must be numeric text, as in Jira'),
  key: z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'project key must be 2-10 capitals, digits or _'),
  name: z.string().min(1),
  /** classic = company-managed, next-gen = team-managed. */
  style: z.enum(['classic', 'next-gen']).default('classic'),
  lead: z.string(),
  /** Project permissions per accountId. A user missing here cannot see the project at all. */
  permissions: z.record(z.string(), z.array(PermissionKey)),
  components: z.array(NamedRef).default([]),
  versions: z
    .array(NamedRef.extend({ released: z.boolean().default(false), releaseDate: z.string().optional() }))
    .default([]),
  /** Project properties (`/rest/api/3/project/{key}/properties/{propertyKey}`). */
  properties: z.record(z.string(), z.unknown()).optional(),
  /** Role actors by role id (`"10000": { users: [...], groups: [...] }`); roles not named here have none. */
  roleActors: z.record(z.string().regex(/^\d+$/, 'a role id'), SeedRoleActors).default({}),
});
export type SeedProject = z.infer<typeof SeedProject>;

export const SeedField = z.object({
  id: z.string().min(1),
  /** The field's key in `GET /field`; default its id (Forge app fields have their own). */
  key: z.string().min(1).optional(),
  name: z.string().min(1),
  custom: z.boolean(),
  schema: z
    .object({
      type: z.string(),
      items: z.string().optional(),
      system: z.string().optional(),
      custom: z.string().optional(),
      customId: z.number().int().optional(),
    })
    .optional(),
  /** Allowed values of a select field. */
  options: z.array(z.object({ id: z.string(), value: z.string() })).optional(),
});
export type SeedField = z.infer<typeof SeedField>;

export const SeedBoard = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  type: z.enum(['scrum', 'kanban']),
  projectKey: z.string(),
  /** Extra JQL restricting the board's filter (the filter is always `project = KEY AND (...)`). */
  filterJql: z.string().optional(),
  rankFieldId: z.string().default('customfield_10019'),
  /** The estimation field; absent = the board estimates by issue count. */
  estimationFieldId: z.string().optional(),
});
export type SeedBoard = z.infer<typeof SeedBoard>;

export const SeedSprint = z.object({
  id: z.number().int().positive(),
  boardId: z.number().int().positive(),
  name: z.string(),
  state: z.enum(['active', 'future', 'closed']),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  goal: z.string().optional(),
});
export type SeedSprint = z.infer<typeof SeedSprint>;

const IssueRef = z.object({ id: z.string().optional(), key: z.string() }).passthrough();

export const SeedIssueLink = z
  .object({
    id: z.string().optional(),
    type: z
      .object({ name: z.string(), inward: z.string(), outward: z.string(), id: z.string().optional() })
      .passthrough(),
    outwardIssue: IssueRef.optional(),
    inwardIssue: IssueRef.optional(),
  })
  .passthrough()
  .refine(
    (l) => Boolean(l.outwardIssue) !== Boolean(l.inwardIssue),
    'a link names exactly one of outwardIssue, inwardIssue',
  );

export const SeedIssue = z.object({
  id: z.string().regex(/^\d+$/, 'issue id must be numeric text, as in Jira'),
  key: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'issue key must look like ABC-123'),
  fields: z
    .object({
      summary: z.string().min(1),
      issuetype: z
        .object({ name: z.string(), id: z.string().optional(), subtask: z.boolean().optional() })
        .passthrough(),
      status: z
        .object({
          name: z.string(),
          id: z.string().optional(),
          statusCategory: z.object({ key: z.enum(['new', 'indeterminate', 'done']) }).passthrough(),
        })
        .passthrough(),
      project: z.object({ key: z.string() }).passthrough().optional(),
      priority: z.object({ name: z.string(), id: z.string().optional() }).passthrough().nullable().optional(),
      description: z.unknown().optional(),
      labels: z.array(z.string()).optional(),
      components: z.array(z.object({ name: z.string() }).passthrough()).optional(),
      fixVersions: z.array(z.object({ name: z.string() }).passthrough()).optional(),
      duedate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable()
        .optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
      reporter: z.object({ accountId: z.string() }).passthrough().nullable().optional(),
      assignee: z.object({ accountId: z.string() }).passthrough().nullable().optional(),
      parent: IssueRef.optional(),
      issuelinks: z.array(SeedIssueLink).optional(),
    })
    .passthrough(),
  /** Issue properties (`/rest/api/3/issue/{key}/properties/{propertyKey}`). */
  properties: z.record(z.string(), z.unknown()).optional(),
  /** Comments, oldest first: an ADF `body`, the author's accountId, and comment properties. */
  comments: z
    .array(
      z.object({
        id: z.string().regex(/^\d+$/),
        author: z.string().min(1),
        body: z.unknown(),
        created: z.string(),
        properties: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
  /** `expand=changelog` histories, newest last. */
  changelog: z
    .object({
      histories: z.array(
        z.object({
          id: z.string(),
          author: z.object({ accountId: z.string() }).passthrough(),
          created: z.string(),
          items: z.array(
            z.object({
              field: z.string(),
              fieldId: z.string().optional(),
              fieldtype: z.string().default('custom'),
              from: z.string().nullable().optional(),
              fromString: z.string().nullable().optional(),
              to: z.string().nullable().optional(),
              toString: z.string().nullable().optional(),
            }),
          ),
        }),
      ),
    })
    .optional(),
});
export type SeedIssue = z.infer<typeof SeedIssue>;

export const Seed = z.object({
  /** The user a request acts as when it names none (the Product Owner in the demo). */
  defaultUser: z.string(),
  users: z.array(SeedUser).min(1),
  groups: z.array(SeedGroup).default([]),
  /** Project roles (Jira's three default roles when absent). */
  roles: z.array(SeedRole).default(DEFAULT_ROLES),
  projects: z.array(SeedProject).min(1),
  fields: z.array(SeedField),
  boards: z.array(SeedBoard),
  sprints: z.array(SeedSprint).default([]),
  /** In rank order (first = top of the backlog), unless issues carry their own rank strings. */
  issues: z.array(SeedIssue),
});
export type Seed = z.infer<typeof Seed>;
export type SeedInput = z.input<typeof Seed>;
