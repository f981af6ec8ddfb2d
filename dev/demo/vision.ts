/**
 * The demo product vision for Trailhead (project TRAIL): two versions of the Product Vision Board and six
 * dated vision notes, written into the emulated Forge storage by `npm start` (dev/start.ts) so the Vision
 * tab has something to show. Records have exactly the shape src/store/vision.ts keeps.
 *
 * The app publishes a read copy of the vision to the project property `valuerank-vision` (ADR 5); the demo
 * seed of the site carries that copy of this demo vision ({@link demoPublishedVision}), and `npm start`
 * publishes again from storage ({@link publishStoredVision}), so `valuerank vision --project TRAIL` works.
 */
import {
  buildPublishedVision,
  PUBLISHED_VISION_PROPERTY,
  VisionBoardSchema,
  VisionNoteSchema,
  type PublishedVision,
  type VisionBoardInput,
  type VisionNoteInput,
} from '../../src/core/vision';
import { keyOf } from '../../src/store/keys';
import { StoredNoteSchema, StoredVersionSchema, VisionHeadSchema } from '../../src/store/vision';
import type { KvsStore } from '../harness/kvs';
import type { SiteState } from '../site/state';

const PROJECT = 'TRAIL';
const PO = { accountId: 'local-po', name: 'Amara Okafor' };
const DEV = { accountId: 'local-dev', name: 'Jonas Lindqvist' };

const FIRST: VisionBoardInput = {
  visionStatement: 'Help everyone get outside safely.',
  targetGroup: 'Weekend hikers in the Alps.',
  needs: 'Find a trail that fits the day.',
  product: 'A trail finder app.',
  goals: [
    { id: 'retention', name: 'Hikers come back', target: '30% monthly return', status: 'active', weight: 7 },
    {
      id: 'safety',
      name: 'Fewer rescues',
      target: 'No rescue of a Trailhead-planned hike',
      status: 'active',
      weight: 9,
    },
  ],
};

const CURRENT: VisionBoardInput = {
  visionStatement: 'Everyone who wants to be outside finds a trail they can finish, and gets home safely.',
  targetGroup:
    'Weekend and holiday hikers, from families with children to experienced solo walkers.\nTrail clubs that maintain routes and want hikers to know their state.',
  needs:
    'Know which trail fits today: length, climb, difficulty, weather and trail conditions.\nFind the way offline, where the phone has no signal.\nShare plans so someone knows where they are.',
  product:
    'Trailhead: a mobile trail finder with offline maps, live trail conditions reported by hikers and clubs, and a plan you can share.',
  goals: [
    {
      id: 'retention',
      name: 'Hikers come back',
      target: '40% of monthly active hikers return within 30 days',
      status: 'active',
      weight: 8,
    },
    {
      id: 'safety',
      name: 'Fewer rescues',
      target: 'No rescue call on a route planned with Trailhead',
      status: 'active',
      weight: 10,
    },
    {
      id: 'offline',
      name: 'Works without signal',
      target: '95% of hikes navigated fully offline',
      status: 'active',
      weight: 6,
    },
    {
      id: 'clubs',
      name: 'Clubs report conditions',
      target: '25 trail clubs reporting weekly by Q4',
      status: 'achieved',
      weight: 4,
    },
  ],
};

const NOTES: Array<VisionNoteInput & { authorName: string }> = [
  {
    id: 'demo-1',
    author: PO.accountId,
    authorName: PO.name,
    createdAt: '2026-06-02T09:00:00Z',
    type: 'decision',
    title: 'Offline maps before social features',
    text: 'Interviews showed most trails lose signal within 2 km. Sharing comes after offline navigation works.',
    tags: ['offline', 'roadmap'],
    issueKeys: [],
  },
  {
    id: 'demo-2',
    author: DEV.accountId,
    authorName: DEV.name,
    createdAt: '2026-06-20T14:30:00Z',
    type: 'insight',
    title: 'Hikers plan on Thursday evenings',
    text: 'Usage peaks Thursday 19:00–22:00: weekend hikes are planned mid-week.',
    tags: ['analytics'],
    issueKeys: [],
  },
  {
    id: 'demo-3',
    author: PO.accountId,
    authorName: PO.name,
    createdAt: '2026-07-08T10:15:00Z',
    type: 'stakeholder-feedback',
    title: 'Mountain rescue asks for shared plans',
    text: 'The regional rescue service would like hikers to share route and expected return time.',
    tags: ['safety', 'partners'],
    issueKeys: [],
  },
  {
    id: 'demo-4',
    author: PO.accountId,
    authorName: PO.name,
    createdAt: '2026-08-15T08:45:00Z',
    type: 'pivot',
    title: 'From "find trails" to "finish trails"',
    text: 'Success is a hike completed safely, not a search made. The vision statement changed accordingly.',
    tags: ['vision'],
    issueKeys: [],
  },
  {
    id: 'demo-5',
    author: DEV.accountId,
    authorName: DEV.name,
    createdAt: '2026-09-30T16:00:00Z',
    type: 'insight',
    title: 'Trail clubs want a reporting form',
    text: 'Three clubs already post conditions on their websites; a simple form would bring them to Trailhead.',
    tags: ['clubs', 'partners'],
    issueKeys: [],
  },
  {
    id: 'demo-6',
    author: PO.accountId,
    authorName: PO.name,
    createdAt: '2026-11-10T11:20:00Z',
    type: 'decision',
    title: 'Club reporting goal achieved',
    text: '27 clubs report weekly. Weight lowered; focus moves to offline navigation.',
    tags: ['clubs', 'goals'],
    issueKeys: [],
  },
];

/** Writes the demo vision into the store unless TRAIL already has one (e.g. with --persist). */
export function seedDemoVision(kvs: KvsStore): void {
  try {
    kvs.handle('/api/v1/entity/get', { entityName: 'vision-head', key: PROJECT });
    return; // already there
  } catch {
    // not there yet: seed below
  }
  const versions = [
    { version: 1, savedAt: '2026-05-20T09:00:00.000Z', by: PO, board: FIRST },
    { version: 2, savedAt: '2026-08-15T09:00:00.000Z', by: PO, board: CURRENT },
  ];
  for (const v of versions)
    kvs.handle('/api/v1/set', {
      key: keyOf('vision', PROJECT, 'v', v.version),
      value: {
        version: v.version,
        savedAt: v.savedAt,
        savedBy: v.by.accountId,
        savedByName: v.by.name,
        board: VisionBoardSchema.parse(v.board),
      },
    });
  const last = versions[versions.length - 1] as (typeof versions)[number];
  kvs.handle('/api/v1/entity/set', {
    entityName: 'vision-head',
    key: PROJECT,
    value: {
      projectKey: PROJECT,
      version: last.version,
      savedAt: last.savedAt,
      savedBy: last.by.accountId,
      savedByName: last.by.name,
    },
  });
  for (const { authorName, ...note } of NOTES)
    kvs.handle('/api/v1/entity/set', {
      entityName: 'vision-note',
      key: `${PROJECT}:${note.id}`,
      value: { ...VisionNoteSchema.parse(note), projectKey: PROJECT, authorName },
    });
}

/** The demo vision's published copy, as the app would have written it after the last demo note. */
export function demoPublishedVision(): PublishedVision {
  const last = NOTES.reduce((a, b) => (a.createdAt > b.createdAt ? a : b));
  return buildPublishedVision({
    projectKey: PROJECT,
    current: {
      version: 2,
      savedAt: '2026-08-15T09:00:00.000Z',
      savedBy: PO.accountId,
      savedByName: PO.name,
      board: VisionBoardSchema.parse(CURRENT),
    },
    notes: NOTES.map(({ authorName, ...note }) => ({ ...VisionNoteSchema.parse(note), authorName })),
    publishedBy: PO.name,
    now: new Date(last.createdAt),
  });
}

/**
 * Publishes the vision stored for `projectKey` (if any) to the site's project property, as the app does after
 * every change: for `npm start -- --persist`, where storage may hold another vision than the demo seed's copy.
 */
export function publishStoredVision(kvs: KvsStore, state: SiteState, projectKey = PROJECT): boolean {
  const spaces = kvs.snapshot();
  const rawHead = spaces['entity:vision-head']?.[projectKey];
  const head = rawHead === undefined ? undefined : VisionHeadSchema.parse(rawHead);
  const rawVersion = head ? spaces.kvs?.[keyOf('vision', projectKey, 'v', head.version)] : undefined;
  const current = rawVersion === undefined ? undefined : StoredVersionSchema.parse(rawVersion);
  const notes = Object.values(spaces['entity:vision-note'] ?? {})
    .map((n) => StoredNoteSchema.parse(n))
    .filter((n) => n.projectKey === projectKey);
  if (!current && notes.length === 0) return false;
  const properties = state.projectProperties.get(projectKey);
  if (!properties) return false;
  const latest = [current?.savedAt, ...notes.map((n) => n.updatedAt ?? n.createdAt)]
    .filter((t): t is string => t !== undefined)
    .sort()
    .pop();
  properties.set(
    PUBLISHED_VISION_PROPERTY,
    buildPublishedVision({
      projectKey,
      current,
      notes,
      publishedBy: current?.savedByName ?? PO.name,
      now: latest ? new Date(latest) : new Date(),
    }),
  );
  state.touch();
  return true;
}
