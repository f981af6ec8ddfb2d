/**
 * zod schemas of the Jira responses ValueRank reads. They check what we use and let the rest pass
 * (Jira adds fields over time); a response missing what we use is a JiraUnexpectedResponseError.
 */
import { z } from 'zod';

export const JiraUser = z
  .object({
    accountId: z.string(),
    displayName: z.string().optional(),
    emailAddress: z.string().optional(),
    active: z.boolean().optional(),
    timeZone: z.string().optional(),
    accountType: z.string().optional(),
  })
  .passthrough();
export type JiraUser = z.infer<typeof JiraUser>;

/** `GET /rest/api/3/user/viewissue/search`: a list of users. */
export const JiraUserList = z.array(JiraUser);

/** `GET /rest/api/3/user/bulk`: a page of users (ids Jira does not know are left out). */
export const JiraUsersPage = z
  .object({ values: z.array(JiraUser), isLast: z.boolean().optional(), total: z.number().optional() })
  .passthrough();

/** A field's type, as both field lists describe it. */
const FieldSchema = z
  .object({
    type: z.string(),
    items: z.string().optional(),
    system: z.string().optional(),
    custom: z.string().optional(),
    customId: z.number().optional(),
  })
  .passthrough();

export const JiraField = z
  .object({
    id: z.string(),
    key: z.string().optional(),
    name: z.string(),
    custom: z.boolean(),
    schema: FieldSchema.optional(),
    clauseNames: z.array(z.string()).optional(),
  })
  .passthrough();
export type JiraField = z.infer<typeof JiraField>;
export const JiraFieldList = z.array(JiraField);

/**
 * One field of `GET /rest/api/3/field/search` (Field): no `custom` flag or clause names, but where the field
 * is used when expanded (screens, contexts, projects, last change).
 */
export const JiraFieldDetails = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    schema: FieldSchema.optional(),
    typeDisplayName: z.string().optional(),
    screensCount: z.number().optional(),
    contextsCount: z.number().optional(),
    projectsCount: z.number().optional(),
    lastUsed: z.object({ type: z.string(), value: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type JiraFieldDetails = z.infer<typeof JiraFieldDetails>;

/** `GET /rest/api/3/field/search`: a page of fields (PageBeanField). */
export const JiraFieldPage = z
  .object({
    startAt: z.number().optional(),
    maxResults: z.number().optional(),
    total: z.number().optional(),
    isLast: z.boolean().optional(),
    values: z.array(JiraFieldDetails),
  })
  .passthrough();

export const JiraPermissions = z.object({
  permissions: z.record(
    z.string(),
    z.object({ key: z.string().optional(), havePermission: z.boolean().optional() }).passthrough(),
  ),
});

export const JiraProject = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    projectTypeKey: z.string().optional(),
    style: z.string().optional(),
    simplified: z.boolean().optional(),
  })
  .passthrough();
export type JiraProject = z.infer<typeof JiraProject>;

export const ProjectsPage = z.object({
  startAt: z.number().int(),
  maxResults: z.number().int(),
  total: z.number().int().optional(),
  isLast: z.boolean().optional(),
  values: z.array(JiraProject),
});

export const JiraBoard = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: z.string(),
    location: z
      .object({
        projectId: z.number().optional(),
        projectKey: z.string().optional(),
        projectName: z.string().optional(),
        projectTypeKey: z.string().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();
export type JiraBoard = z.infer<typeof JiraBoard>;

export const AgileValuesPage = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    startAt: z.number().int(),
    maxResults: z.number().int(),
    total: z.number().int().optional(),
    isLast: z.boolean().optional(),
    values: z.array(item),
  });

export const JiraBoardConfiguration = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: z.string().optional(),
    location: z
      .object({ type: z.string().optional(), projectKeyOrId: z.string().optional() })
      .passthrough()
      .optional(),
    filter: z.object({ id: z.string() }).passthrough().optional(),
    estimation: z
      .object({
        type: z.string(),
        field: z.object({ fieldId: z.string(), displayName: z.string().optional() }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
    ranking: z.object({ rankCustomFieldId: z.number().int() }).passthrough().optional(),
  })
  .passthrough();
export type JiraBoardConfiguration = z.infer<typeof JiraBoardConfiguration>;

export const JiraIssue = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z.record(z.string(), z.unknown()).default({}),
    properties: z.record(z.string(), z.unknown()).optional(),
    changelog: z.unknown().optional(),
  })
  .passthrough();
export type JiraIssue = z.infer<typeof JiraIssue>;

/** Agile issue lists (board backlog): `startAt`/`maxResults`/`total`. */
export const AgileIssuesPage = z.object({
  startAt: z.number().int(),
  maxResults: z.number().int(),
  total: z.number().int().optional(),
  isLast: z.boolean().optional(),
  issues: z.array(JiraIssue),
});

/** `POST /rest/api/3/search/jql`: token paging. */
export const JqlSearchPage = z.object({
  issues: z.array(JiraIssue).default([]),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

/** `POST /rest/api/3/search/approximate-count`. */
export const JqlCount = z.object({ count: z.number().int().min(0) }).passthrough();

export const RankResultEntries = z.object({
  entries: z.array(
    z
      .object({
        issueId: z.union([z.number(), z.string()]).transform(String),
        issueKey: z.string().optional(),
        status: z.number().int(),
        errors: z.array(z.string()).optional(),
      })
      .passthrough(),
  ),
});

export const JiraEntityProperty = z.object({ key: z.string(), value: z.unknown() }).passthrough();

/** An issue comment: its ADF body, its author, and (with `expand=properties`) its comment properties. */
export const JiraComment = z
  .object({
    id: z.string(),
    author: z.object({ accountId: z.string() }).passthrough().optional(),
    body: z.unknown().optional(),
    created: z.string(),
    properties: z.array(JiraEntityProperty).optional(),
  })
  .passthrough();
export type JiraComment = z.infer<typeof JiraComment>;

/** `GET /rest/api/3/issue/{key}/comment`: one page of comments (`startAt`/`maxResults`/`total`). */
export const JiraCommentsPage = z.object({
  startAt: z.number().int(),
  maxResults: z.number().int(),
  total: z.number().int(),
  comments: z.array(JiraComment),
});

/**
 * One change item of a changelog entry; values are Jira's text (null when empty). Jira names the new value's
 * text `toString`, which every object inherits: read it with {@link changeItemTo}, never as `item.toString`.
 */
export const JiraChangeItem = z
  .object({
    field: z.string(),
    fieldId: z.string().optional(),
    fieldtype: z.string().optional(),
    from: z.string().nullable().optional(),
    fromString: z.string().nullable().optional(),
    to: z.string().nullable().optional(),
  })
  .passthrough()
  .refine((item) => {
    const to: unknown = Object.hasOwn(item, 'toString') ? (item as Record<string, unknown>).toString : null;
    return to === null || to === undefined || typeof to === 'string';
  }, 'toString must be a string or null');
export type JiraChangeItem = z.infer<typeof JiraChangeItem>;

/** The new value's text of a change item (Jira's `toString`), or null. */
export function changeItemTo(item: JiraChangeItem): string | null {
  const to: unknown = Object.hasOwn(item, 'toString') ? (item as Record<string, unknown>).toString : null;
  return typeof to === 'string' ? to : null;
}

export const JiraChangelogEntry = z
  .object({
    id: z.string(),
    created: z.string(),
    author: z
      .object({ accountId: z.string().optional(), displayName: z.string().optional() })
      .passthrough()
      .optional(),
    items: z.array(JiraChangeItem).default([]),
  })
  .passthrough();
export type JiraChangelogEntry = z.infer<typeof JiraChangelogEntry>;

/** `GET /rest/api/3/issue/{key}/changelog`: offset paging, oldest first. */
export const ChangelogPage = z.object({
  startAt: z.number().int(),
  maxResults: z.number().int(),
  total: z.number().int().optional(),
  isLast: z.boolean().optional(),
  values: z.array(JiraChangelogEntry),
});

/** A group as `GET /rest/api/3/myself?expand=groups` lists it (`groupId` may be null on old sites). */
export const JiraGroupName = z
  .object({ name: z.string().optional(), groupId: z.string().nullable().optional() })
  .passthrough();

/** `GET /rest/api/3/myself?expand=groups`: the caller with the groups they belong to. */
export const JiraUserWithGroups = JiraUser.extend({
  groups: z
    .object({ size: z.number().int().optional(), items: z.array(JiraGroupName).default([]) })
    .passthrough()
    .optional(),
});

/** `GET /rest/api/3/project/{key}/roledetails`: every project role (the list is the same in every project). */
export const JiraProjectRoleDetailsList = z.array(
  z.object({ id: z.number().int(), name: z.string(), description: z.string().optional() }).passthrough(),
);

/** `GET /rest/api/3/project/{key}/role/{id}`: one role with its actors (users and groups). */
export const JiraProjectRole = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().optional(),
    actors: z
      .array(
        z
          .object({
            type: z.string().optional(),
            displayName: z.string().optional(),
            actorUser: z.object({ accountId: z.string().optional() }).passthrough().optional(),
            actorGroup: z
              .object({
                groupId: z.string().optional(),
                name: z.string().optional(),
                displayName: z.string().optional(),
              })
              .passthrough()
              .optional(),
          })
          .passthrough(),
      )
      .default([]),
  })
  .passthrough();
