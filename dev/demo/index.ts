/**
 * Demo data of the local Jira site, written by us: the Trailhead product backlog (TRAIL), the operations
 * kanban (OPS), a restricted finance project (FIN), and a generator for large backlogs (BIG).
 *
 * Everything is built in code and deterministically: two calls return deep-equal seeds.
 */
import { DEFAULT_ROLES, type SeedInput } from '../site/seed-schema';
import { buildProjects, type ProjectSpec } from './build';
import { buildLargeIssues } from './large';
import { finItems, opsItems } from './ops';
import { ACCOUNT, ALL_PERMISSIONS, fields, teamPermissions, users } from './site';
import { TRAIL_FILES, TRAIL_LINKS } from './trail';
import { demoPublishedVision } from './vision';
import { PUBLISHED_VISION_PROPERTY } from '../../src/core/vision';
import { withDemoQuestions } from './questions';

type SeedSprintInput = NonNullable<SeedInput['sprints']>[number];

export const TRAIL_BOARD_ID = 1;
export const MOBILE_BOARD_ID = 2;
export const OPS_BOARD_ID = 3;
export const BIG_BOARD_ID = 99;

function trailSprints(): Record<'closed' | 'active' | 'future', SeedSprintInput> {
  return {
    closed: {
      id: 1,
      boardId: TRAIL_BOARD_ID,
      name: 'TRAIL Sprint 13',
      state: 'closed',
      startDate: '2026-10-26T09:00:00.000Z',
      endDate: '2026-11-06T16:00:00.000Z',
      goal: 'Guests can book without an account and see the booking on their phone',
    },
    active: {
      id: 2,
      boardId: TRAIL_BOARD_ID,
      name: 'TRAIL Sprint 14',
      state: 'active',
      startDate: '2026-11-09T09:00:00.000Z',
      endDate: '2026-11-20T16:00:00.000Z',
      goal: 'Deposits end to end: guests can pay a deposit, guides get paid out automatically after the trip',
    },
    future: {
      id: 3,
      boardId: TRAIL_BOARD_ID,
      name: 'TRAIL Sprint 15',
      state: 'future',
      startDate: '2026-11-23T09:00:00.000Z',
      endDate: '2026-12-04T16:00:00.000Z',
    },
  };
}

const TRAIL_VERSIONS = [
  { id: '10010', name: '2026.4', released: true, releaseDate: '2026-10-15' },
  { id: '10011', name: '2027.1', released: false, releaseDate: '2027-01-28' },
  { id: '10012', name: '2027.2', released: false, releaseDate: '2027-04-29' },
  { id: '10013', name: '2027.3', released: false, releaseDate: '2027-07-29' },
];

const TRAIL_COMPONENTS = [
  { id: '10000', name: 'Search' },
  { id: '10001', name: 'Booking' },
  { id: '10002', name: 'Payments' },
  { id: '10003', name: 'Guide Portal' },
  { id: '10004', name: 'Mobile App' },
  { id: '10005', name: 'Notifications' },
  { id: '10006', name: 'Platform' },
];

function demoProjects(): ProjectSpec[] {
  const sprints = trailSprints();
  return [
    {
      id: '10000',
      key: 'TRAIL',
      name: 'Trailhead',
      style: 'classic',
      lead: 'po',
      permissions: teamPermissions(),
      components: TRAIL_COMPONENTS,
      versions: TRAIL_VERSIONS,
      flavour: 'scrum',
      files: TRAIL_FILES,
      links: TRAIL_LINKS,
      sprints,
      changelogCount: 30,
    },
    {
      id: '10001',
      key: 'OPS',
      name: 'Trailhead Operations',
      style: 'next-gen',
      lead: 'po',
      permissions: teamPermissions(),
      components: [],
      versions: [],
      flavour: 'kanban',
      files: [opsItems],
    },
    {
      id: '10002',
      key: 'FIN',
      name: 'Trailhead Finance',
      style: 'classic',
      lead: 'po',
      // Restricted: only the Product Owner may see it.
      permissions: { [ACCOUNT.po]: [...ALL_PERMISSIONS] },
      components: [],
      versions: [],
      flavour: 'plain',
      files: [finItems],
    },
  ];
}

/** The demo's groups: the product group (the PO only) and the whole team. */
export const DEMO_GROUPS = {
  product: { groupId: '7d3c1e52-5b0a-4c8e-9f21-3a6b2d1c0a01', name: 'trailhead-product' },
  team: { groupId: '7d3c1e52-5b0a-4c8e-9f21-3a6b2d1c0a02', name: 'trailhead-team' },
} as const;

/** Jira's three default roles and the demo's own "Product team" role (ids as Jira gives them). */
export const DEMO_ROLES = {
  administrators: 10002,
  developers: 10000,
  users: 10001,
  productTeam: 10100,
} as const;

function demoGroups(): NonNullable<SeedInput['groups']> {
  return [
    { ...DEMO_GROUPS.product, members: [ACCOUNT.po] },
    { ...DEMO_GROUPS.team, members: [ACCOUNT.po, ACCOUNT.dev, ACCOUNT.viewer] },
  ];
}

function demoRoles(): NonNullable<SeedInput['roles']> {
  return [
    ...DEFAULT_ROLES,
    {
      id: DEMO_ROLES.productTeam,
      name: 'Product team',
      description: 'Product management: the product owner and stakeholders who shape the vision',
    },
  ];
}

/** Who acts in which role of a team project: the PO administers, the developer develops, the team uses. */
function teamRoleActors(): Record<string, { users?: string[]; groups?: string[] }> {
  return {
    [DEMO_ROLES.administrators]: { users: [ACCOUNT.po] },
    [DEMO_ROLES.developers]: { users: [ACCOUNT.dev] },
    [DEMO_ROLES.users]: { groups: [DEMO_GROUPS.team.name] },
    [DEMO_ROLES.productTeam]: { groups: [DEMO_GROUPS.product.name] },
  };
}

/** The Trailhead demo: TRAIL (scrum, boards 1 and 2), OPS (kanban, board 3) and FIN (restricted, no board). */
export function buildDemoSeed(): SeedInput {
  const sprints = trailSprints();
  const { projects: built, issues } = buildProjects(demoProjects());
  // The read copy of the demo vision the app published for TRAIL (project property, ADR 5).
  const projects = built.map((p) =>
    p.key === 'TRAIL' ? { ...p, properties: { [PUBLISHED_VISION_PROPERTY]: demoPublishedVision() } } : p,
  );
  // Role actors (docs/local-site.md): TRAIL and OPS are team projects; FIN only has its administrator.
  const withRoles = projects.map((p) => ({
    ...p,
    roleActors: p.key === 'FIN' ? { [DEMO_ROLES.administrators]: { users: [ACCOUNT.po] } } : teamRoleActors(),
  }));
  return {
    defaultUser: ACCOUNT.po,
    users: users(),
    groups: demoGroups(),
    roles: demoRoles(),
    projects: withRoles,
    fields: fields(),
    boards: [
      {
        id: TRAIL_BOARD_ID,
        name: 'TRAIL board',
        type: 'scrum',
        projectKey: 'TRAIL',
        rankFieldId: 'customfield_10019',
        estimationFieldId: 'customfield_10016',
      },
      {
        id: MOBILE_BOARD_ID,
        name: 'Mobile board',
        type: 'scrum',
        projectKey: 'TRAIL',
        filterJql: 'labels = mobile',
        rankFieldId: 'customfield_10019',
        estimationFieldId: 'customfield_10016',
      },
      {
        id: OPS_BOARD_ID,
        name: 'OPS board',
        type: 'kanban',
        projectKey: 'OPS',
        rankFieldId: 'customfield_10019',
      },
    ],
    sprints: [sprints.closed, sprints.active, sprints.future],
    issues: withDemoQuestions(issues),
  };
}

/**
 * A large backlog for performance work: the demo's users and fields, one project BIG (id 10100) with a scrum
 * board (id 99), and exactly `issueCount` backlog issues (To Do, no sprint) generated from templates with a
 * seeded generator.
 */
export function buildLargeSeed(issueCount: number): SeedInput {
  if (!Number.isInteger(issueCount) || issueCount < 0)
    throw new Error('issueCount must be a non-negative integer');
  return {
    defaultUser: ACCOUNT.po,
    users: users(),
    projects: [
      {
        id: '10100',
        key: 'BIG',
        name: 'Big Backlog',
        style: 'classic',
        lead: ACCOUNT.po,
        permissions: teamPermissions(),
        components: TRAIL_COMPONENTS.map((c) => ({ ...c })),
        versions: TRAIL_VERSIONS.map((v) => ({ ...v })),
      },
    ],
    fields: fields(),
    boards: [
      {
        id: BIG_BOARD_ID,
        name: 'BIG board',
        type: 'scrum',
        projectKey: 'BIG',
        rankFieldId: 'customfield_10019',
        estimationFieldId: 'customfield_10016',
      },
    ],
    sprints: [],
    issues: buildLargeIssues(issueCount, {
      projectId: '10100',
      projectKey: 'BIG',
      projectName: 'Big Backlog',
    }),
  };
}

export { adf, adfToText } from './adf';
