/**
 * Who may edit the vision board besides project administrators: the members of one project role that an
 * admin picked (ADR 6). A user is a member when the role names them, or one of their groups.
 *
 * Jira shows a role's actors only to those who administer the project, so the actors are read as the app
 * (`asApp`); the caller's groups are read as the caller (`myself?expand=groups`). Membership only ever lets
 * someone edit the vision in ValueRank's own storage, never Jira data: every Jira change still runs as the
 * user (or, for the vision's read copy, as the app after this check, ADR 5).
 */
import type { GroupRef, JiraClient } from '../../jira/client';
import { JiraNotFoundError } from '../../jira/errors';

export interface MembershipDeps {
  /** Jira as the person asking: reads their groups. */
  userJira: JiraClient;
  /** Jira as the app: reads the role's actors (which need Administer Projects). */
  appJira: JiraClient;
}

export interface RoleMembership {
  member: boolean;
  /** The role's current name in Jira; undefined when the role no longer exists. */
  roleName: string | undefined;
}

const sameGroup = (a: GroupRef, b: GroupRef): boolean =>
  a.groupId !== undefined && b.groupId !== undefined
    ? a.groupId === b.groupId
    : a.name !== undefined && a.name === b.name;

/**
 * Whether `accountId` acts in role `roleId` of the project, directly or through a group. Two Jira calls, in
 * parallel: the role's actors (as the app) and the caller's groups (as the caller). A role that no longer
 * exists has no members.
 */
export async function roleMembership(
  deps: MembershipDeps,
  projectKey: string,
  roleId: number,
  accountId: string,
): Promise<RoleMembership> {
  const [role, groups] = await Promise.all([
    deps.appJira.projectRoleActors(projectKey, roleId).catch((error: unknown) => {
      if (error instanceof JiraNotFoundError) return undefined;
      throw error;
    }),
    deps.userJira.myGroups(),
  ]);
  if (!role) return { member: false, roleName: undefined };
  const member =
    role.accountIds.includes(accountId) || role.groups.some((g) => groups.some((mine) => sameGroup(g, mine)));
  return { member, roleName: role.name };
}
