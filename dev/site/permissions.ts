/**
 * Who may do what: project permissions per user from the seed, global permissions per user, and the app
 * actor (`asApp()`), which may do everything. Without BROWSE_PROJECTS a user holds no other project
 * permission there either (Jira hides the project entirely).
 */
import type { SeedProject, SeedUser } from './seed-schema';
import type { IssueRecord, SiteState } from './state';

export type Caller = { kind: 'user'; user: SeedUser } | { kind: 'app' };

/** How the Forge app appears when it acts as itself. */
export const APP_USER = {
  accountId: '557058:valuerank-app',
  displayName: 'ValueRank',
  accountType: 'app',
} as const;

export function callerId(caller: Caller): string {
  return caller.kind === 'app' ? 'app' : caller.user.accountId;
}

interface PermissionInfo {
  id: string;
  name: string;
  type: 'PROJECT' | 'GLOBAL';
  description: string;
}

const p = (id: string, name: string, description: string): PermissionInfo => ({
  id,
  name,
  type: 'PROJECT',
  description,
});
const g = (id: string, name: string, description: string): PermissionInfo => ({
  id,
  name,
  type: 'GLOBAL',
  description,
});

/** Jira Cloud's permission keys (a 400 names any other key). */
export const PERMISSIONS: Readonly<Record<string, PermissionInfo>> = {
  ADMINISTER: g(
    '0',
    'Administer Jira',
    'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
  ),
  SYSTEM_ADMIN: g('44', 'Administer Jira system', 'Configure Jira system settings.'),
  USER_PICKER: g('27', 'Browse users and groups', 'View and select users or groups from the user picker.'),
  CREATE_SHARED_OBJECTS: g(
    '22',
    'Share dashboards and filters',
    'Share dashboards and filters with other users.',
  ),
  MANAGE_GROUP_FILTER_SUBSCRIPTIONS: g(
    '24',
    'Manage group filter subscriptions',
    'Create and delete group filter subscriptions.',
  ),
  BULK_CHANGE: g('33', 'Make bulk changes', 'Modify collections of issues at once.'),
  ADMINISTER_PROJECTS: p('23', 'Administer Projects', 'Ability to administer a project in Jira.'),
  BROWSE_PROJECTS: p('10', 'Browse Projects', 'Ability to browse projects and the issues within them.'),
  VIEW_DEV_TOOLS: p(
    '29',
    'View Development Tools',
    'Allows users to view development-related information on the issue.',
  ),
  VIEW_READONLY_WORKFLOW: p(
    '45',
    'View Read-Only Workflow',
    'Users with this permission may view a read-only version of a workflow.',
  ),
  CREATE_ISSUES: p('11', 'Create Issues', 'Ability to create issues.'),
  EDIT_ISSUES: p('12', 'Edit Issues', 'Ability to edit issues.'),
  TRANSITION_ISSUES: p('46', 'Transition Issues', 'Ability to transition issues.'),
  SCHEDULE_ISSUES: p('28', 'Schedule Issues', "Ability to set or edit an issue's due date."),
  MOVE_ISSUES: p(
    '25',
    'Move Issues',
    'Ability to move issues between projects or between workflows of the same project.',
  ),
  ASSIGN_ISSUES: p('13', 'Assign Issues', 'Ability to assign issues to other people.'),
  ASSIGNABLE_USER: p('17', 'Assignable User', 'Users with this permission may be assigned to issues.'),
  RESOLVE_ISSUES: p('14', 'Resolve Issues', 'Ability to resolve and reopen issues.'),
  CLOSE_ISSUES: p('18', 'Close Issues', 'Ability to close issues.'),
  MODIFY_REPORTER: p(
    '30',
    'Modify Reporter',
    'Ability to modify the reporter when creating or editing an issue.',
  ),
  DELETE_ISSUES: p('16', 'Delete Issues', 'Ability to delete issues.'),
  LINK_ISSUES: p('21', 'Link Issues', 'Ability to link issues together and create linked issues.'),
  SET_ISSUE_SECURITY: p('26', 'Set Issue Security', 'Ability to set the level of security on an issue.'),
  MANAGE_SPRINTS_PERMISSION: p('-1', 'Manage sprints', 'Ability to manage sprints.'),
  VIEW_VOTERS_AND_WATCHERS: p(
    '31',
    'View Voters and Watchers',
    'Ability to view the voters and watchers of an issue.',
  ),
  MANAGE_WATCHERS: p('32', 'Manage Watchers', 'Ability to manage the watchers of an issue.'),
  ADD_COMMENTS: p('15', 'Add Comments', 'Ability to comment on issues.'),
  EDIT_ALL_COMMENTS: p('34', 'Edit All Comments', 'Ability to edit all comments made on issues.'),
  EDIT_OWN_COMMENTS: p('35', 'Edit Own Comments', 'Ability to edit own comments made on issues.'),
  DELETE_ALL_COMMENTS: p('36', 'Delete All Comments', 'Ability to delete all comments made on issues.'),
  DELETE_OWN_COMMENTS: p('37', 'Delete Own Comments', 'Ability to delete own comments made on issues.'),
  CREATE_ATTACHMENTS: p('19', 'Create Attachments', 'Users with this permission may create attachments.'),
  DELETE_ALL_ATTACHMENTS: p(
    '38',
    'Delete All Attachments',
    'Users with this permission may delete all attachments.',
  ),
  DELETE_OWN_ATTACHMENTS: p(
    '39',
    'Delete Own Attachments',
    'Users with this permission may delete own attachments.',
  ),
  WORK_ON_ISSUES: p('20', 'Work On Issues', 'Ability to log work done against an issue.'),
  EDIT_OWN_WORKLOGS: p('40', 'Edit Own Worklogs', 'Ability to edit own worklogs made on issues.'),
  EDIT_ALL_WORKLOGS: p('41', 'Edit All Worklogs', 'Ability to edit all worklogs made on issues.'),
  DELETE_OWN_WORKLOGS: p('42', 'Delete Own Worklogs', 'Ability to delete own worklogs made on issues.'),
  DELETE_ALL_WORKLOGS: p('43', 'Delete All Worklogs', 'Ability to delete all worklogs made on issues.'),
};

export function hasProjectPermission(
  caller: Caller,
  project: SeedProject | undefined,
  permission: string,
): boolean {
  if (!project) return false;
  if (caller.kind === 'app') return true;
  const granted = project.permissions[caller.user.accountId] as readonly string[] | undefined;
  return granted !== undefined && granted.includes('BROWSE_PROJECTS') && granted.includes(permission);
}

export function canBrowseProject(caller: Caller, project: SeedProject | undefined): boolean {
  return hasProjectPermission(caller, project, 'BROWSE_PROJECTS');
}

export function canBrowseIssue(state: SiteState, caller: Caller, issue: IssueRecord): boolean {
  return canBrowseProject(caller, state.projects.get(issue.projectKey));
}

export function hasIssuePermission(
  state: SiteState,
  caller: Caller,
  issue: IssueRecord,
  permission: string,
): boolean {
  return hasProjectPermission(caller, state.projects.get(issue.projectKey), permission);
}

export function hasGlobalPermission(caller: Caller, permission: string): boolean {
  if (caller.kind === 'app') return true;
  return (caller.user.globalPermissions as readonly string[]).includes(permission);
}

export function browsableProjects(state: SiteState, caller: Caller): SeedProject[] {
  return [...state.projects.values()].filter((project) => canBrowseProject(caller, project));
}
